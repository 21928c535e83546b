package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives (docs/fuzzing.md). Each input is written to a file and normalized in place, as the goal does.
 * The normalizer may refuse with {@link ArchiveProblemException}; anything else thrown is a finding, and so is a
 * failure that leaves the file changed or a temporary file behind, or a result that normalizing again changes.
 * Without {@code JAZZER_FUZZ} these replay the committed inputs under
 * {@code src/test/resources/dev/hermetic/archive/ArchiveNormalizerFuzzTestInputs/<method>/}.
 */
class ArchiveNormalizerFuzzTest {

    private static final long EPOCH = 1_764_547_200L; // 2025-12-01T00:00:00Z

    private static final ArchiveNormalizer PORTABLE =
            new ArchiveNormalizer(NormalizationOptions.defaults(EPOCH).withCompression(CompressionMode.PORTABLE));
    private static final ArchiveNormalizer FAST =
            new ArchiveNormalizer(NormalizationOptions.defaults(EPOCH).withCompression(CompressionMode.FAST));

    @TempDir
    static Path directory;

    @FuzzTest
    void zipPortable(byte[] input) throws IOException {
        normalizeOnce(PORTABLE, input, "in.jar");
    }

    @FuzzTest
    void zipFast(byte[] input) throws IOException {
        normalizeOnce(FAST, input, "in.jar");
    }

    /** Tar and gzip-compressed tar: the normalizer tells them apart by content, as it does for zips. */
    @FuzzTest
    void tar(byte[] input) throws IOException {
        normalizeOnce(PORTABLE, input, "in.tar.gz");
    }

    private static void normalizeOnce(ArchiveNormalizer normalizer, byte[] input, String name) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, input);
        try {
            NormalizationResult first;
            try {
                first = normalizer.normalize(file);
            } catch (ArchiveProblemException refused) {
                assertThat(refused.getMessage()).startsWith(file.toString());
                assertThat(Files.readAllBytes(file)).as("a refused file is untouched").isEqualTo(input);
                return;
            }
            if (first.outcome() == NormalizationResult.Outcome.NORMALIZED) {
                byte[] normalized = Files.readAllBytes(file);
                assertThat(normalizer.normalize(file).outcome()).as("normalizing the result again")
                        .isEqualTo(NormalizationResult.Outcome.UNCHANGED);
                assertThat(Files.readAllBytes(file)).isEqualTo(normalized);
            } else if (first.outcome() != NormalizationResult.Outcome.UNCHANGED) {
                assertThat(Files.readAllBytes(file)).as("a file left alone").isEqualTo(input);
            }
        } finally {
            assertThat(emptyDirectory()).as("files left behind besides the input").containsExactly(file);
        }
    }

    /** Deletes everything in the directory, for the next input, and says what was there. */
    private static List<Path> emptyDirectory() throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.list(directory)) {
            found = files.toList();
        }
        for (Path f : found) {
            Files.delete(f);
        }
        return found;
    }
}
