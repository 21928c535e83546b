package dev.hermetic.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Public keys (one or more certificates, armored or binary, as {@code gpg --export} writes them) that detached
 * signatures are checked against: the counterpart of {@link OpenPgpSigner} for verifiers. A signature counts when a
 * key of these certificates made it over exactly the bytes given, and, for a subkey, the primary key's binding of
 * that subkey verifies. Expiry and revocation are not evaluated: the caller chose this key file.
 */
public final class OpenPgpCertificate {

    /** The outcome of one check: who made the signature (as far as it says), and what is wrong, if anything. */
    public record Verdict(boolean valid, String signer, String problem) {}

    private final PGPPublicKeyRingCollection rings;
    private final String description;

    private OpenPgpCertificate(PGPPublicKeyRingCollection rings, String description) {
        this.rings = rings;
        this.description = description;
    }

    /**
     * @param description where the keys came from, for messages ("public key file release.asc")
     * @throws SigningException when the bytes hold no public key
     */
    public static OpenPgpCertificate read(byte[] keys, String description) throws SigningException {
        PGPPublicKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keys))) {
            rings = new BcPGPPublicKeyRingCollection(in);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new SigningException("The " + description + " holds no readable OpenPGP public key (" + e.getMessage()
                    + "): export it with `gpg --armor --export <fingerprint>`", e);
        }
        if (rings.size() == 0) {
            throw new SigningException("The " + description + " holds no OpenPGP public key: export it with"
                    + " `gpg --armor --export <fingerprint>`");
        }
        return new OpenPgpCertificate(rings, description);
    }

    /** The fingerprints of every key, primary keys and subkeys. */
    public List<KeyFingerprint> fingerprints() {
        List<KeyFingerprint> result = new ArrayList<>();
        for (PGPPublicKeyRing ring : rings) {
            ring.getPublicKeys().forEachRemaining(key -> result.add(KeyFingerprint.of(key.getFingerprint())));
        }
        return result;
    }

    /**
     * Checks a binary or armored detached signature (the first one it holds) of {@code data}.
     *
     * @return valid with the signing key's fingerprint, or invalid with the problem in words
     */
    public Verdict verify(byte[] data, byte[] detachedSignature) {
        PGPSignature signature;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(detachedSignature))) {
            Object object = new BcPGPObjectFactory(in).nextObject();
            if (!(object instanceof PGPSignatureList list) || list.isEmpty()) {
                return new Verdict(false, "", "it is not an OpenPGP signature");
            }
            signature = list.get(0);
        } catch (IOException | RuntimeException e) {
            return new Verdict(false, "", "it is not an OpenPGP signature (" + e.getMessage() + ")");
        }
        String signer = issuer(signature);
        if (signature.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            return new Verdict(false, signer, "it is not a signature of a binary document (type "
                    + signature.getSignatureType() + ")");
        }
        Optional<PGPPublicKey> key = find(signature);
        if (key.isEmpty()) {
            return new Verdict(false, signer, "it was made by key " + signer + ", which is not in the " + description
                    + " (it holds " + fingerprints() + ")");
        }
        signer = KeyFingerprint.of(key.get().getFingerprint()).hex();
        if (!key.get().isMasterKey() && !bound(key.get())) {
            return new Verdict(false, signer, "it was made by subkey " + signer + ", which no valid binding signature"
                    + " of its primary key in the " + description + " certifies");
        }
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key.get());
            signature.update(data);
            if (!signature.verify()) {
                return new Verdict(false, signer, "the signature of key " + signer + " does not match the signed bytes:"
                        + " they were changed after signing, or the signature belongs to other bytes");
            }
        } catch (PGPException | RuntimeException e) {
            return new Verdict(false, signer, "the signature of key " + signer + " cannot be checked: "
                    + e.getMessage());
        }
        return new Verdict(true, signer, "");
    }

    /** The issuer fingerprint the signature names, else its 16-digit key ID. */
    private static String issuer(PGPSignature signature) {
        return issuerFingerprint(signature).map(fingerprint -> KeyFingerprint.of(fingerprint).hex())
                .orElseGet(() -> String.format("%016X", signature.getKeyID()));
    }

    private static Optional<byte[]> issuerFingerprint(PGPSignature signature) {
        if (signature.getHashedSubPackets() != null
                && signature.getHashedSubPackets().getSubpacket(SignatureSubpacketTags.ISSUER_FINGERPRINT)
                        instanceof IssuerFingerprint fingerprint) {
            return Optional.of(fingerprint.getFingerprint());
        }
        return Optional.empty();
    }

    private Optional<PGPPublicKey> find(PGPSignature signature) {
        Optional<byte[]> fingerprint = issuerFingerprint(signature);
        for (PGPPublicKeyRing ring : rings) {
            for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
                PGPPublicKey key = keys.next();
                if (fingerprint.isPresent() ? Arrays.equals(fingerprint.get(), key.getFingerprint())
                        : key.getKeyID() == signature.getKeyID()) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the subkey's ring's primary key made a valid binding signature of it. */
    private boolean bound(PGPPublicKey subkey) {
        for (PGPPublicKeyRing ring : rings) {
            PGPPublicKey primary = ring.getPublicKey();
            if (ring.getPublicKey(subkey.getKeyID()) == null) {
                continue;
            }
            for (Iterator<PGPSignature> bindings = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
                    bindings.hasNext(); ) {
                PGPSignature binding = bindings.next();
                try {
                    binding.init(new BcPGPContentVerifierBuilderProvider(), primary);
                    if (binding.verifyCertification(primary, subkey)) {
                        return true;
                    }
                } catch (PGPException | RuntimeException e) {
                    // An unreadable binding binds nothing; another may.
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "OpenPgpCertificate[" + description + "]";
    }
}
