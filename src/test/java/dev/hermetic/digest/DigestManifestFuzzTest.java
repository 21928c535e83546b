package dev.hermetic.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile digest manifests and side files (docs/fuzzing.md): the reader accepts or refuses with {@link DigestManifestException}
 * naming the file; anything else thrown is a finding, and so is a manifest whose own written form reads back
 * differently. Without {@code JAZZER_FUZZ} this replays the committed inputs under
 * {@code src/test/resources/dev/hermetic/digest/DigestManifestFuzzTestInputs/<method>/}.
 */
class DigestManifestFuzzTest {

    @TempDir
    static Path directory;

    @FuzzTest
    void read(byte[] input) throws IOException {
        Path file = directory.resolve("SHA256SUMS");
        Files.write(file, input);
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            DigestManifest manifest;
            try {
                manifest = DigestManifest.read(file, algorithm);
            } catch (DigestManifestException refused) {
                assertThat(refused.getMessage()).contains(file.toString());
                continue;
            }
            DigestManifest again = DigestManifest.parse(manifest.format(), algorithm, "written form");
            assertThat(again.entries()).isEqualTo(manifest.entries());
        }
    }

    /** The same bytes as a side file ({@code <file>.sha256}: the hex digest alone). */
    @FuzzTest
    void readSideFile(byte[] input) throws IOException {
        Path file = directory.resolve("app.jar.sha256");
        Files.write(file, input);
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            try {
                assertThat(DigestManifest.readSideFile(file, algorithm)).hasSize(algorithm.hexLength());
            } catch (DigestManifestException refused) {
                assertThat(refused.getMessage()).contains(file.toString());
            }
        }
    }
}
