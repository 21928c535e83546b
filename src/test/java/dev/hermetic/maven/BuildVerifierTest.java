package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildVerifierTest {

    @TempDir
    Path dir;

    @Test
    void aFormatOneLockfileIsRefusedWithTheFixNotAsMalformed() throws Exception {
        Path lockfile = Files.writeString(dir.resolve("hermetic.lock"), """
                format 1
                algorithm SHA-256
                environment maven 3.9.16
                environment java 17.0.15 Debian
                environment wrapper -
                module g:app
                g:a:jar:1.0 %s dependency compile *
                """.formatted("1".repeat(64)));

        assertThatThrownBy(() -> BuildVerifier.readLockfile(lockfile))
                .isInstanceOf(BuildVerifier.VerifyFailure.class)
                .hasMessageStartingWith("Lockfile " + lockfile + ": format 1 was written by an earlier version")
                .hasMessageContaining("`mvn verify hermetic:lock`")
                .hasMessageContaining("review the diff")
                .hasMessageNotContaining("malformed");
    }
}
