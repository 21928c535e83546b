package dev.hermetic.audit;

import static dev.hermetic.audit.AuditFixtures.VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIssuesTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInListNamesEachPluginsFirstFixedVersionAndAPublicReference() throws IOException {
        KnownIssues issues = KnownIssues.builtIn();
        assertThat(issues.all()).hasSizeGreaterThan(30).allSatisfy(i -> {
            assertThat(i.reference()).startsWith("https://");
            assertThat(i.reason()).isNotBlank();
        });
        assertThat(issues.affecting("org.apache.maven.plugins:maven-jar-plugin", "3.1.2", VERSIONS)).isPresent();
        assertThat(issues.affecting("org.apache.maven.plugins:maven-jar-plugin", "3.2.0", VERSIONS)).isEmpty();
        assertThat(issues.affecting("org.codehaus.mojo:aspectj-maven-plugin", "1.15.0", VERSIONS)).get()
                .extracting(KnownIssues.Issue::fixedIn).isNull();
        assertThat(issues.affecting("org.example:unknown-plugin", "1.0", VERSIONS)).isEmpty();
    }

    @Test
    void aUserFileReplacesTheEntriesItNamesAndAddsOthers() throws IOException {
        Path file = dir.resolve("issues.txt");
        Files.writeString(file, "# ours\norg.apache.maven.plugins:maven-jar-plugin | 3.0.0 | accepted: we normalize"
                + " | https://example.com/decision\norg.example:stamp-plugin | no fix | stamps the date"
                + " | https://example.com/stamp\n");
        KnownIssues issues = KnownIssues.withUserFile(file);
        assertThat(issues.affecting("org.apache.maven.plugins:maven-jar-plugin", "3.1.2", VERSIONS)).isEmpty();
        assertThat(issues.affecting("org.example:stamp-plugin", "9.9", VERSIONS)).get()
                .extracting(KnownIssues.Issue::reason).isEqualTo("stamps the date");
        assertThat(issues.affecting("org.apache.maven.plugins:maven-war-plugin", "3.0.0", VERSIONS)).isPresent();
    }

    @Test
    void aBadLineNamesTheFileTheLineAndTheFormat() {
        assertThatThrownBy(() -> KnownIssues.parse(new StringReader("\n\ng:a | 1.0 | why\n"), "mine.txt"))
                .hasMessage("mine.txt:3: expected 'groupId:artifactId | first fixed version or no fix | reason |"
                        + " https://reference', found 3 fields");
        assertThatThrownBy(() -> KnownIssues.parse(new StringReader("g:a | 1.0 | why | http://x\n"), "mine.txt"))
                .hasMessageContaining("mine.txt:1: the reference 'http://x' is not an https:// address");
        assertThatThrownBy(() -> KnownIssues.parse(new StringReader("jar | 1.0 | why | https://x\n"), "mine.txt"))
                .hasMessage("mine.txt:1: 'jar' is not groupId:artifactId");
        assertThatThrownBy(() -> KnownIssues.parse(new StringReader("g:a | 1 | a | https://x\ng:a | 2 | b | https://y"),
                "mine.txt")).hasMessage("mine.txt:2: g:a is listed twice");
        assertThatThrownBy(() -> KnownIssues.withUserFile(dir.resolve("none.txt")))
                .hasMessageEndingWith("none.txt: no such file");
    }
}
