package dev.hermetic.sign;

import static dev.hermetic.sign.TestSignatures.artifact;
import static dev.hermetic.sign.TestSignatures.loader;
import static dev.hermetic.sign.TestSignatures.sign;
import static dev.hermetic.sign.TestSignatures.spaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preparing the key: keys made by the real gpg, each refusal with its message, and the chosen key's signatures
 * checked with the real {@code gpg --verify} and {@code sqv}.
 */
class SigningKeyLoaderTest {

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
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    @Test
    void rsaKeySkipsBouncyCastlesModulusTestOnlyWhilePreparing() throws Exception {
        String skip = "org.bouncycastle.rsa.allow_unsafe_mod";
        OpenPgpSigner signer = new OpenPgpSigner(loader(gpg.secretKeyFile(dir, rsa)).load());

        assertThat(org.bouncycastle.util.Properties.isOverrideSet(skip)).as(skip + " left set on this thread").isFalse();
        Path file = artifact(dir);
        sign(signer, file, dir.resolve("rsa.asc"));
        gpg.assertVerifiedByGpgAndSqv(dir, rsa, rsa, dir.resolve("rsa.asc"), file);
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
    void certifyOnlyPrimarySignsWithItsSigningSubkey() throws Exception {
        Path key = gpg.secretKeyFile(dir, certifyOnly);
        Path file = artifact(dir);
        Path signature = dir.resolve("artifact-1.0.jar.asc");

        // No fingerprint, the primary's fingerprint, and the subkey's (lower case, spaced, 0x): all the subkey.
        for (String selector : new String[] {null, certifyOnly, "0x" + spaced(signingSubkey.toLowerCase())}) {
            OpenPgpSigner signer = new OpenPgpSigner(loader(key)
                    .fingerprint(selector == null ? null : KeyFingerprint.parse(selector, "test"))
                    .load());
            assertThat(signer.key().fingerprint().hex()).isEqualTo(signingSubkey);
            sign(signer, file, signature);
            gpg.assertVerifiedByGpgAndSqv(dir, certifyOnly, signingSubkey, signature, file);
        }
    }

    @Test
    void expiredKeyIsRefusedBeforeAnyFileIsTouched() throws Exception {
        SigningKeyLoader loader = loader(gpg.secretKeyFile(dir, expired));

        assertThatThrownBy(loader::load)
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Key " + expired)
                .hasMessageContaining("expired at 2020-12-31T00:00:00Z")
                .hasMessageContaining("gpg --quick-set-expire " + expired);
        assertThat(signatureFiles()).isEmpty();
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        assertThatThrownBy(() -> loader(gpg.secretKeyFile(dir, revoked)).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Key " + revoked)
                .hasMessageContaining("is revoked")
                .hasMessageContaining("hermetic.sign.fingerprint (or MAVEN_GPG_KEY_FINGERPRINT)");
    }

    @Test
    void revokedSubkeyIsRefusedByNameAndNotChosen() throws Exception {
        Path key = gpg.secretKeyFile(dir, revokedSubkey);
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
        assertThatThrownBy(() -> loader(gpg.secretKeyFile(dir, encryptOnly)).load())
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("No key of certificate " + encryptOnly)
                .hasMessageContaining("(primary key, EdDSA (Ed25519, v4 legacy)): cannot sign (its key flags allow only: certify)")
                .hasMessageContaining("(subkey, ECDH): cannot sign (its key flags allow only: encrypt)")
                .hasMessageContaining("gpg --quick-add-key " + encryptOnly + " ed25519 sign");
        String encryptionSubkey = gpg.fingerprints("enc@example.org").get(1);
        assertThatThrownBy(() -> loader(gpg.secretKeyFile(dir, encryptOnly))
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
        Path key = gpg.secretKeyFile(dir, protectedKey, PASSPHRASE);
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
                .hasMessageNotContaining("not the passphrase")
                // Maven appends a cause's message: BouncyCastle's "checksum mismatch" would follow.
                .hasNoCause();
        assertThatThrownBy(() -> loader(key).passphrase(wrong)
                .passphraseOrigin("the environment variable RELEASE_PASSPHRASE").load())
                .hasMessage("Wrong passphrase for key " + protectedKey + " in the key file " + key + ": the passphrase "
                        + "from the environment variable RELEASE_PASSPHRASE does not unlock it; set it to the key's "
                        + "passphrase")
                .hasNoCause();

        OpenPgpSigner signer = new OpenPgpSigner(loader(key).passphrase(PASSPHRASE.toCharArray()).load());
        Path file = artifact(dir);
        sign(signer, file, dir.resolve("p.asc"));
        gpg.assertVerifiedByGpgAndSqv(dir, protectedKey, protectedKey, dir.resolve("p.asc"), file);
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
    void noKeyAnywhereIsFoundMissingWithoutAnError() throws Exception {
        SigningKeyLoader loader = new SigningKeyLoader()
                .keySource(SigningKeySource.environmentVariable(SigningEnvironment.KEY, Map.of("MAVEN_GPG_KEY", " ")));

        assertThat(loader.keyFound()).isFalse();
        // Asked to load anyway, it says what it always said.
        assertThatThrownBy(loader::load).hasMessageStartingWith("No signing key found (tried environment variable"
                + " MAVEN_GPG_KEY): set hermetic.sign.keyFile");
    }

    @Test
    void aKeyFoundIsTheKeyLoaded() throws Exception {
        SigningKeyLoader loader = new SigningKeyLoader().keySource(SigningKeySource.environmentVariable(
                SigningEnvironment.KEY, Map.of(SigningEnvironment.KEY, gpg.exportSecret(ed25519, ""))));

        assertThat(loader.keyFound()).isTrue();
        assertThat(loader.load().fingerprint().hex()).isEqualTo(ed25519);
    }

    @Test
    void aPassphraseForNoKeyIsAConfigurationError() {
        SigningKeyLoader loader = new SigningKeyLoader()
                .keySource(SigningKeySource.environmentVariable(SigningEnvironment.KEY, Map.of()))
                .passphrase(PASSPHRASE.toCharArray());

        assertThatThrownBy(loader::keyFound)
                .isInstanceOf(SigningException.class)
                .hasMessageStartingWith("A passphrase was given but no signing key found (tried environment variable"
                        + " MAVEN_GPG_KEY): set hermetic.sign.keyFile to an armored secret key file")
                .hasMessageEndingWith("; or unset the passphrase (the environment variable MAVEN_GPG_PASSPHRASE (or"
                        + " the one named by hermetic.sign.passphraseEnvName))")
                .hasMessageNotContaining(PASSPHRASE);
    }

    @Test
    void aMissingKeyFileFailsEvenWhenAKeyIsOptional() {
        Path missing = dir.resolve("nope.asc");
        SigningKeyLoader loader = new SigningKeyLoader().keySource(SigningKeySource.file(missing));

        assertThatThrownBy(loader::keyFound).hasMessageStartingWith("The key file " + missing + " does not exist");
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
    void signatureTimeBeforeKeyCreationIsRefused() throws Exception {
        assertThatThrownBy(() -> loader(gpg.secretKeyFile(dir, ed25519)).signatureTime(Instant.parse("2001-01-01T00:00:00Z"))
                        .load())
                .hasMessageContaining("Key " + ed25519)
                .hasMessageContaining("after the signature time 2001-01-01T00:00:00Z")
                .hasMessageContaining("hermetic.sign.reproducible");
    }

    private List<Path> signatureFiles() throws Exception {
        try (var stream = Files.list(dir)) {
            return stream.filter(p -> p.toString().endsWith(".jar.asc")).toList();
        }
    }
}
