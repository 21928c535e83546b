package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LockfileReaderTest {

    static final String H1 = "1".repeat(64);
    static final String H2 = "2".repeat(64);

    /** Lines 1-9 are the header; artifacts start on line 10. */
    static final String VALID = """
            # comment
            format 2
            algorithm SHA-256
            environment maven 3.9.16
            environment java 17.0.15 Eclipse Adoptium
            environment wrapper -
            module g:app
            module g:lib

            g:a:jar:1.0 %s dependency compile,test * -
            g:b:jar:tests:2.0 %s plugin,plugin-dependency - g:lib p:one,p:two
            """.formatted(H1, H2);

    /** VALID in format 3: builds on lines 9 and 10; artifacts start on line 12. */
    static final String VALID_3 = VALID.replace("format 2", "format 3")
            .replace("module g:lib\n", "module g:lib\nbuild default -\nbuild release !quick,release\n")
            .replace(" * -\n", " * - *\n").replace(" p:one,p:two\n", " p:one,p:two release\n");

    @TempDir
    Path dir;

    @Test
    void readsTheBuildsOfFormat3() throws Exception {
        Lockfile lock = LockfileReader.parse(Path.of("hermetic.lock"), VALID_3);
        assertThat(lock.formatVersion()).isEqualTo(3);
        assertThat(lock.builds()).containsExactly(BuildVariant.DEFAULT,
                new BuildVariant("release", java.util.List.of("!quick", "release")));
        assertThat(lock.artifacts().get(0).builds()).containsExactly("default", "release");
        assertThat(lock.artifacts().get(1).builds()).containsExactly("release");
        assertThat(lock.forBuild("default").artifacts()).extracting(a -> a.coordinates().artifactId())
                .containsExactly("a");
        assertThat(LockfileWriter.render(lock)).contains("build release !quick,release\n",
                " dependency compile,test * - *\n", " g:lib p:one,p:two release\n");
    }

    @Test
    void readsFormat2AsOneDefaultBuildThatEveryLineHas() throws Exception {
        Lockfile lock = LockfileReader.parse(Path.of("hermetic.lock"), VALID);
        assertThat(lock.formatVersion()).isEqualTo(2);
        assertThat(lock.builds()).containsExactly(BuildVariant.DEFAULT);
        assertThat(lock.artifacts()).allSatisfy(a -> assertThat(a.builds()).containsExactly("default"));
    }

    @Test
    void messagesSuggestTheCommandOfTheBuildAtHand() throws Exception {
        Path file = Files.writeString(dir.resolve("hermetic.lock"), "# nothing\n");
        assertThatThrownBy(() -> LockfileReader.read(file, "mvn verify hermetic:lock -Prelease"))
                .isInstanceOf(LockfileFormatException.class)
                .hasMessageContaining("Run `mvn verify hermetic:lock -Prelease` to write the lockfile.");
    }

    @Test
    void readsAValidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("hermetic.lock"), VALID);
        Lockfile lock = LockfileReader.read(file);
        assertThat(lock.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(lock.environment()).isEqualTo(new BuildEnvironment("3.9.16", "17.0.15", "Eclipse Adoptium", ""));
        assertThat(lock.modules()).containsExactly("g:app", "g:lib");
        assertThat(lock.artifacts()).hasSize(2);
        LockedArtifact b = lock.artifacts().get(1);
        assertThat(b.coordinates()).isEqualTo(new ArtifactCoordinates("g", "b", "2.0", "jar", "tests"));
        assertThat(b.roles()).containsExactly(ArtifactRole.PLUGIN, ArtifactRole.PLUGIN_DEPENDENCY);
        assertThat(b.scopes()).isEmpty();
        assertThat(b.modules()).containsExactly("g:lib");
        assertThat(b.plugins()).containsExactly("p:one", "p:two");
        assertThat(lock.artifacts().get(0).modules()).containsExactly("g:app", "g:lib");
        assertThat(lock.artifacts().get(0).plugins()).isEmpty();
    }

    @Test
    void formatOneIsRefusedAsOutdatedWithTheFix() {
        String formatOne = VALID.replace("format 2", "format 1").replace(" * -\n", " *\n")
                .replace(" g:lib p:one,p:two", " g:lib");
        assertThatThrownBy(() -> LockfileReader.parse(Path.of("hermetic.lock"), formatOne))
                .isInstanceOfSatisfying(OutdatedLockfileException.class, e -> {
                    assertThat(e.foundVersion()).isEqualTo(1);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).contains("format 1 was written by an earlier version", "reads format 2",
                            "which plugin pulled", "mvn verify hermetic:lock", "review the diff");
                });
    }

    @Test
    void acceptsUnsortedArtifactsCrlfAndUppercaseHex() throws Exception {
        String text = VALID.replace("g:a:jar:1.0 " + H1, "g:z:jar:1.0 " + "A".repeat(64)).replace("\n", "\r\n");
        Lockfile lock = LockfileReader.parse(Path.of("x.lock"), text);
        assertThat(lock.artifacts()).extracting(a -> a.coordinates().artifactId()).containsExactly("b", "z");
        assertThat(lock.artifacts().get(1).digest()).isEqualTo("a".repeat(64));
    }

    @Test
    void acceptsAByteOrderMark() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.lock"), "\uFEFF" + VALID);
        assertThat(LockfileReader.read(file)).isEqualTo(LockfileReader.parse(file, VALID));
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThatThrownBy(() -> LockfileReader.read(dir.resolve("absent.lock")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void notUtf8IsReported() throws Exception {
        Path file = Files.write(dir.resolve("bin.lock"), new byte[] {'f', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> LockfileReader.read(file)).isInstanceOf(LockfileFormatException.class)
                .hasMessageContaining("not UTF-8");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("empty file", "", 0, "empty: no 'format 3' header"),
                bad("only comments", "# a\n# b\n", 0, "empty: no 'format 3' header"),
                bad("missing header", VALID.replace("format 2\n", ""), 2, "missing header"),
                bad("other file", "<?xml version=\"1.0\"?>\n", 1, "missing header"),
                bad("unknown format version", VALID.replace("format 2", "format 4"), 2,
                        "unknown format version '4': this plugin reads formats 2 to 3"),
                bad("format without version", VALID.replace("format 2", "format"), 2, "unknown format version"),
                bad("second format", VALID.replace("module g:app", "format 2"), 7, "second 'format' line"),
                bad("md5 downgrade", VALID.replace("SHA-256", "MD5"), 3, "algorithm MD5 refused: the lockfile was "
                        + "downgraded"),
                bad("sha1 downgrade", VALID.replace("SHA-256", "sha1"), 3, "algorithm sha1 refused"),
                bad("SHA-1 downgrade", VALID.replace("SHA-256", "SHA-1"), 3, "downgraded"),
                bad("unknown algorithm", VALID.replace("SHA-256", "BLAKE3"), 3, "unknown algorithm 'BLAKE3'"),
                bad("algorithm twice", VALID.replace("environment maven", "algorithm SHA-256\nenvironment maven"), 4,
                        "second 'algorithm' line"),
                bad("no algorithm", VALID.replace("algorithm SHA-256\n", ""), 9, "no 'algorithm' line"),
                bad("no environment", VALID.replace("environment maven 3.9.16\n", ""), 9,
                        "no 'environment maven' line"),
                bad("no artifacts and no environment", "format 2\nalgorithm SHA-256\n", 2,
                        "no 'environment maven' line"),
                bad("unknown environment key", VALID.replace("environment wrapper -", "environment gradle 8"), 6,
                        "unknown environment key 'gradle'"),
                bad("java without vendor", VALID.replace("17.0.15 Eclipse Adoptium", "17.0.15"), 5,
                        "expected 'environment java <version> <vendor>'"),
                bad("maven with two values", VALID.replace("maven 3.9.16", "maven 3.9.16 extra"), 4,
                        "takes one value"),
                bad("duplicate environment", VALID.replace("environment wrapper -", "environment maven 3.9.11"), 6,
                        "duplicate 'environment maven' (first on line 4)"),
                bad("duplicate module", VALID.replace("module g:lib", "module g:app"), 8,
                        "duplicate module 'g:app' (first on line 7)"),
                bad("header after artifacts", VALID + "module g:late\n", 12, "'module' after the first artifact"),
                bad("unknown keyword", VALID.replace("module g:lib", "repository central"), 8,
                        "unknown keyword 'repository'"),
                bad("malformed coordinates", VALID.replace("g:a:jar:1.0", "g:a:1.0"), 10,
                        "malformed coordinates 'g:a:1.0'"),
                bad("too many coordinate parts", VALID.replace("g:a:jar:1.0", "g:a:jar:x:y:1.0"), 10,
                        "malformed coordinates 'g:a:jar:x:y:1.0'"),
                bad("empty coordinate part", VALID.replace("g:a:jar:1.0", "g::jar:1.0"), 10,
                        "part '' is empty"),
                bad("path traversal", VALID.replace("g:a:jar:1.0", "g:a:jar:.."), 10, "part '..'"),
                bad("short digest", VALID.replace(H1, H1.substring(1)), 10,
                        "checksum of g:a:jar:1.0 has 63 hex digits, SHA-256 has 64"),
                bad("sha-512 length under sha-256", VALID.replace(H1, H1 + H1), 10, "has 128 hex digits"),
                bad("non-hex digest", VALID.replace(H1, "g" + H1.substring(1)), 10, "is not hexadecimal"),
                // Character.digit would take a full-width or Arabic-Indic digit for a hex digit; a lockfile must not.
                bad("non-ASCII digit in digest", VALID.replace(H1, "\uff11" + H1.substring(1)), 10,
                        "is not hexadecimal"),
                bad("duplicate entry", VALID + "g:a:jar:1.0 " + H2 + " dependency compile * -\n", 12,
                        "duplicate entry for g:a:jar:1.0 (first on line 10)"),
                bad("unknown role", VALID.replace("plugin,plugin-dependency", "plugin,tool"), 11,
                        "unknown role 'tool' for g:b:jar:tests:2.0"),
                bad("missing field", VALID.replace(" - g:lib", " g:lib"), 11, "an artifact line has 6 fields"),
                bad("format 2 line in format 3", VALID_3.replace(" p:one,p:two release", " p:one,p:two"), 13,
                        "an artifact line has 7 fields '<coordinates> <checksum> <roles> <scopes> <modules> <plugins> "
                                + "<builds>' in format 3, found 6"),
                bad("build line in format 2", VALID.replace("module g:lib", "module g:lib\nbuild default -"), 9,
                        "a 'build' line in a format 2 file"),
                bad("no build line in format 3", VALID_3.replace("build default -\nbuild release !quick,release\n", ""),
                        10, "no 'build' line before this point"),
                bad("duplicate build", VALID_3.replace("build release", "build default"), 10,
                        "duplicate build 'default' (first on line 9)"),
                bad("build without profiles field", VALID_3.replace("build default -", "build default"), 9,
                        "expected 'build <name> <profiles, comma-separated, or ->'"),
                bad("build name with star", VALID_3.replace("build default -", "build def*ault -"), 9,
                        "Invalid build name 'def*ault'"),
                bad("unknown build on a line", VALID_3.replace(" p:one,p:two release", " p:one,p:two ci"), 13,
                        "build 'ci' of g:b:jar:tests:2.0 is not declared by a 'build ci <profiles>' line before the "
                                + "artifacts (builds declared: default, release)"),
                bad("no build on a line", VALID_3.replace(" p:one,p:two release", " p:one,p:two -"), 13,
                        "no build for g:b:jar:tests:2.0"),
                bad("empty build in list", VALID_3.replace(" p:one,p:two release", " p:one,p:two release,"), 13,
                        "invalid build ''"),
                bad("build after artifacts", VALID_3 + "build ci ci\n", 14, "'build' after the first artifact"),
                bad("format 1 line", VALID.replace(" * -\n", " *\n"), 10, "found 5"),
                bad("extra field", VALID.replace(" p:one,p:two", " p:one,p:two central"), 11, "found 7"),
                bad("plugin without groupId", VALID.replace("p:one,p:two", "p:one,two"), 11,
                        "invalid plugin 'two' for g:b:jar:tests:2.0: expected groupId:artifactId"),
                bad("empty plugin", VALID.replace("p:one,p:two", "p:one,"), 11, "invalid plugin ''"),
                bad("undeclared module", VALID.replace(" - g:lib", " - g:other"), 11,
                        "module 'g:other' of g:b:jar:tests:2.0 is not declared"),
                bad("empty list element", VALID.replace("compile,test", "compile,,test"), 10,
                        "invalid scope '' in 'compile,,test'"),
                bad("all modules without modules", VALID.replace("module g:app\nmodule g:lib\n", ""), 8,
                        "modules '*' (all) for g:a:jar:1.0 but no 'module' line"),
                bad("double space", VALID.replace("jar:1.0 " + H1, "jar:1.0  " + H1), 10,
                        "exactly one space"),
                bad("trailing blank", VALID.replace("compile,test * -", "compile,test * - "), 10,
                        "leading or trailing blanks"));
    }

    static Arguments bad(String name, String text, int line, String message) {
        return Arguments.of(name, text, line, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputNamesFileLineAndProblem(String name, String text, int line, String message) {
        Path file = Path.of("project", "hermetic.lock");
        assertThatThrownBy(() -> LockfileReader.parse(file, text))
                .isInstanceOfSatisfying(LockfileFormatException.class, e -> {
                    assertThat(e.line()).as("line of: " + e.getMessage()).isEqualTo(line);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage()).startsWith(file + (line > 0 ? ":" + line + ": " : ": "));
                    assertThat(e.problem()).contains(message);
                });
    }
}
