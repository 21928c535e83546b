package it.s;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs only through Surefire's JUnit Platform provider; leaves a mark that verify.groovy looks for. */
class ProviderRanTest {
    @Test
    void leavesAMark() throws Exception {
        Files.writeString(Path.of("target", "provider-ran.txt"), "the JUnit Platform provider ran this test\n");
    }
}
