package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;
import org.bouncycastle.util.Properties;

/**
 * Prepares the key that signs, once, before any file is touched: reads the key material from the first source that
 * holds some, selects the (sub)key ({@link SigningKeySelection}: revocation, expiry, flags, cross-certification),
 * checks that it can make reproducible signatures when asked to, unlocks it with the passphrase and proves with a
 * test signature that it signs. Configure it, then call {@link #load()} once: the passphrase is cleared then. Where
 * signing is optional, ask {@link #keyFound()} first.
 */
public final class SigningKeyLoader {

    /** BouncyCastle's switch for its RSA modulus checks; set for this thread only, during key selection. */
    private static final String SKIP_RSA_MODULUS_CHECKS = "org.bouncycastle.rsa.allow_unsafe_mod";

    private final List<SigningKeySource> keySources = new ArrayList<>();
    private char[] passphrase = new char[0];
    private String passphraseOrigin;
    private KeyFingerprint fingerprint;
    private Instant signatureTime;
    private DigestAlgorithm hashAlgorithm = DigestAlgorithm.SHA_256;
    private SigningOptionNames options = SigningOptionNames.MAVEN;
    private Clock clock = Clock.systemUTC();
    /** What {@link #keyFound()} read, so that {@link #load()} does not read the sources again. */
    private Optional<LoadedKey> found;

    /** Adds a key source; sources are tried in the order added, the first holding a key wins. */
    public SigningKeyLoader keySource(SigningKeySource source) {
        keySources.add(Objects.requireNonNull(source, "source"));
        found = null;
        return this;
    }

    /** Passphrase of the key; empty (the default) for a key without one. Copied, and the copy cleared by load(). */
    public SigningKeyLoader passphrase(char[] passphrase) {
        this.passphrase = passphrase == null ? new char[0] : passphrase.clone();
        return this;
    }

    /**
     * Where the passphrase came from, for messages, e.g. {@code the environment variable MAVEN_GPG_PASSPHRASE}; by
     * default the environment variable {@link SigningEnvironment#PASSPHRASE} or the one the option names.
     */
    public SigningKeyLoader passphraseOrigin(String origin) {
        this.passphraseOrigin = origin;
        return this;
    }

    private String passphraseOrigin() {
        return passphraseOrigin != null ? passphraseOrigin : "the environment variable " + SigningEnvironment.PASSPHRASE
                + " (or the one named by " + options.passphraseEnvName() + ")";
    }

