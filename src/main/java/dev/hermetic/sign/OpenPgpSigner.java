package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
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
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyConverter;
import org.bouncycastle.util.Properties;

/**
 * Detached, ASCII-armored OpenPGP signatures (binary document signatures) made in-process with BouncyCastle: no
 * {@code gpg} binary, no agent. Built with {@link #builder()}; {@link #prepare()} loads and checks the key once,
 * then {@link #sign} may be called from several threads at once.
 *
 * <p>With a fixed {@linkplain Builder#signatureTime(Instant) signature time} and a deterministic algorithm (RSA
 * PKCS#1 v1.5, EdDSA) on a v4 key, signing the same bytes again gives the same {@code .asc}, byte for byte.
 */
public final class OpenPgpSigner implements Signer {

    /** Large reads, for keys whose signatures BouncyCastle hashes (the others go through {@link MultiDigest}). */
    private static final int BUFFER_SIZE = 1024 * 1024;

    private final List<SigningKeySource> keySources;
    private final char[] passphrase;
    private final Optional<KeyFingerprint> fingerprint;
    private final Optional<Instant> signatureTime;
    private final DigestAlgorithm hashAlgorithm;
    private final SigningOptionNames options;
    private final Clock clock;

    // Set once by prepare(); read-only afterwards, which is what makes sign() thread-safe.
    private volatile PreparedKey key;

