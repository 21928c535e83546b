package dev.hermetic.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.sign.OpenPgpCertificate;
import dev.hermetic.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelopes signed with the fixed Ed25519 test key at a fixed time, as hermetic:sign signs reproducibly. */
class DsseSignerTest {

    @TempDir
    Path dir;

    private Provenance sample() throws Exception {
        return ProvenanceFixtures.provenance(ProvenanceFixtures.outputs(dir), HexDigests.digest(
                ProvenanceFixtures.lockfileText().getBytes(StandardCharsets.UTF_8), DigestAlgorithm.SHA_256));
    }

    @Test
    void writesTheGoldenEnvelope() throws Exception {
        Dsse.Envelope envelope = DsseSigner.sign(sample(), ProvenanceFixtures.releaseKey(), "the provenance of demo");

        assertThat(envelope.toJsonLine()).isEqualTo(
                Files.readAllBytes(ProvenanceFixtures.resource("envelope.intoto.jsonl")));
    }

    @Test
    void theSameStatementSignedAgainGivesTheSameBytes() throws Exception {
        SigningKey key = ProvenanceFixtures.releaseKey();
        Provenance provenance = sample();

        byte[] first = DsseSigner.sign(provenance, key, "first").toJsonLine();
        byte[] second = DsseSigner.sign(provenance, ProvenanceFixtures.releaseKey(), "second").toJsonLine();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSignatureIsABinaryOpenPgpSignatureOfThePaeByTheNamedKey() throws Exception {
        Provenance provenance = sample();
        Dsse.Envelope envelope = DsseSigner.sign(provenance, ProvenanceFixtures.releaseKey(), "the provenance");
        OpenPgpCertificate keys = OpenPgpCertificate.read(
                Files.readAllBytes(ProvenanceFixtures.resource("release-public.asc")), "release key");

        Dsse.Signature signature = envelope.signatures().get(0);
        assertThat(signature.keyid()).isEqualTo(ProvenanceFixtures.RELEASE_FINGERPRINT);
        assertThat(signature.sig()[0] & 0x80).as("a binary packet, not armor").isEqualTo(0x80);
        assertThat(envelope.payload()).isEqualTo(provenance.statementBytes());
        OpenPgpCertificate.Verdict verdict = keys.verify(
                Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, provenance.statementBytes()), signature.sig());
        assertThat(verdict.valid()).as(verdict.problem()).isTrue();
        assertThat(verdict.signer()).isEqualTo(ProvenanceFixtures.RELEASE_FINGERPRINT);
        assertThat(keys.verify(provenance.statementBytes(), signature.sig()).valid())
                .as("the signature covers the PAE, not the bare payload").isFalse();
    }
}
