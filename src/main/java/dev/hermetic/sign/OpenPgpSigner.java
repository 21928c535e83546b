package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.PGPContentVerifier;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Detached, ASCII-armored OpenPGP signatures (binary document signatures) made in-process with BouncyCastle, with a
 * key prepared by {@link SigningKeyLoader}: no {@code gpg} binary, no agent. Every signature is checked against the
 * public key before it is returned. Thread-safe.
 *
 * <p>With a fixed signature time ({@link SigningKeyLoader#signatureTime}) and a deterministic algorithm (RSA
 * PKCS#1 v1.5, EdDSA) on a v4 key, signing the same bytes again gives the same {@code .asc}, byte for byte.
 */
public final class OpenPgpSigner {

    /** Large reads, for keys whose signatures BouncyCastle hashes (the others go through {@link MultiDigest}). */
    private static final int BUFFER_SIZE = 1024 * 1024;

    private final SigningKey key;

    public OpenPgpSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The key that signs. */
    SigningKey key() {
        return key;
    }

    /**
     * The armored detached signature of {@code file}, whose bytes {@code digests} were computed from (by
     * {@link MultiDigest#read}). Writes nothing. v4 RSA and EdDSA keys sign the digest of the signature's hash
     * algorithm, continued with the signature trailer, without reading the file again; other keys (and a digest set
     * without that algorithm) read the file again.
     */
    byte[] armoredSignature(Path file, MultiDigest digests) throws SigningException, IOException {
        Instant time = key.nextSignatureTime();
        if (key.singleDigest() && digests.algorithms().contains(key.hash())) {
            return armor(signDigest(key, time, digests, file.toString()));
        }
        SignatureRun run = new SignatureRun(key, time);
        byte[] buffer = new byte[BUFFER_SIZE];
        feed(file, buffer, run::update);
        return armor(run.finish(file.toString(), check -> feed(file, buffer, check::update)));
    }

    /**
     * The armored detached signature of bytes in memory, made and checked as a file's would be.
     *
     * @param what the data, for messages
     */
    byte[] armoredSignature(byte[] data, String what) throws SigningException {
        PGPSignature signature = signature(key, key.nextSignatureTime(), data, what);
        try {
            return armor(signature);
        } catch (IOException e) {
            throw new SigningException("Cannot encode the signature of " + what + ": " + e, e);
        }
    }

    /**
     * The binary (unarmored) detached signature of bytes in memory, made and checked as a file's would be: what a
     * DSSE envelope carries.
     *
     * @param what the data, for messages
     */
    public byte[] binarySignature(byte[] data, String what) throws SigningException {
        PGPSignature signature = signature(key, key.nextSignatureTime(), data, what);
        try {
            return signature.getEncoded();
        } catch (IOException e) {
            throw new SigningException("Cannot encode the signature of " + what + ": " + e, e);
        }
    }

    /** A signature of bytes in memory, checked before it is returned; also the loader's self-test. */
    static PGPSignature signature(SigningKey key, Instant time, byte[] data, String what) throws SigningException {
        if (key.singleDigest()) {
            return signDigest(key, time, MultiDigest.of(data, Set.of(key.hash())), what);
        }
        try {
            SignatureRun run = new SignatureRun(key, time);
            run.update(data, 0, data.length);
            return run.finish(what, check -> check.update(data));
        } catch (IOException e) {
            throw new SigningException("Cannot sign " + what + " with key " + key.fingerprint() + ": " + e, e);
        }
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

    /**
     * v4 RSA and EdDSA keys: the signature over the data's digest, continued with the signature trailer, made with
     * the JDK's digest ({@link SingleDigestContentSigner}) and checked against the public key before it is returned.
     */
    private static PGPSignature signDigest(SigningKey key, Instant time, MultiDigest digests, String what)
            throws SigningException {
        PGPPublicKey publicKey = key.publicKey();
        SingleDigestContentSigner single = new SingleDigestContentSigner(PGPSignature.BINARY_DOCUMENT,
                publicKey.getAlgorithm(), publicKey.getKeyID(), key.hash(), digests.continued(key.hash()),
                key.privateParameters());
        PGPSignature signature = generate(newGenerator(key, time, (type, privateKey) -> single), key, what);
        boolean verified;
        try {
            verified = single.verify(signature.getSignature(), key.publicParameters());
        } catch (PGPException | RuntimeException e) {
            verified = false;
        }
        if (!verified) {
            throw notVerified(key, what);
        }
        return signature;
    }

    private static PGPSignature generate(PGPSignatureGenerator generator, SigningKey key, String what)
            throws SigningException {
        try {
            return generator.generate();
        } catch (PGPException | RuntimeException e) {
            throw new SigningException("Cannot sign " + what + " with key " + key.fingerprint() + ": "
                    + e.getMessage(), e);
        }
    }

    private static SigningException notVerified(SigningKey key, String what) {
        return new SigningException("The signature just made of " + what + " with key " + key.fingerprint()
                + " does not verify against the key's public part, so it was not written: the key material in"
                + " the " + key.sourceDescription() + " is damaged, or the file changed while it was read");
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
        private final SigningKey key;
        private final PGPSignatureGenerator generator;
        private final PGPContentVerifier verifier;
        private final OutputStream verifierStream;

        SignatureRun(SigningKey key, Instant time) throws SigningException {
            this.key = key;
            PGPPublicKey publicKey = key.publicKey();
            generator = newGenerator(key, time,
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), hashTag(key.hash())));
            boolean v6 = publicKey.getVersion() == PublicKeyPacket.VERSION_6;
            verifier = v6 ? null : newVerifier(key);
            verifierStream = v6 ? OutputStream.nullOutputStream() : verifier.getOutputStream();
        }

        void update(byte[] bytes, int offset, int length) throws IOException {
            generator.update(bytes, offset, length);
            verifierStream.write(bytes, offset, length);
        }

        PGPSignature finish(String what, Replay replay) throws SigningException, IOException {
            PGPSignature signature = generate(generator, key, what);
            if (!verify(signature, replay)) {
                throw notVerified(key, what);
            }
            return signature;
        }

        private boolean verify(PGPSignature signature, Replay replay) throws IOException {
            try {
                if (verifier != null) {
                    return verifyInline(signature, verifier, verifierStream);
                }
                signature.init(new BcPGPContentVerifierBuilderProvider(), key.publicKey());
                replay.into(signature);
                return signature.verify();
            } catch (PGPException | RuntimeException e) {
                return false;
            }
        }
    }

    @Override
    public String toString() {
        return "OpenPgpSigner[key " + key.fingerprint() + "]";
    }

    private static PGPSignatureGenerator newGenerator(
            SigningKey key, Instant time, PGPContentSignerBuilder contentSigner) throws SigningException {
        PGPPublicKey publicKey = key.publicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(contentSigner, publicKey);
        try {
            generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
        } catch (PGPException e) {
            throw new SigningException("Cannot start a signature with key " + key.fingerprint() + ": "
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

    private static PGPContentVerifier newVerifier(SigningKey key) throws SigningException {
        try {
            return new BcPGPContentVerifierBuilderProvider()
                    .get(key.publicKey().getAlgorithm(), hashTag(key.hash()))
                    .build(key.publicKey());
        } catch (PGPException e) {
            throw new SigningException("Cannot check signatures of key " + key.fingerprint() + ": "
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
}
