package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.NormalizationResult.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PORTABLE output is a contract (docs/normalize-format.md): the golden corpus must come out with the recorded
 * SHA-256 values, so a change of the encoder's bytes fails here until the values are changed with it, on purpose.
 */
class PortableGoldenTest {

    @TempDir
    Path dir;

    @Test
    void portableOutputOfTheGoldenCorpusHasTheRecordedDigests() throws IOException {
        List<Path> corpus = GoldenCorpus.write(dir);
        ArchiveNormalizer normalizer = new ArchiveNormalizer(NormalizationOptions.defaults(GoldenCorpus.EPOCH));

        for (Path archive : corpus) {
            assertThat(normalizer.normalize(archive).outcome()).as(archive.getFileName().toString()).isEqualTo(Outcome.NORMALIZED);
        }

        GoldenCorpus.assertRecorded(corpus, "normalized in the test's JVM");
    }
}
