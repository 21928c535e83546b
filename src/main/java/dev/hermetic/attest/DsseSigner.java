package dev.hermetic.attest;

import dev.hermetic.sign.OpenPgpSigner;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningKey;
import java.util.List;

/**
 * Signs a payload into a DSSE envelope with the release key: {@code sig} is the binary OpenPGP detached signature
 * of the PAE made by {@link OpenPgpSigner} (the signer {@code hermetic:sign} uses), {@code keyid} the fingerprint of
 * the (sub)key that signs. With a fixed signature time and an RSA or Ed25519 v4 key, as {@code hermetic:sign} makes
 * reproducible signatures, the same payload gives the same envelope.
 */
public final class DsseSigner {

    private DsseSigner() {}

    /** @param what the payload, for messages ("the provenance of demo-1.0") */
    public static Dsse.Envelope sign(String payloadType, byte[] payload, SigningKey key, String what)
            throws SigningException {
        byte[] signature = new OpenPgpSigner(key).binarySignature(Dsse.pae(payloadType, payload), what);
        return new Dsse.Envelope(payloadType, payload, List.of(new Dsse.Signature(key.fingerprint().hex(), signature)));
    }

    /** The envelope of a provenance Statement. */
    public static Dsse.Envelope sign(Provenance provenance, SigningKey key, String what) throws SigningException {
        return sign(Dsse.IN_TOTO_PAYLOAD_TYPE, provenance.statementBytes(), key, what);
    }
}
