package dev.hermetic.attest;

import static dev.hermetic.attest.ProvenanceFixtures.COMMONS_LANG_SHA256;
import static dev.hermetic.attest.ProvenanceFixtures.RELEASE_FINGERPRINT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.sign.OpenPgpCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceVerifierTest {

    @TempDir
    Path dir;

    private List<Path> outputs;
    private Path lockfile;
    private Dsse.Envelope envelope;

    @BeforeEach
    void build() throws Exception {
        outputs = ProvenanceFixtures.outputs(dir);
        lockfile = Files.writeString(dir.resolve("hermetic.lock"), ProvenanceFixtures.lockfileText());
        Provenance provenance = ProvenanceFixtures.provenance(outputs,
                HexDigests.digest(lockfile, DigestAlgorithm.SHA_256));
        envelope = DsseSigner.sign(provenance, ProvenanceFixtures.releaseKey(), "the provenance");
    }

    private static ProvenanceVerifier verifier(String publicKey) throws Exception {
        return new ProvenanceVerifier(OpenPgpCertificate.read(
                Files.readAllBytes(ProvenanceFixtures.resource(publicKey)), "public key file " + publicKey));
    }

    private ProvenanceVerifier.Result verify(Dsse.Envelope envelope, Path lockfile) throws Exception {
        return verifier("release-public.asc").verify(envelope, "demo-1.0.intoto.jsonl", outputs, lockfile);
    }

    @Test
    void theBuildsOwnOutputsKeyAndLockfilePass() throws Exception {
        ProvenanceVerifier.Result result = verify(envelope, lockfile);

        assertThat(result.failures()).isEmpty();
        assertThat(result.signer()).isEqualTo(RELEASE_FINGERPRINT);
        assertThat(result.checked()).containsExactly(
                "signature of demo-1.0.intoto.jsonl by key " + RELEASE_FINGERPRINT,
                "artifact " + outputs.get(0) + " matches subject 'demo-1.0.jar'",
                "artifact " + outputs.get(1) + " matches subject 'demo-1.0.pom'",
                "2 Maven dependencies match " + lockfile);
    }

    @Test
    void aTamperedArtifactFailsNamingTheSubjectAndBothDigests() throws Exception {
        String claimed = HexDigests.digest(outputs.get(0), DigestAlgorithm.SHA_256);
        Files.writeString(outputs.get(0), "PK tampered");
        String actual = HexDigests.digest(outputs.get(0), DigestAlgorithm.SHA_256);

        ProvenanceVerifier.Result result = verify(envelope, null);

        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).hasSize(2).first().isEqualTo("artifact " + outputs.get(0) + ": its sha256 is "
                + actual + ", but subject 'demo-1.0.jar' says " + claimed);
        assertThat(result.failures().get(1)).startsWith("artifact " + outputs.get(0) + ": its sha512 is ");
    }

    @Test
    void anArtifactThatNoSubjectNamesFailsAndSaysWhichSubjectHasItsBytes() throws Exception {
        Path renamed = Files.copy(outputs.get(0), dir.resolve("demo.jar"));

        ProvenanceVerifier.Result result = verifier("release-public.asc")
                .verify(envelope, "p.jsonl", List.of(renamed), null);

        assertThat(result.failures()).containsExactly("artifact " + renamed + ": no subject is named 'demo.jar'"
                + " (subjects: [demo-1.0.jar, demo-1.0.pom]); its bytes are those of subject 'demo-1.0.jar'");
    }

    @Test
    void anotherKeyFailsNamingTheKeyThatSigned() throws Exception {
        ProvenanceVerifier.Result result = verifier("other-public.asc")
                .verify(envelope, "demo-1.0.intoto.jsonl", outputs, lockfile);

        assertThat(result.signer()).isEmpty();
        assertThat(result.checked()).isEmpty();
        assertThat(result.failures()).containsExactly("demo-1.0.intoto.jsonl: signature 1 (keyid " + RELEASE_FINGERPRINT
                + ") does not verify: it was made by key " + RELEASE_FINGERPRINT + ", which is not in the public key"
                + " file other-public.asc (it holds [E801AC622D12D7DD4DD67594CC1DC823CE644A4E])");
    }

    @Test
    void aChangedPayloadFailsTheSignatureAndNothingInItIsChecked() throws Exception {
        String statement = new String(envelope.payload(), StandardCharsets.UTF_8);
        byte[] forged = statement.replace(HexDigests.digest(outputs.get(0), DigestAlgorithm.SHA_256), "0".repeat(64))
                .getBytes(StandardCharsets.UTF_8);
        Dsse.Envelope tampered = new Dsse.Envelope(envelope.payloadType(), forged, envelope.signatures());

        ProvenanceVerifier.Result result = verify(tampered, lockfile);

        assertThat(result.failures()).containsExactly("demo-1.0.intoto.jsonl: signature 1 (keyid "
                + RELEASE_FINGERPRINT + ") does not verify: the signature of key " + RELEASE_FINGERPRINT
                + " does not match the signed bytes: they were changed after signing, or the signature belongs to"
                + " other bytes");
        assertThat(result.checked()).isEmpty();
    }

    @Test
    void aLockfileWithAnotherDigestFailsNamingTheDependencyAndBothDigests() throws Exception {
        String other = "f".repeat(64);
        Files.writeString(lockfile, ProvenanceFixtures.lockfileText().replace(COMMONS_LANG_SHA256, other));

        ProvenanceVerifier.Result result = verify(envelope, lockfile);

        assertThat(result.failures()).hasSize(2);
        assertThat(result.failures().get(0)).startsWith("the build used lockfile 'hermetic.lock' with sha256 ")
                .endsWith(": check out the lockfile of the commit that was built");
        assertThat(result.failures().get(1)).isEqualTo("dependency pkg:maven/org.apache.commons/commons-lang3@3.17.0:"
                + " the provenance says sha256 " + COMMONS_LANG_SHA256 + ", " + lockfile + " says " + other);
    }

    @Test
    void aDependencyMissingFromTheLockfileFails() throws Exception {
        Files.writeString(lockfile, ProvenanceFixtures.lockfileText().lines()
                .filter(line -> !line.startsWith("com.google.guava")).map(line -> line + "\n")
                .reduce("", String::concat));

        ProvenanceVerifier.Result result = verify(envelope, lockfile);

        assertThat(result.failures()).contains("dependency pkg:maven/com.google.guava/guava@33.4.0-jre?type=pom is"
                + " not in " + lockfile);
    }

    @Test
    void anEnvelopeOfAnotherPayloadTypeFails() throws Exception {
        Dsse.Envelope other = new Dsse.Envelope("text/plain", envelope.payload(), envelope.signatures());

        assertThat(verify(other, null).failures()).containsExactly("demo-1.0.intoto.jsonl: payloadType is"
                + " 'text/plain', not 'application/vnd.in-toto+json': this is not an in-toto attestation");
    }
}
