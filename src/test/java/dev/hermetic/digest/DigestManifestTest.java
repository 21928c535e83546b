package dev.hermetic.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestManifestTest {

    // sha256("abc"), sha256(""), sha256("hello\n") and sha512("abc"): published test vectors / coreutils output.
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String ABC_512 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        return new ArrayList<>(List.of(
                Files.writeString(dir.resolve("b.jar"), "abc"),
                Files.writeString(dir.resolve("a.pom"), ""),
                Files.writeString(dir.resolve("Z.txt"), "hello\n"),
                Files.writeString(dir.resolve("é.txt"), "abc")));
    }

    @Test
    void goldenOutputSortedByUtf8Bytes() throws Exception {
        DigestManifest manifest = DigestManifest.compute(DigestAlgorithm.SHA_256, files());

        // Upper case sorts before lower case, and non-ASCII after ASCII, whatever the locale.
        assertThat(manifest.format()).isEqualTo(
                HELLO + "  Z.txt\n"
                        + EMPTY + "  a.pom\n"
                        + ABC + "  b.jar\n"
                        + ABC + "  é.txt\n");
    }

    @Test
    void shuffledInputGivesIdenticalBytes() throws Exception {
        List<Path> files = files();
        DigestManifest.compute(DigestAlgorithm.SHA_256, files).write(dir.resolve("first"));
        Collections.shuffle(files, new Random(42));
        Collections.reverse(files);
        DigestManifest.compute(DigestAlgorithm.SHA_256, files).write(dir.resolve("second"));

        assertThat(Files.readAllBytes(dir.resolve("second"))).isEqualTo(Files.readAllBytes(dir.resolve("first")));
    }

    @Test
    void roundTripAndVerify() throws Exception {
        DigestManifest written = DigestManifest.compute(DigestAlgorithm.SHA_512, files());
        Path manifestFile = dir.resolve("SHA512SUMS");
        written.write(manifestFile);

        DigestManifest read = DigestManifest.read(manifestFile, DigestAlgorithm.SHA_512);

        assertThat(read).isEqualTo(written);
        assertThat(read.entries().get("b.jar")).isEqualTo(ABC_512);
        DigestManifest.Verification verification = read.verify(dir);
        assertThat(verification.ok()).isTrue();
        assertThat(verification.matched()).containsExactly("Z.txt", "a.pom", "b.jar", "é.txt");
    }

    @Test
    void verifyDetectsChangedAndMissingFiles() throws Exception {
        DigestManifest manifest = DigestManifest.compute(DigestAlgorithm.SHA_256, files());
        Files.writeString(dir.resolve("b.jar"), "abd");
        Files.delete(dir.resolve("a.pom"));

        DigestManifest.Verification verification = manifest.verify(dir);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.mismatched()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("b.jar");
            assertThat(m.expected()).isEqualTo(ABC);
            assertThat(m.actual()).isEqualTo(HexDigests.digest("abd".getBytes(StandardCharsets.UTF_8),
                    DigestAlgorithm.SHA_256));
        });
        assertThat(verification.missing()).containsExactly("a.pom");
        assertThat(verification.matched()).containsExactly("Z.txt", "é.txt");
    }

    @Test
    void coreutilsChecksOurManifestAndWeReadTheirs() throws Exception {
        List<Path> files = files();
        DigestManifest.compute(DigestAlgorithm.SHA_256, files).write(dir.resolve("SHA256SUMS"));

        assertThat(run("sha256sum", "-c", "SHA256SUMS").exitCode).isZero();

        Result theirs = run("sha256sum", "-b", "b.jar", "a.pom", "Z.txt");
        assertThat(theirs.exitCode).isZero();
        DigestManifest parsed = DigestManifest.parse(theirs.stdout, DigestAlgorithm.SHA_256, "sha256sum output");
        assertThat(parsed.entries()).containsExactly(
                Map.entry("Z.txt", HELLO), Map.entry("a.pom", EMPTY), Map.entry("b.jar", ABC));

        Files.writeString(dir.resolve("Z.txt"), "changed\n");
        assertThat(run("sha256sum", "-c", "SHA256SUMS").exitCode).isNotZero();
    }

    @Test
    void lenientReadingOfWhatToolsWrite() throws Exception {
        String text = "# made by hand\r\n\r\n" + ABC.toUpperCase() + " *b.jar\r\n" + EMPTY + "  sub/a.pom\n";

        DigestManifest manifest = DigestManifest.parse(text, DigestAlgorithm.SHA_256, "SUMS");

        assertThat(manifest.entries()).containsExactly(Map.entry("b.jar", ABC), Map.entry("sub/a.pom", EMPTY));
        assertThat(manifest.format()).isEqualTo(ABC + "  b.jar\n" + EMPTY + "  sub/a.pom\n");
    }

    @Test
    void malformedManifestsNameTheLine() {
        assertThatThrownBy(() -> DigestManifest.parse(ABC + "  a\nnonsense\n", DigestAlgorithm.SHA_256, "SUMS"))
                .isInstanceOf(DigestManifestException.class)
                .hasMessage("SUMS line 2 is not '<hex digest>  <file name>' (SHA-256 manifest, as written by sha256sum)");
        assertThatThrownBy(() -> DigestManifest.parse(ABC + "  a\n", DigestAlgorithm.SHA_512, "SUMS"))
                .hasMessageContaining("SUMS line 1: The SHA-512 digest of 'a' must be 128 hex digits");
        assertThatThrownBy(() -> DigestManifest.parse(ABC + "  a\n" + EMPTY + "  a\n", DigestAlgorithm.SHA_256, "SUMS"))
                .hasMessage("SUMS line 2 lists 'a' a second time");
        assertThatThrownBy(() -> DigestManifest.parse(ABC + "  ../etc/passwd\n", DigestAlgorithm.SHA_256, "SUMS"))
                .hasMessageContaining("must be a relative path");
    }

    @Test
    void duplicateFileNamesAreRefused() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        List<Path> files = List.of(Files.writeString(dir.resolve("x.jar"), "1"), Files.writeString(other.resolve("x.jar"), "2"));

        assertThatThrownBy(() -> DigestManifest.compute(DigestAlgorithm.SHA_256, files))
                .hasMessageContaining("Two files named 'x.jar'");
    }

    @Test
    void sideFilesHoldTheBareHexAsMavenRepositoriesDo() throws Exception {
        Path jar = Files.writeString(dir.resolve("b.jar"), "abc");

        List<Path> written = DigestManifest.writeSideFiles(jar, EnumSet.allOf(DigestAlgorithm.class));

        assertThat(written).containsExactly(dir.resolve("b.jar.sha256"), dir.resolve("b.jar.sha512"));
        assertThat(Files.readString(dir.resolve("b.jar.sha256"))).isEqualTo(ABC);
        assertThat(Files.readString(dir.resolve("b.jar.sha512"))).isEqualTo(ABC_512);
        assertThat(DigestManifest.readSideFile(dir.resolve("b.jar.sha512"), DigestAlgorithm.SHA_512)).isEqualTo(ABC_512);
        Files.writeString(dir.resolve("c.sha256"), ABC + "  b.jar\n");
        assertThat(DigestManifest.readSideFile(dir.resolve("c.sha256"), DigestAlgorithm.SHA_256)).isEqualTo(ABC);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private record Result(int exitCode, String stdout) {}

    private Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        return new Result(process.waitFor(), out.toString(StandardCharsets.UTF_8));
    }
}
