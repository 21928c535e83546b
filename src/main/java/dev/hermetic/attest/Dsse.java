package dev.hermetic.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.io.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Dead Simple Signing Envelope (DSSE v1): the pre-authentication encoding that is signed, and the JSON envelope that
 * carries the payload and its signatures, written as one line of canonical JSON.
 */
public final class Dsse {

    /** The payload type of an in-toto Statement. */
    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private Dsse() {}

    /**
     * {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths as ASCII decimal numbers
     * of bytes (the type in UTF-8): the bytes a DSSE signature signs.
     */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * One signature of an envelope.
     *
     * @param keyid the fingerprint of the key that signed (a hint: only the signature is checked)
     * @param sig the signature's bytes: a binary OpenPGP detached signature of the PAE
     */
    public record Signature(String keyid, byte[] sig) {
        public Signature {
            Objects.requireNonNull(keyid, "keyid");
            sig = sig.clone();
        }

        @Override
        public byte[] sig() {
            return sig.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signature s && keyid.equals(s.keyid) && Arrays.equals(sig, s.sig);
        }

        @Override
        public int hashCode() {
            return 31 * keyid.hashCode() + Arrays.hashCode(sig);
        }
    }

    /** An envelope: the payload, its type, and the signatures of {@link #pae()}. */
    public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
        public Envelope {
            Objects.requireNonNull(payloadType, "payloadType");
            payload = payload.clone();
            signatures = List.copyOf(signatures);
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        /** The bytes every signature signs. */
        public byte[] pae() {
            return Dsse.pae(payloadType, payload);
        }

        /** One line of canonical JSON, ending in a newline: a {@code .intoto.jsonl} file's whole content. */
        public byte[] toJsonLine() {
            ObjectNode node = CanonicalJson.object();
            node.put("payloadType", payloadType);
            node.put("payload", Base64.getEncoder().encodeToString(payload));
            ArrayNode array = node.putArray("signatures");
            for (Signature signature : signatures) {
                array.addObject().put("keyid", signature.keyid())
                        .put("sig", Base64.getEncoder().encodeToString(signature.sig));
            }
            byte[] json = CanonicalJson.write(node);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Envelope e && payloadType.equals(e.payloadType) && Arrays.equals(payload, e.payload)
                    && signatures.equals(e.signatures);
        }

        @Override
        public int hashCode() {
            return (31 * payloadType.hashCode() + Arrays.hashCode(payload)) * 31 + signatures.hashCode();
        }
    }

    /**
     * Reads an envelope: a JSON object, alone or as the only line of a JSON Lines file. Base64 in the standard or the
     * URL-safe alphabet, as the DSSE specification asks readers to accept.
     *
     * @param what the source, for messages ("provenance file x.intoto.jsonl")
     * @throws ProvenanceFormatException naming the source and the field
     */
    public static Envelope parse(byte[] json, String what) throws ProvenanceFormatException {
        JsonNode root;
        try {
            root = CanonicalJson.read(json, what);
        } catch (IOException e) {
            throw new ProvenanceFormatException(e.getMessage() + "; a provenance file holds one DSSE envelope, one"
                    + " JSON object on one line");
        }
        if (!root.isObject()) {
            throw new ProvenanceFormatException(what + " is not a DSSE envelope: it holds no JSON object");
        }
        String payloadType = text(root, "payloadType", what);
        byte[] payload = base64(text(root, "payload", what), "payload", what);
        JsonNode array = root.path("signatures");
        if (!array.isArray()) {
            throw new ProvenanceFormatException(what + " is not a DSSE envelope: it has no signatures array");
        }
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode signature = array.get(i);
            String where = "signatures[" + i + "]";
            JsonNode keyid = signature.path("keyid");
            signatures.add(new Signature(keyid.isTextual() ? keyid.textValue() : "",
                    base64(text(signature, "sig", what + " " + where), where + ".sig", what)));
        }
        return new Envelope(payloadType, payload, signatures);
    }

    private static String text(JsonNode node, String field, String what) throws ProvenanceFormatException {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new ProvenanceFormatException(what + " is not a DSSE envelope: its " + field + " is "
                    + (value.isMissingNode() ? "missing" : "not a string"));
        }
        return value.textValue();
    }

    private static byte[] base64(String text, String field, String what) throws ProvenanceFormatException {
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ProvenanceFormatException(what + ": " + field + " is not base64 (" + e.getMessage() + ")");
        }
    }
}
