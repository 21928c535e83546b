package dev.hermetic.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DsseTest {

    @Test
    void paeIsTheSpecificationsTestVector() {
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(pae, StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void paeLengthsCountBytesNotCharacters() {
        byte[] payload = "é".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(Dsse.pae("t/ü", payload), StandardCharsets.UTF_8)).isEqualTo("DSSEv1 4 t/ü 2 é");
        assertThat(new String(Dsse.pae("t", new byte[0]), StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 0 ");
    }

    @Test
    void anEnvelopeIsOneLineOfCanonicalJsonAndReadsBack() throws Exception {
        Dsse.Envelope envelope = new Dsse.Envelope(Dsse.IN_TOTO_PAYLOAD_TYPE,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), List.of(new Dsse.Signature("ABCD", new byte[] {1, 2, -1})));

        byte[] line = envelope.toJsonLine();

        assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo("{\"payload\":\"eyJhIjoxfQ==\","
                + "\"payloadType\":\"application/vnd.in-toto+json\",\"signatures\":[{\"keyid\":\"ABCD\",\"sig\":\"AQL/\"}]}\n");
        assertThat(Dsse.parse(line, "test envelope")).isEqualTo(envelope);
    }

    @Test
    void readsUrlSafeBase64AsTheSpecificationAsks() throws Exception {
        byte[] json = ("{\"payload\":\"eyJhIjoxfQ\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AQL_\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        Dsse.Envelope envelope = Dsse.parse(json, "x");

        assertThat(envelope.payload()).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.signatures().get(0).sig()).containsExactly(1, 2, -1);
        assertThat(envelope.signatures().get(0).keyid()).isEmpty();
    }

    @Test
    void aMalformedEnvelopeIsAnErrorNamingTheFileAndField() {
        assertThatThrownBy(() -> Dsse.parse("not json".getBytes(StandardCharsets.UTF_8), "provenance file p.jsonl"))
                .isInstanceOf(ProvenanceFormatException.class)
                .hasMessageContaining("provenance file p.jsonl is not valid JSON");
        assertThatThrownBy(() -> Dsse.parse("{\"payloadType\":\"t\",\"signatures\":[]}".getBytes(StandardCharsets.UTF_8),
                "provenance file p.jsonl"))
                .hasMessage("provenance file p.jsonl is not a DSSE envelope: its payload is missing");
        assertThatThrownBy(() -> Dsse.parse("{\"payload\":\"%%\",\"payloadType\":\"t\",\"signatures\":[]}"
                .getBytes(StandardCharsets.UTF_8), "provenance file p.jsonl"))
                .hasMessageStartingWith("provenance file p.jsonl: payload is not base64");
        assertThatThrownBy(() -> Dsse.parse("{\"payload\":\"\",\"payloadType\":\"t\"}".getBytes(StandardCharsets.UTF_8),
                "provenance file p.jsonl"))
                .hasMessage("provenance file p.jsonl is not a DSSE envelope: it has no signatures array");
    }
}
