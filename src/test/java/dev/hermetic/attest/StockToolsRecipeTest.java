package dev.hermetic.attest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.sign.GpgHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer's recipe in docs/provenance.md, run as written with bash, jq, base64, the real sqv and gpg, and
 * sha256sum, on the golden envelope: what the page tells users works, and fails when it should.
 */
class StockToolsRecipeTest {

    private static final String MARKER = "<!-- stock-tools-recipe -->";

    @TempDir
    Path dir;

    private Path envelope;

    @BeforeEach
    void download() throws Exception {
        ProvenanceFixtures.outputs(dir);
        envelope = Files.copy(ProvenanceFixtures.resource("envelope.intoto.jsonl"), dir.resolve("demo-1.0.intoto.jsonl"));
        Files.copy(ProvenanceFixtures.resource("release-public.asc"), dir.resolve("release.asc"));
    }

    /** Stops any gpg-agent the recipe's throw-away GNUPGHOME started. */
    @AfterEach
    void stopAgents() throws IOException {
        try (Stream<Path> homes = Files.list(dir)) {
            homes.filter(p -> p.getFileName().toString().startsWith("tmp.")).forEach(home ->
                    GpgHome.run(new byte[0], "gpgconf", "--homedir", home.toString(), "--kill", "all"));
        }
    }

    private static String recipe() throws IOException {
        String page = Files.readString(Path.of("docs/provenance.md"));
        int marker = page.indexOf(MARKER);
        assertThat(marker).as("docs/provenance.md has the marker " + MARKER).isNotNegative();
        int start = page.indexOf("```sh\n", marker) + "```sh\n".length();
        return page.substring(start, page.indexOf("\n```", start));
    }

    private GpgHome.Result runRecipe() throws IOException {
        String script = "cd '" + dir + "'\nexport TMPDIR='" + dir + "'\n" + recipe();
        return GpgHome.run(new byte[0], "bash", "-euo", "pipefail", "-c", script);
    }

    @Test
    void theRecipeVerifiesTheReleaseWithSqvGpgAndSha256sum() throws Exception {
        GpgHome.Result result = runRecipe();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains(ProvenanceFixtures.RELEASE_FINGERPRINT, "demo-1.0.jar: OK",
                "demo-1.0.pom: OK");
        assertThat(result.stderr()).contains("Good signature from \"Hermetic test release");
        assertThat(Files.readAllBytes(dir.resolve("pae.bin")))
                .isEqualTo(Dsse.parse(Files.readAllBytes(envelope), "golden").pae());
    }

    @Test
    void anotherKeyFailsTheRecipe() throws Exception {
        Files.copy(ProvenanceFixtures.resource("other-public.asc"), dir.resolve("release.asc"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        GpgHome.Result result = runRecipe();

        assertThat(result.exitCode()).as(result.all()).isNotZero();
        assertThat(result.stdout()).doesNotContain("demo-1.0.jar: OK");
    }

    @Test
    void aChangedPayloadFailsTheRecipe() throws Exception {
        Dsse.Envelope golden = Dsse.parse(Files.readAllBytes(envelope), "golden");
        String statement = new String(golden.payload(), StandardCharsets.UTF_8).replace("demo-1.0.pom", "demo-1.1.pom");
        Files.write(envelope, new Dsse.Envelope(golden.payloadType(), statement.getBytes(StandardCharsets.UTF_8),
                golden.signatures()).toJsonLine());

        GpgHome.Result result = runRecipe();

        assertThat(result.exitCode()).as(result.all()).isNotZero();
        assertThat(dir.resolve("pae.bin")).as("the recipe got as far as the signature check").exists();
        assertThat(result.stdout()).doesNotContain(ProvenanceFixtures.RELEASE_FINGERPRINT).doesNotContain("OK");
    }

    @Test
    void aTamperedArtifactFailsTheRecipe() throws Exception {
        Files.writeString(dir.resolve("demo-1.0.jar"), "PK tampered");

        GpgHome.Result result = runRecipe();

        assertThat(result.exitCode()).as(result.all()).isNotZero();
        assertThat(result.stdout()).contains("demo-1.0.jar: FAILED", "demo-1.0.pom: OK");
        assertThat(result.stderr()).contains("Good signature");
    }
}
