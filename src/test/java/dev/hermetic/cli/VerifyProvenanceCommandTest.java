package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.attest.ProvenanceFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar ... verify-provenance} on the golden envelope, signed with the fixed test key. */
class VerifyProvenanceCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private List<Path> artifacts;
    private Path lockfile;
    private Path provenance;
    private Path releaseKey;

    @BeforeEach
    void release() throws Exception {
        artifacts = ProvenanceFixtures.outputs(dir);
        lockfile = Files.writeString(dir.resolve("hermetic.lock"), ProvenanceFixtures.lockfileText());
        provenance = Files.copy(ProvenanceFixtures.resource("envelope.intoto.jsonl"), dir.resolve("demo-1.0.intoto.jsonl"));
        releaseKey = Files.copy(ProvenanceFixtures.resource("release-public.asc"), dir.resolve("release.asc"));
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("verify-provenance"));
        all.addAll(List.of(args));
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int verify(Path key) {
        return run("--key", key.toString(), "--provenance", provenance.toString(), "--lockfile", lockfile.toString(),
                artifacts.get(0).toString(), artifacts.get(1).toString());
    }

    @Test
    void theReleaseVerifies() {
        assertThat(verify(releaseKey)).as(err()).isZero();

        assertThat(out()).contains("OK: signature of " + provenance + " by key " + ProvenanceFixtures.RELEASE_FINGERPRINT,
                "OK: artifact " + artifacts.get(0) + " matches subject 'demo-1.0.jar'",
                "OK: 2 Maven dependencies match " + lockfile, "verify-provenance: verified " + provenance);
        assertThat(err()).isEmpty();
    }

    @Test
    void aTamperedArtifactFailsWithStatusOne() throws Exception {
        Files.writeString(artifacts.get(1), "<project>changed</project>\n");

        assertThat(verify(releaseKey)).isEqualTo(1);

        assertThat(err()).contains("FAILED: artifact " + artifacts.get(1) + ": its sha256 is ")
                .contains("but subject 'demo-1.0.pom' says ")
                .contains("verify-provenance: 2 check(s) failed; do not use these artifacts");
        assertThat(out()).contains("OK: artifact " + artifacts.get(0)).doesNotContain("verified");
    }

    @Test
    void anotherKeyFailsWithStatusOne() throws Exception {
        Path other = Files.copy(ProvenanceFixtures.resource("other-public.asc"), dir.resolve("other.asc"));

        assertThat(verify(other)).isEqualTo(1);

        assertThat(err()).contains("FAILED: " + provenance + ": signature 1 (keyid "
                + ProvenanceFixtures.RELEASE_FINGERPRINT + ") does not verify: it was made by key "
                + ProvenanceFixtures.RELEASE_FINGERPRINT + ", which is not in the public key file " + other);
    }

    @Test
    void aLockfileThatDiffersFailsWithStatusOne() throws Exception {
        Files.writeString(lockfile, ProvenanceFixtures.lockfileText()
                .replace(ProvenanceFixtures.GUAVA_POM_SHA256, "e".repeat(64)));

        assertThat(verify(releaseKey)).isEqualTo(1);

        assertThat(err()).contains("FAILED: dependency pkg:maven/com.google.guava/guava@33.4.0-jre?type=pom: the"
                + " provenance says sha256 " + ProvenanceFixtures.GUAVA_POM_SHA256 + ", " + lockfile + " says "
                + "e".repeat(64));
    }

    @Test
    void missingOrUnreadableInputIsStatusTwo() throws Exception {
        assertThat(run("--provenance", provenance.toString(), artifacts.get(0).toString())).isEqualTo(2);
        assertThat(err()).contains("verify-provenance: --key is required", "usage:");

        err.reset();
        assertThat(run("--key", releaseKey.toString(), "--provenance", provenance.toString())).isEqualTo(2);
        assertThat(err()).contains("no ARTIFACT");

        err.reset();
        Path notAnEnvelope = Files.writeString(dir.resolve("x.intoto.jsonl"), "[]\n");
        assertThat(run("--key", releaseKey.toString(), "--provenance", notAnEnvelope.toString(),
                artifacts.get(0).toString())).isEqualTo(2);
        assertThat(err()).contains("verify-provenance: provenance file " + notAnEnvelope
                + " is not a DSSE envelope: it holds no JSON object");

        err.reset();
        assertThat(run("--key", dir.resolve("missing.asc").toString(), "--provenance", provenance.toString(),
                artifacts.get(0).toString())).isEqualTo(2);
        assertThat(err()).contains("public key file " + dir.resolve("missing.asc") + " does not exist");

        err.reset();
        assertThat(run("--key", lockfile.toString(), "--provenance", provenance.toString(),
                artifacts.get(0).toString())).isEqualTo(2);
        assertThat(err()).contains("The public key file " + lockfile + " holds no");
    }
}
