package dev.hermetic.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs with keys made by the real gpg (and, for v6, by BouncyCastle) and checks the signatures with the real
 * {@code gpg --verify} and {@code sqv}.
 */
class OpenPgpSignerTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path keys;

    private static GpgHome gpg;
    private static String ed25519;
    private static String rsa;
    private static String certifyOnly;
    private static String signingSubkey;
    private static String expired;
    private static String revoked;
    private static String encryptOnly;
    private static String protectedKey;
    private static String revokedSubkey;
    private static String ecdsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        gpg = new GpgHome(keys.resolve("gnupg"));
        ed25519 = gpg.generate("ed@example.org", "ed25519", "sign", "never", "", null);
        rsa = gpg.generate("rsa@example.org", "rsa2048", "sign", "never", "", null);
        certifyOnly = gpg.generate("sub@example.org", "ed25519", "cert", "never", "", null);
        gpg.addSubkey(certifyOnly, "ed25519", "sign", "");
        signingSubkey = gpg.fingerprints("sub@example.org").get(1);
        expired = gpg.generate("old@example.org", "ed25519", "sign", "1y", "", "20200101T000000");
        revoked = gpg.generate("rev@example.org", "ed25519", "sign", "never", "", null);
        gpg.revoke(revoked);
        encryptOnly = gpg.generate("enc@example.org", "ed25519", "cert", "never", "", null);
        gpg.addSubkey(encryptOnly, "cv25519", "encr", "");
        protectedKey = gpg.generate("pw@example.org", "ed25519", "sign", "never", PASSPHRASE, null);
        revokedSubkey = gpg.generate("revsub@example.org", "ed25519", "cert", "never", "", null);
        gpg.addSubkey(revokedSubkey, "ed25519", "sign", "");
        gpg.revokeSubkey(revokedSubkey, 1);
        ecdsa = gpg.generate("ecdsa@example.org", "nistp256", "sign", "never", "", null);
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    private Path keyFile(String fingerprint) throws Exception {
        return keyFile(fingerprint, "");
    }

    private Path keyFile(String fingerprint, String passphrase) throws Exception {
        return Files.writeString(dir.resolve(fingerprint + ".asc"), gpg.exportSecret(fingerprint, passphrase));
    }

    private static SigningKeyLoader loader(Path keyFile) {
        return new SigningKeyLoader().keySource(SigningKeySource.file(keyFile));
    }

    /** Signs {@code file} as a signing run does, from its digests, and writes the signature. */
    private static void sign(OpenPgpSigner signer, Path file, Path signature) throws Exception {
        Files.write(signature, signer.armoredSignature(file, MultiDigest.read(file, EnumSet.allOf(DigestAlgorithm.class))));
    }

    private Path artifact() throws Exception {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + (i >>> 9));
        }
        return Files.write(dir.resolve("artifact-1.0.jar"), data);
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

    private static GpgHome.Result sqv(Path keyring, Path signature, Path data) {
        return GpgHome.run(new byte[0], "sqv", "--keyring", keyring.toString(), signature.toString(), data.toString());
    }

    private void assertVerifiedByGpgAndSqv(String certificate, String signingKey, Path signature, Path file)
            throws Exception {
        try (GpgHome verifier = verifierWith(certificate)) {
            GpgHome.Result result = verifier.verify(signature, file);
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + signingKey);
        }
        GpgHome.Result sqv = sqv(keyring(certificate), signature, file);
        assertThat(sqv.exitCode()).as(sqv.all()).isZero();
        assertThat(sqv.stdout().strip()).isEqualTo(certificate);
    }

    @Test
    void ed25519SignatureVerifiesWithGpgAndSqv() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(ed25519)).load());
        Path file = artifact();
        Path signature = dir.resolve("artifact-1.0.jar.asc");

        sign(signer, file, signature);

        assertThat(signer.key().fingerprint().hex()).isEqualTo(ed25519);
        assertThat(Files.readString(signature))
                .startsWith("-----BEGIN PGP SIGNATURE-----\n\n")
                .endsWith("-----END PGP SIGNATURE-----\n")
                .doesNotContain("Version:")
                .doesNotContain("\r");
        assertVerifiedByGpgAndSqv(ed25519, ed25519, signature, file);
        PGPSignature parsed = parse(signature);
        assertThat(parsed.getSignatureType()).isEqualTo(PGPSignature.BINARY_DOCUMENT);
        assertThat(parsed.getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA256);
    }

    @Test
    void rsaSignatureVerifiesWithGpgAndSqv() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(rsa)).hashAlgorithm(DigestAlgorithm.SHA_512).load());
        Path file = artifact();
        Path signature = dir.resolve("artifact-1.0.jar.asc");

        sign(signer, file, signature);

        assertVerifiedByGpgAndSqv(rsa, rsa, signature, file);
        assertThat(parse(signature).getHashAlgorithm()).isEqualTo(HashAlgorithmTags.SHA512);
    }

    @Test
    void rsaKeySkipsBouncyCastlesModulusTestOnlyWhilePreparing() throws Exception {
        String skip = "org.bouncycastle.rsa.allow_unsafe_mod";
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(rsa)).load());

        assertThat(org.bouncycastle.util.Properties.isOverrideSet(skip)).as(skip + " left set on this thread").isFalse();
        Path file = artifact();
        sign(signer, file, dir.resolve("rsa.asc"));
        assertVerifiedByGpgAndSqv(rsa, rsa, dir.resolve("rsa.asc"), file);
    }

    @Test
    void rsaKeyWhosePrimesDoNotMakeItsModulusIsRefused() throws Exception {
        PGPSecretKeyRing ring = (PGPSecretKeyRing) new BcPGPObjectFactory(
                PGPUtil.getDecoderStream(new ByteArrayInputStream(
                        gpg.exportSecret(rsa, "").getBytes(StandardCharsets.US_ASCII)))).nextObject();
        PGPSecretKey secretKey = ring.getSecretKey();
        PGPPrivateKey privateKey = secretKey.extractPrivateKey(
                new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(new char[0]));
        RSASecretBCPGKey secret = (RSASecretBCPGKey) privateKey.getPrivateKeyDataPacket();
        // Same public key and self-signature; a secret prime that does not belong to it.
        RSASecretBCPGKey wrong = new RSASecretBCPGKey(
                secret.getPrivateExponent(), secret.getPrimeP(), secret.getPrimeQ().nextProbablePrime());
        PGPSecretKey damaged = new PGPSecretKey(
                new PGPPrivateKey(secretKey.getKeyID(), secretKey.getPublicKey().getPublicKeyPacket(), wrong),
                secretKey.getPublicKey(), new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), true, null);
        java.io.ByteArrayOutputStream armored = new java.io.ByteArrayOutputStream();
        try (ArmoredOutputStream out = ArmoredOutputStream.builder().build(armored)) {
            new PGPSecretKeyRing(List.of(damaged)).encode(out);
        }
        Path key = Files.write(dir.resolve("damaged.asc"), armored.toByteArray());

        assertThatThrownBy(() -> loader(key).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Key " + rsa)
                .hasMessageContaining("is damaged: its secret primes do not multiply to its public modulus")
                .hasMessageContaining("gpg --armor --export-secret-keys " + rsa);
    }

    @Test
    void tamperedFileFailsGpgAndSqv() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(ed25519)).load());
        Path file = artifact();
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
        assertThat(sqv(keyring(ed25519), signature, file).exitCode()).isNotZero();
    }

    @Test
    void certifyOnlyPrimarySignsWithItsSigningSubkey() throws Exception {
        Path key = keyFile(certifyOnly);
        Path file = artifact();
        Path signature = dir.resolve("artifact-1.0.jar.asc");

        // No fingerprint, the primary's fingerprint, and the subkey's (lower case, spaced, 0x): all the subkey.
        for (String selector : new String[] {null, certifyOnly, "0x" + spaced(signingSubkey.toLowerCase())}) {
            OpenPgpSigner signer = new OpenPgpSigner(loader(key)
                    .fingerprint(selector == null ? null : KeyFingerprint.parse(selector, "test"))
                    .load());
            assertThat(signer.key().fingerprint().hex()).isEqualTo(signingSubkey);
            sign(signer, file, signature);
            assertVerifiedByGpgAndSqv(certifyOnly, signingSubkey, signature, file);
        }
    }

    @Test
    void digestsWithoutTheSignaturesHashReadTheFileAgain() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(ed25519)).load());
        Path file = artifact();

        Files.write(dir.resolve("a.asc"), signer.armoredSignature(file, MultiDigest.read(file, Set.of(DigestAlgorithm.SHA_512))));

        assertVerifiedByGpgAndSqv(ed25519, ed25519, dir.resolve("a.asc"), file);
    }

    @Test
    void expiredKeyIsRefusedBeforeAnyFileIsTouched() throws Exception {
        SigningKeyLoader loader = loader(keyFile(expired));

        assertThatThrownBy(loader::load)
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Key " + expired)
                .hasMessageContaining("expired at 2020-12-31T00:00:00Z")
                .hasMessageContaining("gpg --quick-set-expire " + expired);
        assertThat(signatureFiles()).isEmpty();
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        assertThatThrownBy(() -> loader(keyFile(revoked)).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Key " + revoked)
                .hasMessageContaining("is revoked")
                .hasMessageContaining("hermetic.sign.fingerprint (or MAVEN_GPG_KEY_FINGERPRINT)");
    }

    @Test
    void revokedSubkeyIsRefusedByNameAndNotChosen() throws Exception {
        Path key = keyFile(revokedSubkey);
        String subkey = gpg.fingerprints("revsub@example.org").get(1);

        assertThatThrownBy(() -> loader(key).fingerprint(KeyFingerprint.parse(subkey, "test")).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Key " + subkey)
                .hasMessageContaining("is revoked");
        assertThatThrownBy(() -> loader(key).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("No key of certificate " + revokedSubkey)
                .hasMessageContaining(subkey + " (subkey, EdDSA (Ed25519, v4 legacy)): is revoked")
                .hasMessageContaining("cannot sign (its key flags allow only: certify)");
    }

    @Test
    void keyThatCannotSignIsRefused() throws Exception {
        assertThatThrownBy(() -> loader(keyFile(encryptOnly)).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("No key of certificate " + encryptOnly)
                .hasMessageContaining("(primary key, EdDSA (Ed25519, v4 legacy)): cannot sign (its key flags allow only: certify)")
                .hasMessageContaining("(subkey, ECDH): cannot sign (its key flags allow only: encrypt)")
                .hasMessageContaining("gpg --quick-add-key " + encryptOnly + " ed25519 sign");
        String encryptionSubkey = gpg.fingerprints("enc@example.org").get(1);
        assertThatThrownBy(() -> loader(keyFile(encryptOnly))
                        .fingerprint(KeyFingerprint.parse(encryptionSubkey, "test")).load())
                .hasMessageContaining("Key " + encryptionSubkey)
                .hasMessageContaining("cannot sign");
    }

    @Test
    void exportedSubkeysOnlySignWithTheSubkeyOrSayTheSecretIsMissing() throws Exception {
        // --export-secret-subkeys leaves a stub instead of the primary key's secret part (offline primary key).
        Path subkeysOnly = Files.writeString(dir.resolve("subkeys.asc"), gpg.gpgOk("--batch", "--pinentry-mode",
                "loopback", "--passphrase", "", "--armor", "--export-secret-subkeys", certifyOnly).stdout());
        OpenPgpSigner signer = new OpenPgpSigner(loader(subkeysOnly).load());
        assertThat(signer.key().fingerprint().hex()).isEqualTo(signingSubkey);

        Path primaryStub = Files.writeString(dir.resolve("stub.asc"), gpg.gpgOk("--batch", "--pinentry-mode",
                "loopback", "--passphrase", "", "--armor", "--export-secret-subkeys", ed25519).stdout());
        assertThatThrownBy(() -> loader(primaryStub).load())
                .hasMessageContaining(ed25519 + " (primary key, EdDSA (Ed25519, v4 legacy)): has no secret part")
                .hasMessageContaining("gpg --armor --export-secret-keys " + ed25519);
    }

    @Test
    void passphraseProtectedKey() throws Exception {
        Path key = keyFile(protectedKey, PASSPHRASE);
        assertThat(Files.readString(key)).contains("PRIVATE KEY BLOCK");

        assertThatThrownBy(() -> loader(key).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Key " + protectedKey)
                .hasMessageContaining("is protected by a passphrase and none was given")
                .hasMessageContaining("MAVEN_GPG_PASSPHRASE")
                .hasMessageContaining("hermetic.sign.passphraseEnvName");

        char[] wrong = "not the passphrase".toCharArray();
        assertThatThrownBy(() -> loader(key).passphrase(wrong).load())
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("Wrong passphrase for key " + protectedKey)
                .hasMessageContaining("MAVEN_GPG_PASSPHRASE")
                .hasMessageNotContaining("not the passphrase");

        OpenPgpSigner signer = new OpenPgpSigner(loader(key).passphrase(PASSPHRASE.toCharArray()).load());
        Path file = artifact();
        sign(signer, file, dir.resolve("p.asc"));
        assertVerifiedByGpgAndSqv(protectedKey, protectedKey, dir.resolve("p.asc"), file);
        assertThat(signer.toString()).doesNotContain(PASSPHRASE);
    }

    @Test
    void keyFromEnvironmentVariables() throws Exception {
        String armored = gpg.exportSecret(ed25519, "");
        Map<String, String> environment = Map.of(SigningEnvironment.KEY, armored, "RELEASE_KEY", gpg.exportSecret(rsa, ""));

        OpenPgpSigner fromDefault = new OpenPgpSigner(new SigningKeyLoader()
                .keySource(SigningKeySource.environmentVariable(SigningEnvironment.KEY, environment)).load());
        assertThat(fromDefault.key().fingerprint().hex()).isEqualTo(ed25519);
        assertThat(fromDefault.key().sourceDescription()).isEqualTo("environment variable MAVEN_GPG_KEY");

        // The first source holding a key wins; an unset variable is skipped.
        OpenPgpSigner chained = new OpenPgpSigner(new SigningKeyLoader()
                .keySource(SigningKeySource.environmentVariable("UNSET_KEY", environment))
                .keySource(SigningKeySource.environmentVariable("RELEASE_KEY", environment))
                .keySource(SigningKeySource.environmentVariable(SigningEnvironment.KEY, environment))
                .load());
        assertThat(chained.key().fingerprint().hex()).isEqualTo(rsa);
        assertThat(SigningKeySource.environmentVariable("RELEASE_KEY", environment).toString())
                .doesNotContain("PRIVATE");
    }

    @Test
    void missingKeyNamesEverySourceTried() {
        SigningKeyLoader loader = new SigningKeyLoader()
                .keySource(SigningKeySource.environmentVariable("RELEASE_KEY", Map.of()))
                .keySource(SigningKeySource.environmentVariable(SigningEnvironment.KEY, Map.of("MAVEN_GPG_KEY", "  ")))
                .optionNames(SigningOptionNames.CLI);

        assertThatThrownBy(loader::load)
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("No signing key found (tried environment variable RELEASE_KEY,"
                        + " environment variable MAVEN_GPG_KEY)")
                .hasMessageContaining("set --key to an armored secret key file");
    }

    @Test
    void missingKeyFileIsAnErrorNotASkip() throws Exception {
        Path missing = dir.resolve("nope.asc");
        SigningKeyLoader loader = new SigningKeyLoader()
                .keySource(SigningKeySource.file(missing))
                .keySource(SigningKeySource.environmentVariable(SigningEnvironment.KEY,
                        Map.of(SigningEnvironment.KEY, gpg.exportSecret(ed25519, ""))));

        assertThatThrownBy(loader::load).hasMessage("The key file " + missing + " does not exist: export the key"
                + " with `gpg --armor --export-secret-keys <fingerprint> > " + missing + "` or fix the path");
    }

    @Test
    void oversizedKeyMaterialIsRefusedBeforeParsing() throws Exception {
        Path huge = Files.write(dir.resolve("huge.asc"), new byte[(int) SigningKeySource.MAX_KEY_BYTES + 1]);
        assertThatThrownBy(() -> loader(huge).load())
                .hasMessageContaining("is 1048577 bytes, more than the 1048576 bytes");
        String big = "x".repeat((int) SigningKeySource.MAX_KEY_BYTES + 1);
        assertThatThrownBy(() -> new SigningKeyLoader()
                        .keySource(SigningKeySource.environmentVariable("K", Map.of("K", big))).load())
                .hasMessageContaining("environment variable K holds 1048577 bytes");
    }

    @Test
    void publicKeyOrGarbageIsNotASecretKey() throws Exception {
        Path publicKey = Files.writeString(dir.resolve("pub.asc"), gpg.exportPublicArmored(ed25519));
        assertThatThrownBy(() -> loader(publicKey).load())
                .hasMessageContaining("holds only a public key, which cannot sign")
                .hasMessageContaining("gpg --armor --export-secret-keys");

        String garbage = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nc2VjcmV0LXN0dWZm-not-base64\n"
                + "-----END PGP PRIVATE KEY BLOCK-----\n";
        assertThatThrownBy(() -> new SigningKeyLoader()
                        .keySource(SigningKeySource.environmentVariable("K", Map.of("K", garbage))).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("The environment variable K does not hold")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void fingerprintSelectsAmongSeveralCertificates() throws Exception {
        Path both = Files.writeString(dir.resolve("both.asc"), gpg.exportSecret(ed25519, "") + gpg.exportSecret(rsa, ""));

        assertThatThrownBy(() -> loader(both).load())
                .hasMessageContaining("holds 2 certificates with a key that can sign (" + ed25519 + ", " + rsa + ")")
                .hasMessageContaining("set hermetic.sign.fingerprint (or MAVEN_GPG_KEY_FINGERPRINT)");

        OpenPgpSigner signer = new OpenPgpSigner(loader(both).fingerprint(KeyFingerprint.parse(spaced(rsa), "test")).load());
        assertThat(signer.key().fingerprint().hex()).isEqualTo(rsa);

        // gpg exporting both keys at once writes one armor block holding two certificates.
        Path oneBlock = Files.writeString(dir.resolve("one-block.asc"), gpg.gpgOk("--batch", "--pinentry-mode",
                "loopback", "--passphrase", "", "--armor", "--export-secret-keys", ed25519, rsa).stdout());
        assertThat(Files.readString(oneBlock)).containsOnlyOnce("BEGIN PGP PRIVATE KEY BLOCK");
        OpenPgpSigner fromOneBlock = new OpenPgpSigner(loader(oneBlock).fingerprint(KeyFingerprint.parse(rsa, "test")).load());
        assertThat(fromOneBlock.key().fingerprint().hex()).isEqualTo(rsa);

        String unknown = "0123456789ABCDEF0123456789ABCDEF01234567";
        assertThatThrownBy(() -> loader(both).fingerprint(KeyFingerprint.parse(unknown, "test")).load())
                .hasMessageStartingWith("No key with fingerprint " + unknown + " in the key file " + both)
                .hasMessageContaining(ed25519 + " (primary key, EdDSA (Ed25519, v4 legacy)): can sign")
                .hasMessageContaining(rsa + " (primary key, RSA 2048): can sign");
    }

    @Test
    void fingerprintFormats() throws Exception {
        assertThat(KeyFingerprint.parse("0x" + spaced(ed25519.toLowerCase()), "x").hex()).isEqualTo(ed25519);
        assertThat(KeyFingerprint.parse("a".repeat(64), "x").hex()).isEqualTo("A".repeat(64));
        assertThatThrownBy(() -> KeyFingerprint.parse(ed25519.substring(24), "MAVEN_GPG_KEY_FINGERPRINT"))
                .hasMessageStartingWith("MAVEN_GPG_KEY_FINGERPRINT '" + ed25519.substring(24)
                        + "' is a short key ID, not a fingerprint");
        assertThatThrownBy(() -> KeyFingerprint.parse("ABCDEF", "x")).hasMessageContaining("has 6 hex digits");
        assertThatThrownBy(() -> KeyFingerprint.parse("not-hex", "x")).hasMessageContaining("is not a fingerprint");
        assertThatThrownBy(() -> KeyFingerprint.parse("\u0661".repeat(40), "x"))
                .hasMessageContaining("is not a fingerprint");
    }

    @Test
    void reproducibleModeGivesIdenticalSignatures() throws Exception {
        // After the keys' creation (a signature may not predate its key), before the clocks below.
        Instant sourceDateEpoch = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Path key = keyFile(ed25519);
        Path file = artifact();
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
        Path key = keyFile(rsa);
        Path file = artifact();
        Instant time = Instant.now();
        OpenPgpSigner first = new OpenPgpSigner(loader(key).signatureTime(time).load());
        OpenPgpSigner second = new OpenPgpSigner(loader(key).signatureTime(time).load());
        sign(first, file, dir.resolve("1.asc"));
        sign(second, file, dir.resolve("2.asc"));

        assertThat(Files.readAllBytes(dir.resolve("2.asc"))).isEqualTo(Files.readAllBytes(dir.resolve("1.asc")));
    }

    @Test
    void defaultModeStampsTheCurrentTime() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(ed25519)).load());
        Path file = artifact();
        Instant before = Instant.now().minusSeconds(1);
        sign(signer, file, dir.resolve("now.asc"));
        Instant after = Instant.now().plusSeconds(1);

        Instant created = parse(dir.resolve("now.asc")).getCreationTime().toInstant();
        assertThat(created).isBetween(before, after);
    }

    @Test
    void signatureTimeBeforeKeyCreationIsRefused() throws Exception {
        assertThatThrownBy(() -> loader(keyFile(ed25519)).signatureTime(Instant.parse("2001-01-01T00:00:00Z"))
                        .load())
                .hasMessageContaining("Key " + ed25519)
                .hasMessageContaining("after the signature time 2001-01-01T00:00:00Z")
                .hasMessageContaining("hermetic.sign.reproducible");
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
        Path file = artifact();
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
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(ecdsa)).load());
        Path file = artifact();
        sign(signer, file, dir.resolve("e.asc"));

        assertVerifiedByGpgAndSqv(ecdsa, ecdsa, dir.resolve("e.asc"), file);
        assertThatThrownBy(() -> loader(keyFile(ecdsa)).signatureTime(Instant.now()).load())
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
        Path file = artifact();
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
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(ecdsa)).load());
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
        OpenPgpSigner signer = new OpenPgpSigner(loader(keyFile(ed25519)).load());
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
            assertThat(sqv(keyring, Path.of(file + ".asc"), file).exitCode()).as(file.toString()).isZero();
        }
    }

    private List<Path> signatureFiles() throws Exception {
        try (var stream = Files.list(dir)) {
            return stream.filter(p -> p.toString().endsWith(".jar.asc")).toList();
        }
    }

    private static String spaced(String hex) {
        return String.join(" ", hex.split("(?<=\\G.{4})"));
    }

    private static PGPSignature parse(Path signature) throws Exception {
        return parseArmored(Files.readAllBytes(signature));
    }

    private static PGPSignature parseArmored(byte[] armored) throws Exception {
        var factory = new BcPGPObjectFactory(new ArmoredInputStream(new ByteArrayInputStream(armored)));
        Object object = factory.nextObject();
        return ((PGPSignatureList) object).get(0);
    }
}
