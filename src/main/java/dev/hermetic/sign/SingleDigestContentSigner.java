package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.OutputStream;
import java.security.MessageDigest;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.NullDigest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed448Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.openpgp.operator.PGPContentSigner;

/**
 * A content signer that hashes the data once, with the JDK's (intrinsic-accelerated) digest, and then signs that
 * hash. BouncyCastle's own content signer hashes every byte twice in pure Java (once for the signature, once for the
 * hash prefix in the packet); here one pass serves the signature, its verification, and the file's own digest of the
 * same algorithm, which may even be computed before the key is known (the digest passed in continues with the
 * signature trailer). Only for algorithms that sign a hash deterministically and simply: RSA PKCS#1 v1.5 and EdDSA.
 * One instance per signature; not thread-safe.
 */
final class SingleDigestContentSigner implements PGPContentSigner {

    private final int signatureType;
    private final int keyAlgorithm;
    private final long keyId;
    private final DigestAlgorithm hashAlgorithm;
    private final AsymmetricKeyParameter privateKey;
    private final MessageDigest digest;
    private final OutputStream stream;
    private byte[] finalDigest;

    SingleDigestContentSigner(int signatureType, int keyAlgorithm, long keyId, DigestAlgorithm hashAlgorithm,
            AsymmetricKeyParameter privateKey) {
        this(signatureType, keyAlgorithm, keyId, hashAlgorithm, hashAlgorithm.newMessageDigest(), privateKey);
    }

    /**
     * @param digest a digest of {@code hashAlgorithm} that may already have seen the data (see
     *     {@link dev.hermetic.digest.MultiDigest#continued}); the signature trailer is added to it
     */
    SingleDigestContentSigner(int signatureType, int keyAlgorithm, long keyId, DigestAlgorithm hashAlgorithm,
            MessageDigest digest, AsymmetricKeyParameter privateKey) {
        this.signatureType = signatureType;
        this.keyAlgorithm = keyAlgorithm;
        this.keyId = keyId;
        this.hashAlgorithm = hashAlgorithm;
        this.privateKey = privateKey;
        this.digest = digest;
        this.stream = new OutputStream() {
            @Override
            public void write(int b) {
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                digest.update(b, off, len);
            }
        };
    }

    /** Whether this signer handles keys of {@code keyAlgorithm}; others use BouncyCastle's content signer. */
    static boolean supports(int keyAlgorithm) {
        return switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN,
                    PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519,
                    PublicKeyAlgorithmTags.Ed448 -> true;
            default -> false;
        };
    }

    /** Checks a signature value (as {@code PGPSignature.getSignature()} decodes it) against the hash and public key. */
    boolean verify(byte[] signatureValue, AsymmetricKeyParameter publicKey) {
        try {
            Signer verifier = newPrimitive(keyAlgorithm, hashAlgorithm);
            verifier.init(false, publicKey);
            byte[] hash = getDigest();
            verifier.update(hash, 0, hash.length);
            return verifier.verifySignature(signatureValue);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public OutputStream getOutputStream() {
        return stream;
    }

    @Override
    public byte[] getSignature() {
        Signer signer = newPrimitive(keyAlgorithm, hashAlgorithm);
        signer.init(true, privateKey);
        byte[] hash = getDigest();
        signer.update(hash, 0, hash.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("signing the " + hashAlgorithm.jcaName() + " hash failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] getDigest() {
        if (finalDigest == null) {
            finalDigest = digest.digest();
        }
        return finalDigest.clone();
    }

    @Override
    public int getType() {
        return signatureType;
    }

    @Override
    public int getHashAlgorithm() {
        return OpenPgpSigner.hashTag(hashAlgorithm);
    }

    @Override
    public int getKeyAlgorithm() {
        return keyAlgorithm;
    }

    @Override
    public long getKeyID() {
        return keyId;
    }

    /**
     * The signature primitive applied to an already computed hash. RSA: PKCS#1 v1.5 over the DigestInfo of the hash
     * (NullDigest passes the hash through). EdDSA in OpenPGP signs the hash value itself as its message.
     */
    private static Signer newPrimitive(int keyAlgorithm, DigestAlgorithm hashAlgorithm) {
        return switch (keyAlgorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN ->
                    new RSADigestSigner(new NullDigest(), digestOid(hashAlgorithm));
            case PublicKeyAlgorithmTags.EDDSA_LEGACY, PublicKeyAlgorithmTags.Ed25519 -> new Ed25519Signer();
            case PublicKeyAlgorithmTags.Ed448 -> new Ed448Signer(new byte[0]);
            default -> throw new IllegalArgumentException("unsupported key algorithm " + keyAlgorithm);
        };
    }

    private static ASN1ObjectIdentifier digestOid(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case SHA_256 -> NISTObjectIdentifiers.id_sha256;
            case SHA_512 -> NISTObjectIdentifiers.id_sha512;
        };
    }
}
