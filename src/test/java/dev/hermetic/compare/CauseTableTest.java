package dev.hermetic.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CauseTableTest {

    @TempDir
    Path dir;

    @Test
    void everyKindHasABuiltInCause() throws IOException {
        CauseTable table = CauseTable.builtIn();
        for (DifferenceKind kind : DifferenceKind.values()) {
            Cause cause = table.classify("x", kind, "something", "a", "b");
            assertThat(cause.id()).as(kind.id()).isNotEqualTo("unknown");
            assertThat(cause.fix()).as(kind.id()).isNotBlank();
        }
    }

    @Test
    void maskedRulesNeedTwoValuesThatDifferOnlyThere() throws IOException {
        CauseTable table = CauseTable.builtIn();
        assertThat(table.classify("NOTICE", DifferenceKind.TEXT, "line 2", "Copyright 2002-2026 ASF", "Copyright 2002-2031 ASF").id())
                .isEqualTo("build-clock-year");
        assertThat(table.classify("NOTICE", DifferenceKind.TEXT, "line 2", "Copyright 2002-2026 ASF", "Copyright 2002-2031 Apache").id())
                .isEqualTo("content");
        assertThat(table.classify("builddef.lst", DifferenceKind.TEXT, "line 1", "-d /home/a/work/target/classes",
                "-d /tmp/b/target/classes").id()).isEqualTo("build-path");
        assertThat(table.classify("a.txt", DifferenceKind.TEXT, "line 1", "added", null).id()).isEqualTo("content");
    }

    @Test
    void anAttributeOnOneSideOnlyIsNotAJdkDifference() throws IOException {
        Cause cause = CauseTable.builtIn().classify("META-INF/MANIFEST.MF", DifferenceKind.MANIFEST, "attribute Build-Jdk-Spec", "1.8", null);
        assertThat(cause.id()).isEqualTo("manifest-attribute");
        assertThat(cause.explanation()).startsWith("a manifest attribute differs (1.8 vs (absent))");
    }

    @Test
    void permissionsWithoutUnixModeOnOneSideAreTheArchiversNotTheUmask() throws IOException {
        CauseTable table = CauseTable.builtIn();
        assertThat(table.classify("a", DifferenceKind.PERMISSIONS, "external attributes", "0x00000000, made by MS-DOS",
                "unix mode 100644, made by unix").id()).isEqualTo("archiver-host");
        assertThat(table.classify("a", DifferenceKind.PERMISSIONS, "external attributes", "unix mode 100644, made by unix",
                "0x00000000, made by MS-DOS").id()).isEqualTo("archiver-host-here");
        assertThat(table.classify("a", DifferenceKind.PERMISSIONS, "external attributes", "unix mode 100644, made by unix",
                "unix mode 100600, made by unix").id()).isEqualTo("umask");
    }

    @Test
    void aUsersRulesComeFirstAndFillInTheValues() throws IOException {
        Path file = Files.writeString(dir.resolve("causes.txt"), """
                # our own generator stamps a build number
                [build-number]
                kind = properties
                what = ^key build\\.number$
                cause = the CI build number differs ({reference} vs {actual})
                fix = leave build.number out of release builds
                """);
        CauseTable table = CauseTable.withUserRules(file);
        Cause cause = table.classify("a.properties", DifferenceKind.PROPERTIES, "key build.number", "41", "42");
        assertThat(cause).isEqualTo(new Cause("build-number", "the CI build number differs (41 vs 42)",
                "leave build.number out of release builds"));
        assertThat(table.classify("a", DifferenceKind.TIMESTAMP, "mtime", "1", "2").id()).isEqualTo("timestamps");
    }

    @Test
    void aBadTableNamesTheFileTheLineAndWhatIsWrong() throws IOException {
        assertBad("kind = text\n", "causes.txt:1: 'kind = text' comes before the first '[rule-name]'");
        assertBad("[a]\nkind = texts\ncause = c\nfix = f\n", "causes.txt:1: rule [a]: 'texts' is not a difference kind; kinds are only-in-reference,");
        assertBad("[a]\nkind = text\nfix = f\n", "causes.txt:1: rule [a] has no 'cause = ...'");
        assertBad("[a]\nkind = text\nwhat = (\ncause = c\nfix = f\n", "causes.txt:1: rule [a]: what is not a regular expression");
        assertBad("[a]\nkinds = text\n", "causes.txt:2: unknown key 'kinds'; keys are actual, cause, entry, fix, given, kind, masked, reference, what");
        assertBad("[a]\nkind = class-file\ngiven = build-jdk, buld-jdk\ncause = c\nfix = f\n",
                "causes.txt: rule [a]: given names 'buld-jdk', which is no rule's name");
        assertBad("[a]\njust words\n", "causes.txt:2: expected '[rule-name]' or 'key = value', found 'just words'");
        assertThatThrownBy(() -> CauseTable.withUserRules(dir.resolve("none.txt")))
                .hasMessage(dir.resolve("none.txt") + ": no such file");
    }

    private void assertBad(String text, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("causes.txt"), text);
        assertThatThrownBy(() -> CauseTable.withUserRules(file))
                .isInstanceOf(CauseTable.CauseTableException.class)
                .hasMessageStartingWith(dir.resolve(message.substring(0, message.indexOf(':'))) + message.substring(message.indexOf(':')));
    }
}
