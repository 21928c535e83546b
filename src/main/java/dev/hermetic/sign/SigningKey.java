package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The key that signs, selected, checked and unlocked by {@link SigningKeyLoader}, with what
 * {@link OpenPgpSigner} needs of it. Immutable, so one key serves several signing threads.
 */
public final class SigningKey {

    private final PGPPrivateKey privateKey;
    private final PGPPublicKey publicKey;
    private final KeyFingerprint fingerprint;
    private final String sourceDescription;
    private final AsymmetricKeyParameter privateParameters;
    private final AsymmetricKeyParameter publicParameters;
    private final DigestAlgorithm hash;
    private final Optional<Instant> signatureTime;
    private final Clock clock;

    /**
     * @param privateParameters BouncyCastle's parameters of the key when {@link SingleDigestContentSigner} signs
     *     with it (v4 RSA and EdDSA keys), else null; likewise {@code publicParameters}
     * @param signatureTime the fixed time of every signature (reproducible mode), the one the key was checked for;
     *     empty to stamp each signature with {@code clock}'s time
     */
    SigningKey(PGPPrivateKey privateKey, PGPPublicKey publicKey, KeyFingerprint fingerprint, String sourceDescription,
            AsymmetricKeyParameter privateParameters, AsymmetricKeyParameter publicParameters, DigestAlgorithm hash,
            Optional<Instant> signatureTime, Clock clock) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
        this.sourceDescription = sourceDescription;
        this.privateParameters = privateParameters;
        this.publicParameters = publicParameters;
        this.hash = hash;
        this.signatureTime = signatureTime;
        this.clock = clock;
    }

    /** The fingerprint of the (sub)key that signs. */
    public KeyFingerprint fingerprint() {
        return fingerprint;
    }

    /** Where the key came from ("key file ...", "environment variable ..."), for the log; never the key. */
    public String sourceDescription() {
        return sourceDescription;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }

    AsymmetricKeyParameter privateParameters() {
        return privateParameters;
    }

    AsymmetricKeyParameter publicParameters() {
        return publicParameters;
    }

    /** The hash of its signatures. */
    DigestAlgorithm hash() {
        return hash;
    }

    /** Whether {@link SingleDigestContentSigner} signs with this key (the JDK's digest, one pass over the data). */
    boolean singleDigest() {
        return privateParameters != null;
    }

    /** The creation time of the next signature: the fixed time, else now, in whole seconds. */
    Instant nextSignatureTime() {
        return signatureTime.orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint + " from the " + sourceDescription + "]";
    }
}
