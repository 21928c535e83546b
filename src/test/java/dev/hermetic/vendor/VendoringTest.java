package dev.hermetic.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendoringTest {

    @TempDir
    Path root;

    @Test
    void advisesIgnoringTheVendoredDirectoryUntilGitignoreNamesIt() throws Exception {
        Path hermetic = root.resolve(".hermetic");
        assertThat(Vendoring.gitignoreAdvice(root, hermetic)).contains("/.hermetic/", "Apache RAT",
                root.resolve(".gitignore").toString());

        Files.writeString(root.resolve(".gitignore"), "target/\n.hermetic-other\n");
        assertThat(Vendoring.gitignoreAdvice(root, hermetic)).isNotNull();

        for (String line : new String[] {".hermetic", "/.hermetic", ".hermetic/", " /.hermetic/ ", "**/.hermetic",
                ".hermetic/**", "/.hermetic/*"}) {
            Files.writeString(root.resolve(".gitignore"), "target/\n" + line + "\n");
            assertThat(Vendoring.gitignoreAdvice(root, hermetic)).as(line).isNull();
        }
    }

    @Test
    void aDirectoryOutsideTheProjectNeedsNoAdvice() throws Exception {
        assertThat(Vendoring.gitignoreAdvice(root.resolve("project"), root.resolve("elsewhere"))).isNull();
    }
}