    private OpenPgpSigner(Builder builder) {
        this.keySources = List.copyOf(builder.keySources);
        this.passphrase = builder.passphrase.clone();
        this.fingerprint = Optional.ofNullable(builder.fingerprint);
        this.signatureTime = Optional.ofNullable(builder.signatureTime).map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        this.hashAlgorithm = builder.hashAlgorithm;
        this.options = builder.options;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The key that was selected, checked and unlocked, with what signing needs of it. The BouncyCastle key
     * parameters are set when {@link SingleDigestContentSigner} handles the key (v4 RSA and EdDSA), else null.
     */
    private record PreparedKey(
            PGPPrivateKey privateKey,
            PGPPublicKey publicKey,
            KeyFingerprint fingerprint,
            String sourceDescription,
            AsymmetricKeyParameter privateParameters,
            AsymmetricKeyParameter publicParameters,
            DigestAlgorithm hash) {

        boolean singleDigest() {
            return privateParameters != null;
        }
    }

    @Override
    public synchronized void prepare() throws SigningException {
        if (key != null) {
            return;
        }
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            LoadedKey loaded = loadKey();
            SigningKeySelection.Selected selected = selectWithoutModulusTest(loaded, now);
            checkReproducible(selected);
            PGPPrivateKey privateKey = unlock(selected, loaded.description());
            PGPPublicKey publicKey = selected.secretKey().getPublicKey();
            AsymmetricKeyParameter privateParameters = null;
            AsymmetricKeyParameter publicParameters = null;
            // v6 signatures hash a salt before the data, so the data's own digest cannot be shared: BouncyCastle's path.
            if (SingleDigestContentSigner.supports(publicKey.getAlgorithm())
                    && publicKey.getVersion() != PublicKeyPacket.VERSION_6) {
                KeyParameters parameters = keyParameters(privateKey, publicKey, selected, loaded.description());
                privateParameters = parameters.privateKey();
                publicParameters = parameters.publicKey();
            }
            // Ed448 signatures need a 512-bit hash (RFC 9580, section 5.2.3.4).
            DigestAlgorithm hash = publicKey.getAlgorithm() == PublicKeyAlgorithmTags.Ed448
                    ? DigestAlgorithm.SHA_512 : hashAlgorithm;
            PreparedKey prepared = new PreparedKey(privateKey, publicKey, selected.fingerprint(), loaded.description(),
                    privateParameters, publicParameters, hash);
            selfTest(prepared);
            key = prepared;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** BouncyCastle's switch for its RSA modulus checks; set for this thread only, during key selection. */
    private static final String SKIP_RSA_MODULUS_CHECKS = "org.bouncycastle.rsa.allow_unsafe_mod";

    /**
     * Picks the key. BouncyCastle tests each RSA modulus it meets for primality (with a full-size modular
     * exponentiation, 4 times the work of a signature, and in a fresh JVM run by the interpreter) before it checks a
     * self-signature. The certificates here are the user's own key material, read only to pick the signing key, so
     * the test is skipped for this thread while they are read: the chosen RSA key's modulus is then proven
     * composite by its own secret primes ({@link #rsaParameters}), which is what the test is for.
     */
    private SigningKeySelection.Selected selectWithoutModulusTest(LoadedKey loaded, Instant now)
            throws SigningException {
        SigningKeySelection selection =
                new SigningKeySelection(loaded.description(), options, signatureTime.orElse(now), now);
        if (Properties.isOverrideSet(SKIP_RSA_MODULUS_CHECKS)) {
            return selection.select(loaded.bytes(), fingerprint);
        }
        Properties.setThreadOverride(SKIP_RSA_MODULUS_CHECKS, true);
        try {
            return selection.select(loaded.bytes(), fingerprint);
        } finally {
            Properties.removeThreadOverride(SKIP_RSA_MODULUS_CHECKS);
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

    @Override
    public String keyFingerprint() {
        return requirePrepared().fingerprint().hex();
    }

    /** Where the key came from ("key file ...", "environment variable ..."), for the log. */
    public String keySourceDescription() {
        return requirePrepared().sourceDescription();
    }

    @Override
    public void sign(Path file, Path signatureFile) throws SigningException, IOException {
        signAndDigest(file, signatureFile, Set.of());
    }

    /**
     * Signs {@code file} as {@link #sign} does and, in the same read of the file, computes its digests.
     *
     * @return lowercase hex digest per algorithm in {@code digests}, in {@link DigestAlgorithm} order
     */
    public Map<DigestAlgorithm, String> signAndDigest(Path file, Path signatureFile, Set<DigestAlgorithm> digests)
            throws SigningException, IOException {
        PreparedKey prepared = requirePrepared();
        Map<DigestAlgorithm, String> result;
        byte[] armored;
        if (prepared.singleDigest()) {
            EnumSet<DigestAlgorithm> read = EnumSet.of(prepared.hash());
            read.addAll(digests);
            MultiDigest computed = MultiDigest.read(file, read);
            armored = armor(signDigest(prepared, currentSignatureTime(), computed, file.toString()));
            result = new LinkedHashMap<>(computed.hex());
            result.keySet().retainAll(digests);
        } else {
            SignatureRun run = new SignatureRun(prepared, currentSignatureTime(), digests);
            byte[] buffer = new byte[BUFFER_SIZE];
            feed(file, buffer, run::update);
            armored = armor(run.finish(file.toString(), check -> feed(file, buffer, check::update)));
            result = run.digests();
        }
        AtomicFile.write(signatureFile, armored);
        return result;
    }

    /**
     * The armored detached signature of {@code file}, whose bytes {@code digests} were computed from (by
     * {@link MultiDigest#read}), checked against the public key. Writes nothing. v4 RSA and EdDSA keys sign the
     * digest of the signature's hash algorithm, continued with the signature trailer, without reading the file
     * again; other keys (and a digest set without that algorithm) read the file again.
     */
    public byte[] armoredSignature(Path file, MultiDigest digests) throws SigningException, IOException {
        PreparedKey prepared = requirePrepared();
        if (prepared.singleDigest() && digests.algorithms().contains(prepared.hash())) {
            return armor(signDigest(prepared, currentSignatureTime(), digests, file.toString()));
        }
        SignatureRun run = new SignatureRun(prepared, currentSignatureTime(), Set.of());
        byte[] buffer = new byte[BUFFER_SIZE];
        feed(file, buffer, run::update);
        return armor(run.finish(file.toString(), check -> feed(file, buffer, check::update)));
    }

    /** The armored signature of {@code data}, made and checked as a file's would be; for tests. */
    byte[] signBytes(byte[] data) throws SigningException {
        try {
            return armor(signInMemory(requirePrepared(), currentSignatureTime(), data, "a test message"));
        } catch (IOException e) {
            throw new SigningException("Cannot encode a signature: " + e, e);
        }
    }

    private Instant currentSignatureTime() {
        return signatureTime.orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private interface Chunk {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    private static void feed(Path file, byte[] buffer, Chunk chunk) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                chunk.accept(buffer, 0, n);
            }
        }
    }

    /** A signature of bytes in memory, checked before it is returned. */
    private static PGPSignature signInMemory(PreparedKey prepared, Instant time, byte[] data, String what)
            throws SigningException, IOException {
        if (prepared.singleDigest()) {
            return signDigest(prepared, time, MultiDigest.of(data, Set.of(prepared.hash())), what);
        }
        SignatureRun run = new SignatureRun(prepared, time, Set.of());
        run.update(data, 0, data.length);
        return run.finish(what, check -> check.update(data));
    }

    /**
     * v4 RSA and EdDSA keys: the signature over the data's digest, continued with the signature trailer, made with
     * the JDK's digest ({@link SingleDigestContentSigner}) and checked against the public key before it is returned.
     */
    private static PGPSignature signDigest(PreparedKey prepared, Instant time, MultiDigest digests, String what)
            throws SigningException {
        PGPPublicKey publicKey = prepared.publicKey();
        SingleDigestContentSigner single = new SingleDigestContentSigner(PGPSignature.BINARY_DOCUMENT,
                publicKey.getAlgorithm(), publicKey.getKeyID(), prepared.hash(), digests.continued(prepared.hash()),
                prepared.privateParameters());
        PGPSignature signature = generate(newGenerator(prepared, time, (type, privateKey) -> single), prepared, what);
        boolean verified;
        try {
            verified = single.verify(signature.getSignature(), prepared.publicParameters());
        } catch (PGPException | RuntimeException e) {
            verified = false;
        }
        if (!verified) {
            throw notVerified(prepared, what);
        }
        return signature;
    }

    private static PGPSignature generate(PGPSignatureGenerator generator, PreparedKey prepared, String what)
            throws SigningException {
        try {
            return generator.generate();
        } catch (PGPException | RuntimeException e) {
            throw new SigningException("Cannot sign " + what + " with key " + prepared.fingerprint() + ": "
                    + e.getMessage(), e);
        }
    }

    private static SigningException notVerified(PreparedKey prepared, String what) {
        return new SigningException("The signature just made of " + what + " with key " + prepared.fingerprint()
                + " does not verify against the key's public part, so it was not written: the key material in"
                + " the " + prepared.sourceDescription() + " is damaged, or the file changed while it was read");
    }

    /** Feeds the signed data again into a signature being verified (only v6 signatures need it). */
    private interface Replay {
        void into(PGPSignature check) throws IOException;
    }

    /**
     * One signature made with BouncyCastle's own content signer (keys other than v4 RSA/EdDSA): fed the data once,
     * then finished, checked against the public key and returned. v4 keys feed BouncyCastle's verifier during the
     * same read; v6 keys (whose signatures hash a salt first) are checked by reading the data again.
     */
    private static final class SignatureRun {
        private final PreparedKey prepared;
        private final PGPSignatureGenerator generator;
        private final PGPContentVerifier verifier;
        private final OutputStream verifierStream;
        private final Map<DigestAlgorithm, MessageDigest> fileDigests = new EnumMap<>(DigestAlgorithm.class);
        private final Map<DigestAlgorithm, String> results = new LinkedHashMap<>();

        SignatureRun(PreparedKey prepared, Instant time, Set<DigestAlgorithm> digests) throws SigningException {
            this.prepared = prepared;
            PGPPublicKey publicKey = prepared.publicKey();
            generator = newGenerator(prepared, time,
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), hashTag(prepared.hash())));
            boolean v6 = publicKey.getVersion() == PublicKeyPacket.VERSION_6;
            verifier = v6 ? null : newVerifier(prepared);
            verifierStream = v6 ? OutputStream.nullOutputStream() : verifier.getOutputStream();
            for (DigestAlgorithm algorithm : digests) {
                fileDigests.put(algorithm, algorithm.newMessageDigest());
            }
        }

        void update(byte[] bytes, int offset, int length) throws IOException {
            generator.update(bytes, offset, length);
            verifierStream.write(bytes, offset, length);
            for (MessageDigest digest : fileDigests.values()) {
                digest.update(bytes, offset, length);
            }
        }

        PGPSignature finish(String what, Replay replay) throws SigningException, IOException {
            // EnumMap: DigestAlgorithm order.
            fileDigests.forEach((algorithm, digest) -> results.put(algorithm, HexFormat.of().formatHex(digest.digest())));
            PGPSignature signature = generate(generator, prepared, what);
            if (!verify(signature, replay)) {
                throw notVerified(prepared, what);
            }
            return signature;
        }

        /** Lowercase hex digests of the data, once {@link #finish} has run. */
        Map<DigestAlgorithm, String> digests() {
            return results;
        }

        private boolean verify(PGPSignature signature, Replay replay) throws IOException {
            try {
                if (verifier != null) {
                    return verifyInline(signature, verifier, verifierStream);
                }
                signature.init(new BcPGPContentVerifierBuilderProvider(), prepared.publicKey());
                replay.into(signature);
                return signature.verify();
            } catch (PGPException | RuntimeException e) {
                return false;
            }
        }
    }

    @Override
    public String toString() {
        PreparedKey prepared = key;
        return "OpenPgpSigner[" + (prepared == null ? "not prepared" : "key " + prepared.fingerprint()) + "]";
    }

    private PreparedKey requirePrepared() {
        PreparedKey prepared = key;
        if (prepared == null) {
            throw new IllegalStateException("prepare() must succeed before signing");
        }
        return prepared;
    }

    private record LoadedKey(byte[] bytes, String description) {}

    private LoadedKey loadKey() throws SigningException {
        List<String> tried = new ArrayList<>();
        for (SigningKeySource source : keySources) {
            Optional<byte[]> bytes = source.read();
            if (bytes.isPresent()) {
                return new LoadedKey(bytes.get(), source.description());
            }
            tried.add(source.description());
        }
        throw new SigningException("No signing key found"
                + (tried.isEmpty() ? "" : " (tried " + String.join(", ", tried) + ")")
                + ": set " + options.keyFile() + " to an armored secret key file, or export the key into an"
                + " environment variable (" + SigningEnvironment.KEY + " by default, or the one named by "
                + options.keyEnvName() + "), e.g. " + SigningEnvironment.KEY
                + "=\"$(gpg --armor --export-secret-keys <fingerprint>)\"");
    }

    private void checkReproducible(SigningKeySelection.Selected selected) throws SigningException {
        if (signatureTime.isEmpty()) {
            return;
        }
        PGPPublicKey publicKey = selected.secretKey().getPublicKey();
        if (publicKey.getVersion() == PublicKeyPacket.VERSION_6) {
            throw new SigningException("Key " + selected.fingerprint() + " is a v6 key: its signatures carry a random"
                    + " salt, so they cannot be reproducible; use a v4 Ed25519 or RSA key, or turn off "
                    + options.reproducible());
        }
        int algorithm = publicKey.getAlgorithm();
        if (!isDeterministic(algorithm)) {
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
            // BouncyCastle reports a wrong passphrase as a checksum or AEAD failure; the cause does not carry it.
            throw new SigningException("Wrong passphrase for key " + selected.fingerprint() + " in the " + description
                    + ": set the environment variable " + SigningEnvironment.PASSPHRASE + " (or the one named by "
                    + options.passphraseEnvName() + ") to the key's passphrase", e);
        }
    }

    /**
     * Signs a few bytes as a file would be signed, then checks the result with BouncyCastle's own verifier: a key
     * that cannot sign fails in prepare(), before any file is touched, and the single-digest path is cross-checked.
     */
    private void selfTest(PreparedKey prepared) throws SigningException {
        byte[] data = "hermetic-maven-plugin signing self-test".getBytes(StandardCharsets.US_ASCII);
        PGPSignature signature;
        try {
            signature = signInMemory(prepared, clock.instant().truncatedTo(ChronoUnit.SECONDS), data, "a test message");
        } catch (IOException e) {
            throw new SigningException("Cannot make a test signature with key " + prepared.fingerprint() + ": " + e, e);
        } catch (SigningException e) {
            throw new SigningException("Key " + prepared.fingerprint() + " in the " + prepared.sourceDescription()
                    + " makes signatures that do not verify against its own public key: the key is damaged;"
                    + " export it again with `gpg --armor --export-secret-keys " + prepared.fingerprint() + "`", e);
        }
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), prepared.publicKey());
            signature.update(data);
            if (!signature.verify()) {
                throw new SigningException("Key " + prepared.fingerprint() + " in the " + prepared.sourceDescription()
                        + " makes signatures that BouncyCastle's verifier rejects: export the key again with"
                        + " `gpg --armor --export-secret-keys " + prepared.fingerprint() + "`");
            }
        } catch (PGPException e) {
            throw new SigningException("Cannot check a test signature of key " + prepared.fingerprint() + ": "
                    + e.getMessage(), e);
        }
    }

    private static PGPSignatureGenerator newGenerator(
            PreparedKey prepared, Instant time, PGPContentSignerBuilder contentSigner) throws SigningException {
        PGPPublicKey publicKey = prepared.publicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(contentSigner, publicKey);
        try {
            generator.init(PGPSignature.BINARY_DOCUMENT, prepared.privateKey());
        } catch (PGPException e) {
            throw new SigningException("Cannot start a signature with key " + prepared.fingerprint() + ": "
                    + e.getMessage(), e);
        }
        // Every subpacket is set here, so BouncyCastle adds none of its own (and none that varies).
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(time));
        hashed.setIssuerFingerprint(false, publicKey);
        generator.setHashedSubpackets(hashed.generate());
        PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
        if (publicKey.getVersion() != PublicKeyPacket.VERSION_6) {
            // v4 verifiers (gpg 2.2, sqv) still look for the 8-byte issuer key ID; v6 forbids it.
            unhashed.setIssuerKeyID(false, publicKey.getKeyID());
        }
        generator.setUnhashedSubpackets(unhashed.generate());
        return generator;
    }

    private static PGPContentVerifier newVerifier(PreparedKey prepared) throws SigningException {
        try {
            return new BcPGPContentVerifierBuilderProvider()
                    .get(prepared.publicKey().getAlgorithm(), hashTag(prepared.hash()))
                    .build(prepared.publicKey());
        } catch (PGPException e) {
            throw new SigningException("Cannot check signatures of key " + prepared.fingerprint() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Completes the check fed during the read: the same trailer and signature value PGPSignature.verify() uses. */
    static boolean verifyInline(PGPSignature signature, PGPContentVerifier verifier, OutputStream verifierStream)
            throws IOException {
        try {
            verifierStream.write(signature.getSignatureTrailer());
            return verifier.verify(signature.getSignature());
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    /** Armored, without a Version header (it would change with the BouncyCastle version), LF line ends everywhere. */
    private static byte[] armor(PGPSignature signature) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            signature.encode(armored);
        }
        String text = bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static int hashTag(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA_256 -> HashAlgorithmTags.SHA256;
            case SHA_512 -> HashAlgorithmTags.SHA512;
        };
    }

    /** Configures an {@link OpenPgpSigner}. Nothing is read until {@link OpenPgpSigner#prepare()}. */
    public static final class Builder {
        private final List<SigningKeySource> keySources = new ArrayList<>();
        private char[] passphrase = new char[0];
        private KeyFingerprint fingerprint;
        private Instant signatureTime;
        private DigestAlgorithm hashAlgorithm = DigestAlgorithm.SHA_256;
        private SigningOptionNames options = SigningOptionNames.MAVEN;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Adds a key source; sources are tried in the order added, the first holding a key wins. */
        public Builder keySource(SigningKeySource source) {
            keySources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /** Adds key sources in order. */
        public Builder keySources(List<SigningKeySource> sources) {
            sources.forEach(this::keySource);
            return this;
        }

        /** Passphrase of the key; empty (the default) for a key without one. Copied, and the copy cleared after prepare(). */
        public Builder passphrase(char[] passphrase) {
            this.passphrase = passphrase == null ? new char[0] : passphrase.clone();
            return this;
        }

        /** Selects the key (primary or subkey) by fingerprint; null takes the only key that can sign. */
        public Builder fingerprint(KeyFingerprint fingerprint) {
            this.fingerprint = fingerprint;
            return this;
        }

        /**
         * Fixes the signature creation time (e.g. SOURCE_DATE_EPOCH), which makes signatures reproducible with a
         * deterministic algorithm; null (the default) stamps each signature with the current time.
         */
        public Builder signatureTime(Instant signatureTime) {
            this.signatureTime = signatureTime;
            return this;
        }

        /**
         * Hash of the signature: SHA-256 (default: what gpg 2.2 picks for Ed25519 keys, and about twice as fast as
         * SHA-512 where the CPU has SHA extensions) or SHA-512. Ed448 keys always use SHA-512.
         */
        public Builder hashAlgorithm(DigestAlgorithm hashAlgorithm) {
            this.hashAlgorithm = Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
            return this;
        }

        /** How messages name the settings; {@link SigningOptionNames#MAVEN} by default. */
        public Builder optionNames(SigningOptionNames options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Clock for "now" (expiry checks, default signature time); for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OpenPgpSigner build() {
            return new OpenPgpSigner(this);
        }
    }
}
