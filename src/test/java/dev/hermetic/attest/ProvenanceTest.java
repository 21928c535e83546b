package dev.hermetic.attest;

import static dev.hermetic.attest.ProvenanceFixtures.COMMIT;
import static dev.hermetic.attest.ProvenanceFixtures.COMMONS_LANG;
import static dev.hermetic.attest.ProvenanceFixtures.COMMONS_LANG_SHA256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.lock.ArtifactCoordinates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path dir;

    private Provenance sample() throws Exception {
        String lockfileSha256 = HexDigests.digest(
                ProvenanceFixtures.lockfileText().getBytes(StandardCharsets.UTF_8), DigestAlgorithm.SHA_256);
        return ProvenanceFixtures.provenance(ProvenanceFixtures.outputs(dir), lockfileSha256);
    }

    @Test
    void writesTheGoldenStatement() throws Exception {
        assertThat(new String(sample().statementBytes(), StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(ProvenanceFixtures.resource("statement.json")).strip());
    }

    @Test
    void subjectsAndDependenciesInAnyOrderGiveTheSameBytes() throws Exception {
        Provenance sample = sample();
        Random random = new Random(16);
        for (int round = 0; round < 5; round++) {
            List<ResourceDescriptor> subjects = new ArrayList<>(sample.subjects());
            List<ResourceDescriptor> dependencies = new ArrayList<>(sample.resolvedDependencies());
            Collections.shuffle(subjects, random);
            Collections.shuffle(dependencies, random);
            dependencies.add(dependencies.get(0));

            Provenance shuffled = new Provenance(subjects, sample.externalParameters(), sample.internalParameters(),
                    dependencies, sample.builderId(), sample.metadata());

            assertThat(shuffled.statementBytes()).isEqualTo(sample.statementBytes());
        }
    }

    @Test
    void secretLookingPropertiesAreNamedButTheirValuesNeverWritten() throws Exception {
        String statement = new String(sample().statementBytes(), StandardCharsets.UTF_8);

        assertThat(statement).doesNotContain("hunter2").doesNotContain("ABCD").doesNotContain("s3cret");
        assertThat(statement).contains("\"withheldProperties\":[\"gpg.keyname\",\"my.password\"]");
        assertThat(statement).contains("\"userProperties\":{\"skipTests\":\"true\"}");
    }

    @Test
    void theDenyListMatchesAnyCase() {
        assertThat(List.of("MY_PASSWORD", "gpg.passphrase", "github.Token", "aws.secretAccessKey", "keystore",
                "hermetic.sign.keyFile")).allMatch(ExternalParameters::isSecretName);
        assertThat(List.of("skipTests", "maven.test.skip", "revision")).noneMatch(ExternalParameters::isSecretName);
        assertThatThrownBy(() -> new ExternalParameters(List.of(), new java.util.TreeSet<>(),
                new java.util.TreeMap<>(Map.of("db.password", "x")), new java.util.TreeSet<>(), new java.util.TreeSet<>(),
                Optional.empty()))
                .hasMessageContaining("db.password");
    }

    @Test
    void theSourceUriLosesItsCredentials() {
        assertThat(ResourceDescriptor.gitCommit("https://user:tok@example.com:8443/r.git", COMMIT).uri())
                .isEqualTo("git+https://example.com:8443/r.git");
        assertThat(ResourceDescriptor.gitCommit("git+ssh://git@example.com/r.git", COMMIT).uri())
                .isEqualTo("git+ssh://example.com/r.git");
        assertThat(ResourceDescriptor.gitCommit("git@example.com:o/r.git", COMMIT).uri())
                .isEqualTo("git+git@example.com:o/r.git");
        assertThat(ResourceDescriptor.gitCommit(null, COMMIT).name()).isEqualTo("source");
        assertThatThrownBy(() -> ResourceDescriptor.gitCommit("https://example.com/r.git", "abc123"))
                .hasMessageContaining("'abc123' is not a git commit");
    }

    @Test
    void mavenArtifactsArePackageUrls() {
        assertThat(MavenPurl.of(COMMONS_LANG)).isEqualTo("pkg:maven/org.apache.commons/commons-lang3@3.17.0");
        assertThat(MavenPurl.of(new ArtifactCoordinates("g", "a", "1.0+build", "pom", "")))
                .isEqualTo("pkg:maven/g/a@1.0%2Bbuild?type=pom");
        assertThat(MavenPurl.of(new ArtifactCoordinates("g", "a", "1", "jar", "tests")))
                .isEqualTo("pkg:maven/g/a@1?classifier=tests");
        assertThat(MavenPurl.of(new ArtifactCoordinates("g", "a", "1", "zip", "bin")))
                .isEqualTo("pkg:maven/g/a@1?classifier=bin&type=zip");
    }

    @Test
    void runMetadataIsWrittenOnlyWhenAskedFor() throws Exception {
        Provenance sample = sample();
        assertThat(new String(sample.statementBytes(), StandardCharsets.UTF_8)).doesNotContain("metadata");

        Provenance withRun = new Provenance(sample.subjects(), sample.externalParameters(),
                sample.internalParameters(), sample.resolvedDependencies(), "https://ci.example.com/runs/42",
                new RunMetadata(Optional.of("run-42"), Optional.of(Instant.parse("2026-12-06T09:00:00.123Z")),
                        Optional.of(Instant.parse("2026-12-06T09:05:00Z"))));

        assertThat(new String(withRun.statementBytes(), StandardCharsets.UTF_8)).contains(
                "\"runDetails\":{\"builder\":{\"id\":\"https://ci.example.com/runs/42\"},\"metadata\":{"
                        + "\"finishedOn\":\"2026-12-06T09:05:00Z\",\"invocationId\":\"run-42\","
                        + "\"startedOn\":\"2026-12-06T09:00:00Z\"}}");
    }

    @Test
    void twoSubjectsOfOneNameOrOneDependencyWithTwoDigestsAreRefused() throws Exception {
        Provenance sample = sample();
        ResourceDescriptor jar = sample.subjects().get(0);
        ResourceDescriptor other = ResourceDescriptor.file(jar.name(), Map.of(DigestAlgorithm.SHA_256, "0".repeat(64)));
        assertThatThrownBy(() -> new Provenance(List.of(jar, other), sample.externalParameters(),
                sample.internalParameters(), List.of(), Provenance.DEFAULT_BUILDER_ID, RunMetadata.NONE))
                .hasMessageContaining("Two subjects are named 'demo-1.0.jar'");

        ResourceDescriptor lang = ResourceDescriptor.mavenArtifact(COMMONS_LANG,
                Map.of(DigestAlgorithm.SHA_256, COMMONS_LANG_SHA256));
        ResourceDescriptor changed = ResourceDescriptor.mavenArtifact(COMMONS_LANG,
                Map.of(DigestAlgorithm.SHA_256, "0".repeat(64)));
        assertThatThrownBy(() -> new Provenance(List.of(jar), sample.externalParameters(),
                sample.internalParameters(), List.of(lang, changed), Provenance.DEFAULT_BUILDER_ID, RunMetadata.NONE))
                .hasMessageContaining("Dependency pkg:maven/org.apache.commons/commons-lang3@3.17.0 is given twice");
    }

    @Test
    void theVerifiersReadingOfTheStatementIsWhatWasWritten() throws Exception {
        Provenance sample = sample();

        ProvenanceClaims claims = ProvenanceClaims.parse(sample.statementBytes(), "statement");

        assertThat(claims.subjects()).isEqualTo(sample.subjects());
        assertThat(claims.resolvedDependencies()).isEqualTo(sample.resolvedDependencies());
    }

    @Test
    void aStatementOfAnotherKindIsRefusedNamingTheField() {
        byte[] other = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicateType\":\"https://spdx.dev/Document\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ProvenanceClaims.parse(other, "the payload of p.jsonl"))
                .hasMessage("the payload of p.jsonl is not a SLSA provenance Statement: its predicateType is"
                        + " \"https://spdx.dev/Document\", not \"https://slsa.dev/provenance/v1\"");
    }
}
