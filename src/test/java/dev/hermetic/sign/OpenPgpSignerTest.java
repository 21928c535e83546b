package dev.hermetic.sign;

import static dev.hermetic.sign.TestSignatures.artifact;
import static dev.hermetic.sign.TestSignatures.loader;
import static dev.hermetic.sign.TestSignatures.parse;
import static dev.hermetic.sign.TestSignatures.parseArmored;
import static dev.hermetic.sign.TestSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures made with keys from the real gpg (and, for v6 and Ed448, from BouncyCastle), checked with the real
 * {@code gpg --verify} and {@code sqv}.
 */
class OpenPgpSignerTest {

    @TempDir
    static Path keys;

    private static GpgHome gpg;
    private static String ed25519;
    private static String rsa;
    private static String ecdsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        gpg = new GpgHome(keys.resolve("gnupg"));
        ed25519 = gpg.generate("ed@example.org", "ed25519", "sign", "never", "", null);
        rsa = gpg.generate("rsa@example.org", "rsa2048", "sign", "never", "", null);
        ecdsa = gpg.generate("ecdsa@example.org", "nistp256", "sign", "never", "", null);
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    /** A fresh GNUPGHOME holding only the public key, as a user who downloaded it would have. */
    private GpgHome verifierWith(String fingerprint) throws Exception {
        GpgHome verifier = new GpgHome(dir.resolve("verifier"));
        Path publicKey = Files.writeString(dir.resolve("public.asc"), gpg.exportPublicArmored(fingerprint));
        verifier.importKey(publicKey);
        return verifier;
    }

    private Path keyring(String fingerprint) throws Exception {
        return Files.write(dir.resolve("public.gpg"), gpg.exportPublicBinary(fingerprint));
    }

