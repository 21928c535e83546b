package dev.hermetic.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures made by the real gpg, with a signing subkey, checked against keys exported by gpg. */
class OpenPgpCertificateTest {

    @TempDir
    static Path keys;

    private static GpgHome gpg;
    private static String primary;
    private static String subkey;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        gpg = new GpgHome(keys.resolve("gnupg"));
        primary = gpg.generate("cert@example.org", "ed25519", "cert", "never", "", null);
        gpg.addSubkey(primary, "ed25519", "sign", "");
        subkey = gpg.fingerprints("cert@example.org").get(1);
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    private byte[] gpgSignature(byte[] data, String... options) throws Exception {
        Path file = Files.write(dir.resolve("data"), data);
        Path signature = dir.resolve("data.sig");
        Files.deleteIfExists(signature);
        List<String> args = new java.util.ArrayList<>(List.of("--batch", "--pinentry-mode", "loopback",
                "--passphrase", "", "--local-user", subkey + "!", "--output", signature.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--detach-sign", file.toString()));
        gpg.gpgOk(args.toArray(String[]::new));
        return Files.readAllBytes(signature);
    }

    @Test
    void aSubkeySignatureByGpgVerifiesWithTheArmoredOrTheBinaryCertificate() throws Exception {
        byte[] data = "DSSEv1 1 t 2 {}".getBytes(StandardCharsets.US_ASCII);
        byte[] binary = gpgSignature(data);
        byte[] armored = gpgSignature(data, "--armor");

        for (OpenPgpCertificate certificate : List.of(
                OpenPgpCertificate.read(gpg.exportPublicArmored(primary).getBytes(StandardCharsets.US_ASCII), "armored"),
                OpenPgpCertificate.read(gpg.exportPublicBinary(primary), "binary"))) {
            assertThat(certificate.fingerprints()).extracting(KeyFingerprint::hex).containsExactly(primary, subkey);
            for (byte[] signature : List.of(binary, armored)) {
                OpenPgpCertificate.Verdict verdict = certificate.verify(data, signature);
                assertThat(verdict.valid()).as(verdict.problem()).isTrue();
                assertThat(verdict.signer()).isEqualTo(subkey);
            }
        }
    }

    @Test
    void otherBytesOrNoSignatureAtAllAreSaidSo() throws Exception {
        byte[] data = "signed".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = gpgSignature(data);
        OpenPgpCertificate certificate = OpenPgpCertificate.read(gpg.exportPublicBinary(primary), "key file k.gpg");

        assertThat(certificate.verify("signeD".getBytes(StandardCharsets.US_ASCII), signature))
                .isEqualTo(new OpenPgpCertificate.Verdict(false, subkey, "the signature of key " + subkey
                        + " does not match the signed bytes: they were changed after signing, or the signature"
                        + " belongs to other bytes"));
        assertThat(certificate.verify(data, "not a signature".getBytes(StandardCharsets.US_ASCII)).problem())
                .startsWith("it is not an OpenPGP signature");
    }

    @Test
    void aFileWithoutAPublicKeyIsRefusedNamingIt() {
        assertThatThrownBy(() -> OpenPgpCertificate.read("hello".getBytes(StandardCharsets.US_ASCII),
                "public key file release.asc"))
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("The public key file release.asc holds no")
                .hasMessageEndingWith("export it with `gpg --armor --export <fingerprint>`");
    }
}