    /** Selects the key (primary or subkey) by fingerprint; null takes the only key that can sign. */
    public SigningKeyLoader fingerprint(KeyFingerprint fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    /**
     * Fixes the signature creation time (e.g. SOURCE_DATE_EPOCH), which makes signatures reproducible with a
     * deterministic algorithm; null (the default) stamps each signature with the current time.
     */
    public SigningKeyLoader signatureTime(Instant signatureTime) {
        this.signatureTime = signatureTime == null ? null : signatureTime.truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    /**
     * Hash of the signatures: SHA-256 (default: what gpg 2.2 picks for Ed25519 keys, and faster than SHA-512 where
     * the CPU has SHA extensions) or SHA-512. Ed448 keys always use SHA-512.
     */
    public SigningKeyLoader hashAlgorithm(DigestAlgorithm hashAlgorithm) {
        this.hashAlgorithm = Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        return this;
    }

    /** How messages name the settings; {@link SigningOptionNames#MAVEN} by default. */
    public SigningKeyLoader optionNames(SigningOptionNames options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    /** Clock for "now" (expiry checks, the signature time when none is fixed); for tests. */
    public SigningKeyLoader clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Whether a source holds key material, for a front end where signing is optional: no key means nothing to sign.
     * A source that was named but cannot be used (a missing key file) is still an error, and so is a passphrase
     * given with no key: both say the user meant to sign. Reads the sources once; {@link #load()} uses what it read.
     *
     * @throws SigningException when a named source cannot be read, or a passphrase was given but no key
     */
    public boolean keyFound() throws SigningException {
        if (found == null) {
            found = readSources();
        }
        if (found.isEmpty() && passphrase.length > 0) {
            Arrays.fill(passphrase, '\0');
            throw new SigningException("A passphrase was given but no signing key found" + whatToSet()
                    + "; or unset the passphrase (" + passphraseOrigin() + ")");
        }
        return found.isPresent();
    }

    /**
     * Reads, selects, checks and unlocks the key, then makes and checks a test signature with it.
     *
     * @throws SigningException saying what is wrong with the key or its source, and what to set
     */
    public SigningKey load() throws SigningException {
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            LoadedKey loaded = read();
            SigningKeySelection.Selected selected = selectWithoutModulusTest(loaded, now);
            checkReproducible(selected);
            PGPPrivateKey privateKey = unlock(selected, loaded.description());
            PGPPublicKey publicKey = selected.secretKey().getPublicKey();
            KeyParameters parameters = new KeyParameters(null, null);
            // v6 signatures hash a salt before the data, so the data's own digest cannot be shared: BouncyCastle's path.
            if (SingleDigestContentSigner.supports(publicKey.getAlgorithm())
                    && publicKey.getVersion() != PublicKeyPacket.VERSION_6) {
                parameters = keyParameters(privateKey, publicKey, selected, loaded.description());
            }
            // Ed448 signatures need a 512-bit hash (RFC 9580, section 5.2.3.4).
            DigestAlgorithm hash = publicKey.getAlgorithm() == PublicKeyAlgorithmTags.Ed448
                    ? DigestAlgorithm.SHA_512 : hashAlgorithm;
            SigningKey key = new SigningKey(privateKey, publicKey, selected.fingerprint(), loaded.description(),
                    parameters.privateKey(), parameters.publicKey(), hash, Optional.ofNullable(signatureTime), clock);
            selfTest(key);
            return key;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private record LoadedKey(byte[] bytes, String description) {}

    private LoadedKey read() throws SigningException {
        if (found == null) {
            found = readSources();
        }
        return found.orElseThrow(() -> new SigningException("No signing key found" + whatToSet()));
    }

    private Optional<LoadedKey> readSources() throws SigningException {
        for (SigningKeySource source : keySources) {
            Optional<byte[]> bytes = source.read();
            if (bytes.isPresent()) {
                return Optional.of(new LoadedKey(bytes.get(), source.description()));
            }
        }
        return Optional.empty();
    }

    /** After "no signing key found": the sources tried, and how to give a key. */
    private String whatToSet() {
        List<String> tried = keySources.stream().map(SigningKeySource::description).toList();
        return (tried.isEmpty() ? "" : " (tried " + String.join(", ", tried) + ")")
                + ": set " + options.keyFile() + " to an armored secret key file, or export the key into an"
                + " environment variable (" + SigningEnvironment.KEY + " by default, or the one named by "
                + options.keyEnvName() + "), e.g. " + SigningEnvironment.KEY
                + "=\"$(gpg --armor --export-secret-keys <fingerprint>)\"";
    }

    /**
     * Picks the key. BouncyCastle tests each RSA modulus it meets for primality (a full-size modular exponentiation,
     * run by the interpreter in a fresh JVM) before it checks a self-signature. The certificates here are the user's
     * own key material, read only to pick the signing key, so the test is skipped for this thread while they are
     * read: the chosen RSA key's modulus is then proven composite by its own secret primes ({@link #keyParameters}),
     * which is what the test is for.
     */
    private SigningKeySelection.Selected selectWithoutModulusTest(LoadedKey loaded, Instant now)
            throws SigningException {
        Optional<KeyFingerprint> wanted = Optional.ofNullable(fingerprint);
        SigningKeySelection selection = new SigningKeySelection(
                loaded.description(), options, signatureTime == null ? now : signatureTime, now);
        if (Properties.isOverrideSet(SKIP_RSA_MODULUS_CHECKS)) {
            return selection.select(loaded.bytes(), wanted);
        }
        Properties.setThreadOverride(SKIP_RSA_MODULUS_CHECKS, true);
        try {
            return selection.select(loaded.bytes(), wanted);
        } finally {
            Properties.removeThreadOverride(SKIP_RSA_MODULUS_CHECKS);
        }
    }

    private void checkReproducible(SigningKeySelection.Selected selected) throws SigningException {
        if (signatureTime == null) {
            return;
        }
        PGPPublicKey publicKey = selected.secretKey().getPublicKey();
        if (publicKey.getVersion() == PublicKeyPacket.VERSION_6) {
            throw new SigningException("Key " + selected.fingerprint() + " is a v6 key: its signatures carry a random"
                    + " salt, so they cannot be reproducible; use a v4 Ed25519 or RSA key, or turn off "
                    + options.reproducible());
        }
        if (!isDeterministic(publicKey.getAlgorithm())) {
            throw new SigningException("Key " + selected.fingerprint() + " uses " + SigningKeySelection.algorithmName(publicKey)
                    + ", whose signatures use a random nonce, so they cannot be reproducible; use an Ed25519 or RSA key,"
                    + " or turn off " + options.reproducible());
        }
    }

    private static boolean isDeterministic(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN,
                    PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519,
                    PublicKeyAlgorithmTags.Ed448 -> true;
            default -> false;
        };
    }

    private PGPPrivateKey unlock(SigningKeySelection.Selected selected, String description) throws SigningException {
        PGPSecretKey secretKey = selected.secretKey();
        boolean protectedKey = secretKey.getS2KUsage() != 0;
        if (protectedKey && passphrase.length == 0) {
            throw new SigningException("Key " + selected.fingerprint() + " in the " + description + " is protected by a"
                    + " passphrase and none was given: put it in the environment variable " + SigningEnvironment.PASSPHRASE
                    + " (or the one named by " + options.passphraseEnvName() + ")");
        }
        try {
            PBESecretKeyDecryptor decryptor =
                    new BcPBESecretKeyDecryptorBuilder(new JdkDigestCalculatorProvider()).build(passphrase);
            PGPPrivateKey privateKey = secretKey.extractPrivateKey(decryptor);
            if (privateKey == null) {
                throw new SigningException("Key " + selected.fingerprint() + " in the " + description
                        + " has no secret part: export it with `gpg --armor --export-secret-keys`");
            }
            return privateKey;
        } catch (PGPException e) {
            if (!protectedKey) {
                throw new SigningException("Cannot read the secret part of key " + selected.fingerprint() + " in the "
                        + description + " (" + e.getMessage() + "): export it again with"
                        + " `gpg --armor --export-secret-keys " + selected.fingerprint() + "`", e);
            }
            // BouncyCastle reports a wrong passphrase as a checksum or AEAD failure: not chained, as its words
            // ("checksum mismatch") would only mislead once a front end appends them.
            throw new SigningException("Wrong passphrase for key " + selected.fingerprint() + " in the " + description
                    + ": the passphrase from " + passphraseOrigin() + " does not unlock it; set it to the key's "
                    + "passphrase");
        }
    }

    private record KeyParameters(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) {}

    /**
     * BouncyCastle's parameters of the key, for {@link SingleDigestContentSigner}. An RSA modulus is proven composite
     * by the secret primes (p·q = n, both above 1), so BouncyCastle's probabilistic test is superfluous: the
     * parameters are built as already checked ({@code isInternal}), which also spares that test to BouncyCastle's own
     * verifier in the self-test.
     */
    private static KeyParameters keyParameters(PGPPrivateKey privateKey, PGPPublicKey publicKey,
            SigningKeySelection.Selected selected, String description) throws SigningException {
        try {
            if (!(privateKey.getPrivateKeyDataPacket() instanceof RSASecretBCPGKey secret)) {
                return new KeyParameters(new BcPGPKeyConverter().getPrivateKey(privateKey),
                        new BcPGPKeyConverter().getPublicKey(publicKey));
            }
            RSAPublicBCPGKey pub = (RSAPublicBCPGKey) publicKey.getPublicKeyPacket().getKey();
            BigInteger modulus = pub.getModulus();
            if (secret.getPrimeP().compareTo(BigInteger.ONE) <= 0 || secret.getPrimeQ().compareTo(BigInteger.ONE) <= 0
                    || !secret.getModulus().equals(modulus)) {
                throw new SigningException("Key " + selected.fingerprint() + " in the " + description + " is damaged:"
                        + " its secret primes do not multiply to its public modulus. Export it again with"
                        + " `gpg --armor --export-secret-keys " + selected.fingerprint() + "`");
            }
            return new KeyParameters(
                    new RSAPrivateCrtKeyParameters(modulus, pub.getPublicExponent(), secret.getPrivateExponent(),
                            secret.getPrimeP(), secret.getPrimeQ(), secret.getPrimeExponentP(),
                            secret.getPrimeExponentQ(), secret.getCrtCoefficient(), true),
                    new RSAKeyParameters(false, modulus, pub.getPublicExponent(), true));
        } catch (PGPException | ClassCastException e) {
            throw new SigningException("Cannot use key " + selected.fingerprint() + " in the " + description + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Signs a few bytes as a file would be signed, then checks the result with BouncyCastle's own verifier: a key
     * that cannot sign fails here, before any file is touched, and the single-digest path is cross-checked.
     */
    private void selfTest(SigningKey key) throws SigningException {
        byte[] data = "hermetic-maven-plugin signing self-test".getBytes(StandardCharsets.US_ASCII);
        PGPSignature signature;
        try {
            signature = OpenPgpSigner.signature(key, clock.instant().truncatedTo(ChronoUnit.SECONDS), data,
                    "a test message");
        } catch (SigningException e) {
            throw new SigningException("Key " + key.fingerprint() + " in the " + key.sourceDescription()
                    + " makes signatures that do not verify against its own public key: the key is damaged;"
                    + " export it again with `gpg --armor --export-secret-keys " + key.fingerprint() + "`", e);
        }
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key.publicKey());
            signature.update(data);
            if (!signature.verify()) {
                throw new SigningException("Key " + key.fingerprint() + " in the " + key.sourceDescription()
                        + " makes signatures that BouncyCastle's verifier rejects: export the key again with"
                        + " `gpg --armor --export-secret-keys " + key.fingerprint() + "`");
            }
        } catch (PGPException e) {
            throw new SigningException("Cannot check a test signature of key " + key.fingerprint() + ": "
                    + e.getMessage(), e);
        }
    }
}
