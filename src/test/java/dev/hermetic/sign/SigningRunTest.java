package dev.hermetic.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import dev.hermetic.digest.HexDigests;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures checked by the real {@code sqv}; the key made by the real gpg. */
class SigningRunTest {

    private static final Set<DigestAlgorithm> BOTH = EnumSet.allOf(DigestAlgorithm.class);

    @TempDir
    static Path keys;

    private static GpgHome gpg;
    private static String fingerprint;
    private static Path keyring;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKey() throws Exception {
        gpg = new GpgHome(keys.resolve("gnupg"));
        fingerprint = gpg.generate("run@example.org", "ed25519", "sign", "never", "", null);
        keyring = Files.write(keys.resolve("public.gpg"), gpg.exportPublicBinary(fingerprint));
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    private SigningKey key() throws Exception {
        Path key = Files.writeString(keys.resolve("key.asc"), gpg.exportSecret(fingerprint, ""));
        return new SigningKeyLoader().keySource(SigningKeySource.file(key)).load();
    }

    private static void assertVerifies(Path signature, Path file) {
        GpgHome.Result sqv = GpgHome.sqv(keyring, signature, file);
        assertThat(sqv.exitCode()).as(sqv.all()).isZero();
    }

    /** Every file under {@code directory}, by name. */
    private static List<String> names(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEachFilesOutputsUnderItsNameAndASignedManifestOfThemAll() throws Exception {
        Path jar = Files.writeString(dir.resolve("build.jar"), "jar bytes");
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path out = dir.resolve("out");
        Path manifest = out.resolve("lib-1.0-digests.sha256sum");
        List<SigningRun.FileToSign> files = List.of(
                new SigningRun.FileToSign(jar, out, "lib-1.0.jar"), new SigningRun.FileToSign(pom, out, "lib-1.0.pom"));

        SigningRun.Result result;
        try (SigningRun run = SigningRun.start(files, Optional.of(manifest), EnumSet.of(DigestAlgorithm.SHA_512))) {
            result = run.signAndWrite(key());
        }

        assertThat(names(out)).containsExactly("lib-1.0-digests.sha256sum", "lib-1.0-digests.sha256sum.asc",
                "lib-1.0-digests.sha256sum.sha512", "lib-1.0.jar.asc", "lib-1.0.jar.sha512", "lib-1.0.pom.asc",
                "lib-1.0.pom.sha512");
        assertThat(result.files()).extracting(SigningRun.Signed::source).containsExactlyElementsOf(files);
        assertVerifies(out.resolve("lib-1.0.jar.asc"), jar);
        assertVerifies(out.resolve("lib-1.0.pom.asc"), pom);
        assertVerifies(out.resolve("lib-1.0-digests.sha256sum.asc"), manifest);
        assertThat(Files.readString(out.resolve("lib-1.0.jar.sha512")))
                .isEqualTo(HexDigests.digest(jar, DigestAlgorithm.SHA_512));
        assertThat(result.files().get(0).digests()).isEqualTo(HexDigests.digest(jar, BOTH));
        assertThat(DigestManifest.read(manifest, DigestAlgorithm.SHA_256).entries()).isEqualTo(Map.of(
                "lib-1.0.jar", HexDigests.digest(jar, DigestAlgorithm.SHA_256),
                "lib-1.0.pom", HexDigests.digest(pom, DigestAlgorithm.SHA_256)));
        SigningRun.Signed signedManifest = result.manifest().orElseThrow();
        assertThat(signedManifest.source().file()).isEqualTo(manifest);
        assertThat(signedManifest.sideFiles()).containsOnlyKeys(DigestAlgorithm.SHA_512);
        assertThat(Files.readString(signedManifest.sideFiles().get(DigestAlgorithm.SHA_512)))
                .isEqualTo(HexDigests.digest(manifest, DigestAlgorithm.SHA_512));
    }

    @Test
    void aFileMadeFromTheDigestsOfTheBytesSignedIsWrittenSignedAndListedLikeThem() throws Exception {
        Path jar = Files.writeString(dir.resolve("build.jar"), "jar bytes");
        Path out = dir.resolve("out");
        Path made = dir.resolve("attest/lib-1.0.intoto.jsonl");
        Path manifest = out.resolve("lib-1.0-digests.sha256sum");
        List<List<SigningRun.Signed>> seen = new java.util.ArrayList<>();

        SigningRun.Result result;
        try (SigningRun run = SigningRun.start(List.of(new SigningRun.FileToSign(jar, out, "lib-1.0.jar")),
                Optional.of(manifest), BOTH)) {
            result = run.signAndWrite(key(), List.of(signed -> {
                seen.add(signed);
                return new SigningRun.MadeFile(new SigningRun.FileToSign(made, out, "lib-1.0.intoto.jsonl"),
                        ("subject " + signed.get(0).digests().get(DigestAlgorithm.SHA_512)).getBytes(
                                java.nio.charset.StandardCharsets.UTF_8));
            }));
        }

        // The maker saw the digests of the very bytes signed, from the run's one read.
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get(0).digests()).isEqualTo(HexDigests.digest(jar, BOTH));
        assertThat(Files.readString(made)).isEqualTo("subject " + HexDigests.digest(jar, DigestAlgorithm.SHA_512));
        assertThat(result.made()).hasSize(1);
        assertThat(result.made().get(0).digests()).isEqualTo(HexDigests.digest(made, BOTH));
        assertVerifies(out.resolve("lib-1.0.intoto.jsonl.asc"), made);
        assertThat(Files.readString(out.resolve("lib-1.0.intoto.jsonl.sha256")))
                .isEqualTo(HexDigests.digest(made, DigestAlgorithm.SHA_256));
        assertThat(DigestManifest.read(manifest, DigestAlgorithm.SHA_256).entries()).isEqualTo(Map.of(
                "lib-1.0.jar", HexDigests.digest(jar, DigestAlgorithm.SHA_256),
                "lib-1.0.intoto.jsonl", HexDigests.digest(made, DigestAlgorithm.SHA_256)));
    }

    @Test
    void eachMakerSeesTheFilesSignedThenThoseMadeBeforeIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("build.jar"), "jar bytes");
        Path out = dir.resolve("out");
        Path sbom = dir.resolve("lib-1.0-cyclonedx.json");
        Path provenance = dir.resolve("lib-1.0.intoto.jsonl");
        List<List<String>> seen = new java.util.ArrayList<>();
        SigningRun.FileMaker sbomMaker = signed -> {
            seen.add(signed.stream().map(s -> s.source().name()).toList());
            return new SigningRun.MadeFile(new SigningRun.FileToSign(sbom, out, "lib-1.0-cyclonedx.json"),
                    ("hashes " + signed.get(0).digests().get(DigestAlgorithm.SHA_256)).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8));
        };
        SigningRun.FileMaker provenanceMaker = signed -> {
            seen.add(signed.stream().map(s -> s.source().name()).toList());
            String subjects = signed.stream().map(s -> s.source().name() + " " + s.digests().get(DigestAlgorithm.SHA_256))
                    .collect(java.util.stream.Collectors.joining("\n"));
            return new SigningRun.MadeFile(new SigningRun.FileToSign(provenance, out, "lib-1.0.intoto.jsonl"),
                    subjects.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };

        SigningRun.Result result;
        try (SigningRun run = SigningRun.start(List.of(new SigningRun.FileToSign(jar, out, "lib-1.0.jar")),
                Optional.of(out.resolve("lib-1.0-digests.sha256sum")), BOTH)) {
            result = run.signAndWrite(key(), List.of(sbomMaker, provenanceMaker));
        }

        assertThat(seen).containsExactly(List.of("lib-1.0.jar"), List.of("lib-1.0.jar", "lib-1.0-cyclonedx.json"));
        assertThat(Files.readString(provenance)).isEqualTo(
                "lib-1.0.jar " + HexDigests.digest(jar, DigestAlgorithm.SHA_256) + "\n"
                + "lib-1.0-cyclonedx.json " + HexDigests.digest(sbom, DigestAlgorithm.SHA_256));
        assertThat(result.made()).extracting(s -> s.source().name())
                .containsExactly("lib-1.0-cyclonedx.json", "lib-1.0.intoto.jsonl");
        // Each file's stamp is the one it has once in place: what lets a later step trust its digests.
        assertThat(result.files().get(0).stamp()).contains(dev.hermetic.digest.FileStamp.of(jar));
        assertThat(result.made().get(0).stamp()).contains(dev.hermetic.digest.FileStamp.of(sbom));
        assertThat(result.manifest().orElseThrow().stamp())
                .contains(dev.hermetic.digest.FileStamp.of(out.resolve("lib-1.0-digests.sha256sum")));
    }

    @Test
    void aMakerThatFailsLeavesNothingOfThisRun() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");
        Path out = dir.resolve("out");

        try (SigningRun run = SigningRun.start(List.of(new SigningRun.FileToSign(jar, out, "a.jar")),
                Optional.of(out.resolve("SHA256SUMS")), BOTH)) {
            SigningKey key = key();
            assertThatThrownBy(() -> run.signAndWrite(key, List.of(signed -> {
                throw new SigningException("cannot make it");
            }))).isInstanceOf(SigningException.class).hasMessage("cannot make it");
        }

        assertThat(Files.exists(out) ? names(out) : List.of()).isEmpty();
    }

    @Test
    void aFailurePartWayLeavesNothingOfThisRunAndTheEarlierOutputsAsTheyWere() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path first = Files.writeString(dir.resolve("a.jar"), "a");
        Path last = Files.writeString(dir.resolve("c.jar"), "c");
        Files.writeString(out.resolve("a.jar.asc"), "an earlier run's signature");
        List<SigningRun.FileToSign> files = List.of(new SigningRun.FileToSign(first, out, "a.jar"),
                new SigningRun.FileToSign(dir.resolve("gone.jar"), out, "gone.jar"),
                new SigningRun.FileToSign(last, out, "c.jar"));

        try (SigningRun run = SigningRun.start(files, Optional.of(out.resolve("SHA256SUMS")), BOTH)) {
            SigningKey key = key();
            assertThatThrownBy(() -> run.signAndWrite(key))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("gone.jar");
        }

        assertThat(names(out)).containsExactly("a.jar.asc");
        assertThat(Files.readString(out.resolve("a.jar.asc"))).isEqualTo("an earlier run's signature");
    }

    @Test
    void aMoveThatFailsPartWayTakesBackTheOutputsAlreadyMoved() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");
        // The manifest, moved after the file's outputs, cannot replace a directory that holds a file.
        Path manifest = Files.createDirectories(dir.resolve("SHA256SUMS"));
        Files.writeString(manifest.resolve("keep"), "x");

        try (SigningRun run = SigningRun.start(List.of(SigningRun.FileToSign.inPlace(jar)), Optional.of(manifest), BOTH)) {
            SigningKey key = key();
            assertThatThrownBy(() -> run.signAndWrite(key)).isInstanceOf(java.io.IOException.class);
        }

        assertThat(names(dir)).containsExactly("SHA256SUMS", "a.jar");
        assertThat(names(manifest)).containsExactly("keep");
    }

    @Test
    void whatIsSignedIsWhatIsThereAfterReadingAgain() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "as built");
        SigningRun.Result result;

        try (SigningRun run = SigningRun.start(List.of(SigningRun.FileToSign.inPlace(jar)), Optional.empty(), BOTH)) {
            SigningKey key = key();
            assertThat(run.sha256ByFile()).containsExactly(Map.entry(jar, HexDigests.digest(jar, DigestAlgorithm.SHA_256)));
            Files.writeString(jar, "rewritten");
            run.readAgain();
            result = run.signAndWrite(key);
        }

        assertThat(result.files().get(0).digests().get(DigestAlgorithm.SHA_256))
                .isEqualTo(HexDigests.digest(jar, DigestAlgorithm.SHA_256));
        assertVerifies(dir.resolve("a.jar.asc"), jar);
        assertThat(result.manifest()).isEmpty();
        assertThat(names(dir)).containsExactly("a.jar", "a.jar.asc", "a.jar.sha256", "a.jar.sha512");
    }

    @Test
    void twoFilesOfOneNameCannotShareAManifest() throws Exception {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("x.jar"), "a");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("x.jar"), "b");
        List<SigningRun.FileToSign> files = List.of(SigningRun.FileToSign.inPlace(a), SigningRun.FileToSign.inPlace(b));

        assertThatThrownBy(() -> SigningRun.start(files, Optional.of(dir.resolve("SHA256SUMS")), BOTH))
                .isInstanceOf(SigningException.class)
                .hasMessage("two files are named 'x.jar'; a manifest lists file names, so write one manifest per"
                        + " directory");
    }

    @Test
    void aNamedKeyFileReplacesTheEnvironmentVariable() {
        Map<String, String> environment = Map.of(SigningEnvironment.KEY, "a key");

        assertThat(SigningKeySource.fileOrEnvironmentVariable(dir.resolve("key.asc"), SigningEnvironment.KEY, environment))
                .isEqualTo(SigningKeySource.file(dir.resolve("key.asc")));
        assertThat(SigningKeySource.fileOrEnvironmentVariable(null, "RELEASE_KEY", environment).description())
                .isEqualTo("environment variable RELEASE_KEY");
    }
}
