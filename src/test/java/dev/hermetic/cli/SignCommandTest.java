package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.sign.GpgHome;
import dev.hermetic.sign.SigningEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {

    @TempDir
    static Path keys;

    private static GpgHome gpg;
    private static String fingerprint;
    private static String armoredKey;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void makeKey() throws Exception {
        gpg = new GpgHome(keys.resolve("gnupg"));
        fingerprint = gpg.generate("cli@example.org", "ed25519", "sign", "never", "", null);
        armoredKey = gpg.exportSecret(fingerprint, "");
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    private int sign(Map<String, String> environment, String... args) {
        return new SignCommand(SigningEnvironment.of(environment)).run(
                List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void signsFilesWithKeyFileAndWritesDigestsAndManifest() throws Exception {
        Path key = Files.writeString(dir.resolve("key.asc"), armoredKey);
        Path jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar bytes");
        Path pom = Files.writeString(dir.resolve("lib-1.0.pom"), "<project/>");

        int status = sign(Map.of(), "--key", key.toString(), "--manifest", dir.resolve("SHA256SUMS").toString(),
                jar.toString(), pom.toString());

        assertThat(status).as(stderr()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Signing with key " + fingerprint + " from the key file " + key);
        Path keyring = Files.write(dir.resolve("pub.gpg"), gpg.exportPublicBinary(fingerprint));
        for (Path file : List.of(jar, pom)) {
            GpgHome.Result sqv = GpgHome.sqv(keyring, Path.of(file + ".asc"), file);
            assertThat(sqv.exitCode()).as(sqv.all()).isZero();
            assertThat(Files.readString(Path.of(file + ".sha256"))).isEqualTo(HexDigests.digest(file, DigestAlgorithm.SHA_256));
            assertThat(Files.readString(Path.of(file + ".sha512"))).isEqualTo(HexDigests.digest(file, DigestAlgorithm.SHA_512));
        }
        assertThat(DigestManifest.read(dir.resolve("SHA256SUMS"), DigestAlgorithm.SHA_256).verify(dir).matched())
                .containsExactly("lib-1.0.jar", "lib-1.0.pom");
    }

    @Test
    void theManifestIsSignedAndDigestedLikeEverySignedFile() throws Exception {
        Path key = Files.writeString(dir.resolve("key.asc"), armoredKey);
        Path jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar bytes");
        Path manifest = dir.resolve("SHA256SUMS");

        assertThat(sign(Map.of(), "--key", key.toString(), "--manifest", manifest.toString(), jar.toString()))
                .as(stderr()).isZero();

        Path keyring = Files.write(dir.resolve("pub.gpg"), gpg.exportPublicBinary(fingerprint));
        GpgHome.Result sqv = GpgHome.sqv(keyring, Path.of(manifest + ".asc"), manifest);
        assertThat(sqv.exitCode()).as(sqv.all()).isZero();
        assertThat(Files.readString(Path.of(manifest + ".sha256")))
                .isEqualTo(HexDigests.digest(manifest, DigestAlgorithm.SHA_256));
        assertThat(Files.readString(Path.of(manifest + ".sha512")))
                .isEqualTo(HexDigests.digest(manifest, DigestAlgorithm.SHA_512));
    }

    @Test
    void aFailureAfterTheKeyWasCheckedLeavesNothingWritten() throws Exception {
        Path key = Files.writeString(dir.resolve("key.asc"), armoredKey);
        Path jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar bytes");
        Path pom = Files.writeString(dir.resolve("lib-1.0.pom"), "<project/>");
        Path notADirectory = Files.writeString(dir.resolve("out"), "a file where the manifest's directory should be");

        int status = sign(Map.of(), "--key", key.toString(), "--manifest", notADirectory.resolve("SHA256SUMS").toString(),
                jar.toString(), pom.toString());

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).startsWith("sign: ");
        assertThat(writtenBySigning()).isEmpty();
    }

    @Test
    void twoFilesOfOneNameInOneManifestAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path key = Files.writeString(dir.resolve("key.asc"), armoredKey);
        Path first = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("lib-1.0.jar"), "a");
        Path second = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("lib-1.0.jar"), "b");

        int status = sign(Map.of(), "--key", key.toString(), "--manifest", dir.resolve("SHA256SUMS").toString(),
                first.toString(), second.toString());

        assertThat(status).isEqualTo(1);
        assertThat(stderr()).contains("sign: two files are named 'lib-1.0.jar'; a manifest lists file names, so write"
                + " one manifest per directory");
        assertThat(writtenBySigning()).isEmpty();
        assertThat(dir.resolve("SHA256SUMS")).doesNotExist();
    }

    /** Signatures, side files and temporary files anywhere under {@link #dir}. */
    private List<Path> writtenBySigning() throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(asc|sha256|sha512|tmp)")
                            && !p.getFileName().toString().equals("key.asc"))
                    .toList();
        }
    }

    @Test
    void keyFromMavenGpgEnvironmentAndReproducibleTime() throws Exception {
        // A key made on 2025-12-01 and SOURCE_DATE_EPOCH 2026-01-02: far from the wall clock, so the signature time
        // below can only have come from SOURCE_DATE_EPOCH.
        String backdated = gpg.generate("cli-backdated@example.org", "ed25519", "sign", "never", "", "20251201T000000");
        Path jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar bytes");
        Map<String, String> environment = new HashMap<>();
        environment.put("MAVEN_GPG_KEY", gpg.exportSecret(backdated, ""));
        environment.put("MAVEN_GPG_KEY_FINGERPRINT", backdated.toLowerCase());
        environment.put("SOURCE_DATE_EPOCH", "1767312000");

        List<byte[]> signatures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertThat(sign(environment, "--reproducible", jar.toString())).as(stderr()).isZero();
            signatures.add(Files.readAllBytes(Path.of(jar + ".asc")));
        }

        assertThat(signatures.get(1)).isEqualTo(signatures.get(0));
        assertThat(gpg.verify(Path.of(jar + ".asc"), jar).stdout()).contains("VALIDSIG " + backdated + " 2026-01-02 1767312000 ");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("from the environment variable MAVEN_GPG_KEY");
    }

    @Test
    void reproducibleWithoutSourceDateEpochIsAnError() throws Exception {
        Path jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar bytes");

        assertThat(sign(Map.of("MAVEN_GPG_KEY", armoredKey), "--reproducible", jar.toString())).isEqualTo(1);
        assertThat(stderr()).contains("--reproducible takes the signature time from SOURCE_DATE_EPOCH, which is not set");
        assertThat(Files.exists(Path.of(jar + ".asc"))).isFalse();
    }

    @Test
    void anUnparsableSourceDateEpochIsAnErrorNamingIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar bytes");

        assertThat(sign(Map.of("MAVEN_GPG_KEY", armoredKey, "SOURCE_DATE_EPOCH", "soon"), "--reproducible", jar.toString()))
                .isEqualTo(1);
        assertThat(stderr()).contains("SOURCE_DATE_EPOCH='soon' is not an integer number of seconds");
        assertThat(Files.exists(Path.of(jar + ".asc"))).isFalse();
    }

    @Test
    void noKeyNamesTheCliFlags() throws Exception {
        Path jar = Files.writeString(dir.resolve("lib-1.0.jar"), "jar bytes");

        assertThat(sign(Map.of(), "--key-env", "RELEASE_KEY", jar.toString())).isEqualTo(1);
        assertThat(stderr()).contains("No signing key found (tried environment variable RELEASE_KEY)")
                .contains("set --key to an armored secret key file");
        assertThat(Files.exists(Path.of(jar + ".asc"))).isFalse();
        assertThat(Files.exists(Path.of(jar + ".sha256"))).isFalse();
    }

    @Test
    void badUsage() throws Exception {
        assertThat(sign(Map.of())).isEqualTo(2);
        assertThat(stderr()).contains("sign: no FILE to sign").contains("usage:");
        assertThat(sign(Map.of(), "--frobnicate", "x")).isEqualTo(2);
        assertThat(sign(Map.of(), dir.resolve("missing.jar").toString())).isEqualTo(2);
        assertThat(stderr()).contains("is not a file");
    }

    @Test
    void registeredInMain() {
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        int status = Main.run(List.of("--help"), new PrintStream(usage, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(usage.toString(StandardCharsets.UTF_8)).contains("sign ").contains("OpenPGP signatures");
    }
}