    @Test
    void ed25519SignatureVerifiesWithGpgAndSqv() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, ed25519)).load());
        Path file = artifact(dir);
        Path signature = dir.resolve("artifact-1.0.jar.asc");

        sign(signer, file, signature);

        assertThat(signer.key().fingerprint().hex()).isEqualTo(ed25519);
        assertThat(Files.readString(signature))
                .startsWith("-----BEGIN PGP SIGNATURE-----\n\n")
                .endsWith("-----END PGP SIGNATURE-----\n")
                .doesNotContain("Version:")
                .doesNotContain("\r");
        gpg.assertVerifiedByGpgAndSqv(dir, ed25519, ed25519, signature, file);
        PGPSignature parsed = parse(signature);
        assertThat(parsed.getSignatureType()).isEqualTo(PGPSignature.BINARY_DOCUMENT);
        assertThat(parsed.getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA256);
    }

    @Test
    void rsaSignatureVerifiesWithGpgAndSqv() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, rsa)).hashAlgorithm(DigestAlgorithm.SHA_512).load());
        Path file = artifact(dir);
        Path signature = dir.resolve("artifact-1.0.jar.asc");

        sign(signer, file, signature);

        gpg.assertVerifiedByGpgAndSqv(dir, rsa, rsa, signature, file);
        assertThat(parse(signature).getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA512);
    }

    @Test
    void tamperedFileFailsGpgAndSqv() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, ed25519)).load());
        Path file = artifact(dir);
        Path signature = dir.resolve("artifact-1.0.jar.asc");
        sign(signer, file, signature);

        byte[] bytes = Files.readAllBytes(file);
        bytes[1234] ^= 1;
        Files.write(file, bytes);

        try (GpgHome verifier = verifierWith(ed25519)) {
            GpgHome.Result result = verifier.verify(signature, file);
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stdout()).contains("BADSIG").doesNotContain("VALIDSIG");
        }
        assertThat(GpgHome.sqv(keyring(ed25519), signature, file).exitCode()).isNotZero();
    }

    @Test
    void digestsWithoutTheSignaturesHashReadTheFileAgain() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, ed25519)).load());
        Path file = artifact(dir);

        Files.write(dir.resolve("a.asc"), signer.armoredSignature(file, MultiDigest.read(file, Set.of(DigestAlgorithm.SHA_512))));

        gpg.assertVerifiedByGpgAndSqv(dir, ed25519, ed25519, dir.resolve("a.asc"), file);
    }

    @Test
    void reproducibleModeGivesIdenticalSignatures() throws Exception {
        // After the keys' creation (a signature may not predate its key), before the clocks below.
        Instant sourceDateEpoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Path key = gpg.secretKeyFile(dir, ed25519);
        Path file = artifact(dir);
        List<byte[]> signatures = new ArrayList<>();
        for (long laterSeconds : new long[] {60, 86_400 * 40}) {
            OpenPgpSigner signer = new OpenPgpSigner(loader(key)
                    .signatureTime(sourceDateEpoch)
                    .clock(Clock.fixed(sourceDateEpoch.plusSeconds(laterSeconds), ZoneOffset.UTC))
                    .load());
            Path signature = dir.resolve("r" + signatures.size() + ".asc");
            sign(signer, file, signature);
            signatures.add(Files.readAllBytes(signature));
        }

        assertThat(signatures.get(1)).isEqualTo(signatures.get(0));
        assertThat(parse(dir.resolve("r0.asc")).getCreationTime()).isEqualTo(Date.from(sourceDateEpoch));
        try (GpgHome verifier = verifierWith(ed25519)) {
            GpgHome.Result result = verifier.verify(dir.resolve("r0.asc"), file);
            assertThat(result.stdout()).contains("VALIDSIG " + ed25519 + " "
                    + sourceDateEpoch.atZone(ZoneOffset.UTC).toLocalDate() + " " + sourceDateEpoch.getEpochSecond());
        }
    }

    @Test
    void rsaIsReproducibleToo() throws Exception {
        Path key = gpg.secretKeyFile(dir, rsa);
        Path file = artifact(dir);
        Instant time = Instant.now();
        OpenPgpSigner first = new OpenPgpSigner(loader(key).signatureTime(time).load());
        OpenPgpSigner second = new OpenPgpSigner(loader(key).signatureTime(time).load());
        sign(first, file, dir.resolve("1.asc"));
        sign(second, file, dir.resolve("2.asc"));

        assertThat(Files.readAllBytes(dir.resolve("2.asc"))).isEqualTo(Files.readAllBytes(dir.resolve("1.asc")));
    }

    @Test
    void defaultModeStampsTheCurrentTime() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, ed25519)).load());
        Path file = artifact(dir);
        Instant before = Instant.now().minusSeconds(1);
        sign(signer, file, dir.resolve("now.asc"));
        Instant after = Instant.now().plusSeconds(1);

        Instant created = parse(dir.resolve("now.asc")).getCreationTime().toInstant();
        assertThat(created).isBetween(before, after);
    }

    @Test
    void v6Ed25519KeySignsAndVerifiesWithBouncyCastle() throws Exception {
        OpenPGPKey v6 = new OpenPGPKeyGenerator(new BcOpenPGPImplementation(), true, new Date())
                .ed25519x25519Key("V6 <v6@example.org>")
                .build();
        Path key = Files.writeString(dir.resolve("v6.asc"), v6.toAsciiArmoredString());
        String primary = KeyFingerprint.of(v6.getPGPSecretKeyRing().getPublicKey().getFingerprint()).hex();
        assertThat(primary).hasSize(64);

        OpenPgpSigner signer = new OpenPgpSigner(loader(key).fingerprint(KeyFingerprint.parse(primary.toLowerCase(), "test")).load());
        Path file = artifact(dir);
        sign(signer, file, dir.resolve("v6.asc.sig"));

        PGPSignature signature = parse(dir.resolve("v6.asc.sig"));
        assertThat(signature.getVersion()).isEqualTo(6);
        signature.init(new BcPGPContentVerifierBuilderProvider(),
                v6.getPGPSecretKeyRing().getPublicKey(signature.getKeyIdentifiers().get(0)));
        signature.update(Files.readAllBytes(file));
        assertThat(signature.verify()).isTrue();

        assertThatThrownBy(() -> loader(key).signatureTime(Instant.now()).load())
                .hasMessageContaining("is a v6 key: its signatures carry a random salt");
    }

    @Test
    void ecdsaKeySignsThroughBouncyCastlesPathButIsNotReproducible() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, ecdsa)).load());
        Path file = artifact(dir);
        sign(signer, file, dir.resolve("e.asc"));

        gpg.assertVerifiedByGpgAndSqv(dir, ecdsa, ecdsa, dir.resolve("e.asc"), file);
        assertThatThrownBy(() -> loader(gpg.secretKeyFile(dir, ecdsa)).signatureTime(Instant.now()).load())
                .hasMessageContaining("Key " + ecdsa + " uses ECDSA, whose signatures use a random nonce")
                .hasMessageContaining("hermetic.sign.reproducible");
    }

    @Test
    void singleDigestCheckRejectsAWrongSignatureValue() throws Exception {
        org.bouncycastle.crypto.AsymmetricCipherKeyPairGenerator generator =
                new org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator();
        generator.init(new org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters(new java.security.SecureRandom()));
        var pair = generator.generateKeyPair();
        var signer = new SingleDigestContentSigner(PGPSignature.BINARY_DOCUMENT,
                org.bouncycastle.bcpg.PublicKeyAlgorithmTags.Ed25519, 1L, DigestAlgorithm.SHA_512, pair.getPrivate());
        signer.getOutputStream().write("data".getBytes(StandardCharsets.UTF_8));
        byte[] value = signer.getSignature();

        assertThat(signer.verify(value, pair.getPublic())).isTrue();
        value[10] ^= 1;
        assertThat(signer.verify(value, pair.getPublic())).isFalse();
        assertThat(signer.verify(new byte[3], pair.getPublic())).isFalse();
    }

    @Test
    void ed448KeysAlwaysSignWithSha512() throws Exception {
        OpenPGPKey v6 = new OpenPGPKeyGenerator(new BcOpenPGPImplementation(), true, new Date())
                .ed448x448Key("Ed448 <ed448@example.org>")
                .build();
        Path key = Files.writeString(dir.resolve("ed448.asc"), v6.toAsciiArmoredString());
        OpenPgpSigner signer = new OpenPgpSigner(loader(key).hashAlgorithm(DigestAlgorithm.SHA_256).load());
        Path file = artifact(dir);
        sign(signer, file, dir.resolve("ed448.sig"));

        PGPSignature signature = parse(dir.resolve("ed448.sig"));
        assertThat(signature.getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA512);
        signature.init(new BcPGPContentVerifierBuilderProvider(),
                v6.getPGPSecretKeyRing().getPublicKey(signature.getKeyIdentifiers().get(0)));
        signature.update(Files.readAllBytes(file));
        assertThat(signature.verify()).isTrue();
    }

    @Test
    void inlineCheckRejectsASignatureOfOtherBytes() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, ecdsa)).load());
        PGPSignature signature = parseArmored(signer.armoredSignature("the bytes".getBytes(StandardCharsets.UTF_8), "a test message"));

        assertThat(inlineCheck(signature, "the bytes")).isTrue();
        assertThat(inlineCheck(signature, "other bytes")).isFalse();
    }

    private static boolean inlineCheck(PGPSignature signature, String data) throws Exception {
        var verifier = new BcPGPContentVerifierBuilderProvider()
                .get(signature.getKeyAlgorithm(), signature.getHashAlgorithm())
                .build(gpgPublicKey(signature));
        var stream = verifier.getOutputStream();
        stream.write(data.getBytes(StandardCharsets.UTF_8));
        return OpenPgpSigner.verifyInline(signature, verifier, stream);
    }

    private static org.bouncycastle.openpgp.PGPPublicKey gpgPublicKey(PGPSignature signature) throws Exception {
        byte[] ring = gpg.exportPublicBinary(ecdsa);
        var factory = new BcPGPObjectFactory(ring);
        var publicRing = (org.bouncycastle.openpgp.PGPPublicKeyRing) factory.nextObject();
        return publicRing.getPublicKey(signature.getKeyID());
    }

    @Test
    void concurrentSigningAfterPrepare() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, ed25519)).load());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            files.add(Files.writeString(dir.resolve("f" + i + ".txt"), "content " + i + "\n".repeat(i * 1000)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> {
                    sign(signer, file, Path.of(file + ".asc"));
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        Path keyring = keyring(ed25519);
        for (Path file : files) {
            assertThat(GpgHome.sqv(keyring, Path.of(file + ".asc"), file).exitCode()).as(file.toString()).isZero();
        }
    }
}
