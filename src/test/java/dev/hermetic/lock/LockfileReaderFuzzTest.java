package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile lockfiles (docs/fuzzing.md): the reader accepts or refuses with {@link LockfileFormatException} naming
 * the file; anything else thrown is a finding. Without {@code JAZZER_FUZZ} this replays the committed inputs
 * under {@code src/test/resources/dev/hermetic/lock/LockfileReaderFuzzTestInputs/read/}.
 */
class LockfileReaderFuzzTest {

    @TempDir
    static Path directory;

    @FuzzTest
    void read(byte[] input) throws IOException {
        Path file = directory.resolve("hermetic.lock");
        Files.write(file, input);
        try {
            LockfileReader.read(file);
        } catch (LockfileFormatException refused) {
            assertThat(refused.getMessage()).contains(file.toString());
        }
    }
}
