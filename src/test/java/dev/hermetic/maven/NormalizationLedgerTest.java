package dev.hermetic.maven;

import static dev.hermetic.maven.ModuleFixture.EPOCH;
import static dev.hermetic.maven.ModuleFixture.artifact;
import static dev.hermetic.maven.ModuleFixture.entryTimes;
import static dev.hermetic.maven.ModuleFixture.overwriteInPlace;
import static dev.hermetic.maven.ModuleFixture.project;
import static dev.hermetic.maven.ModuleFixture.settings;
import static dev.hermetic.maven.ModuleFixture.withEntryTimes;
import static dev.hermetic.maven.ModuleFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.RecordEquality;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.archive.NormalizationResult;
import dev.hermetic.archive.NormalizationResult.Outcome;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizationLedgerTest {

    @TempDir
    Path dir;

    @Test
    void aFileNormalizedBeforeAndUntouchedSinceIsNotNormalizedAgain() throws Exception {
        MavenProject project = project(dir);
        Path jar = zip(dir, "app.jar");
        NormalizationResult first = normalizeMainJar(project, jar);
        assertThat(first.outcome()).isEqualTo(Outcome.NORMALIZED);

        List<String> lines = new ArrayList<>();
        NormalizationResult second = NormalizationLedger.run(project, List.of(jar), settings(EPOCH), lines::add, lines::add)
                .get(0);

        // The record's detail, not the normalizer's ("zip already normalized"): the normalizer did not run.
        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(lines).singleElement().asString()
                .contains("UNCHANGED", "app.jar", "sha256:" + first.sha256(), "not rewritten since it was normalized");
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeAndModificationTimeIsNormalizedAgain() throws Exception {
        MavenProject project = project(dir);
        Path jar = zip(dir, "app.jar");
        NormalizationResult first = normalizeMainJar(project, jar);

        // A plugin rewrites the jar in place within the same tick of the clock: its own entry times, the same
        // size, the same modification time and file key. Only the bytes tell.
        BasicFileAttributes normalized = Files.readAttributes(jar, BasicFileAttributes.class);
        overwriteInPlace(jar, withEntryTimes(Files.readAllBytes(jar), LocalDateTime.of(2031, 7, 1, 12, 0)));
        BasicFileAttributes rewritten = Files.readAttributes(jar, BasicFileAttributes.class);
        assertThat(rewritten.size()).isEqualTo(normalized.size());
        assertThat(rewritten.lastModifiedTime()).isEqualTo(normalized.lastModifiedTime());
        assertThat(rewritten.fileKey()).isEqualTo(normalized.fileKey());
        assertThat(entryTimes(jar)).doesNotContain(EPOCH);
        List<String> lines = new ArrayList<>();
        NormalizationResult second = NormalizationLedger.run(project, List.of(jar), settings(EPOCH), lines::add, lines::add)
                .get(0);

        assertThat(second.outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(entryTimes(jar)).containsOnly(EPOCH);
        assertThat(second.sha256()).isEqualTo(first.sha256()).isEqualTo(sha256(jar));
        assertThat(lines).singleElement().asString().contains("NORMALIZED", "sha256:" + sha256(jar));
    }

    @Test
    void aFileRewrittenSinceItWasNormalizedIsNormalizedAgain() throws Exception {
        MavenProject project = project(dir);
        Path jar = zip(dir, "app.jar");
        normalizeMainJar(project, jar);

        zip(dir, "app.jar"); // a later plugin writes the jar again, careless times and all
        Files.setLastModifiedTime(jar, FileTime.fromMillis(123_000));
        NormalizationResult again = NormalizationLedger.run(project, settings(EPOCH), new SystemStreamLog()).get(0);

        assertThat(again.outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(entryTimes(jar)).containsOnly(EPOCH);
    }

    @Test
    void otherSettingsNormalizeAgainEvenAnUntouchedFile() throws Exception {
        MavenProject project = project(dir);
        Path jar = zip(dir, "app.jar");
        normalizeMainJar(project, jar);

        long later = EPOCH + 86_400;
        NormalizationResult again = NormalizationLedger.run(project, settings(later), new SystemStreamLog()).get(0);

        assertThat(again.outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(entryTimes(jar)).containsOnly(later);
    }

    private static String sha256(Path file) throws Exception {
        return HexDigests.digest(file, DigestAlgorithm.SHA_256);
    }

    /** Settings writes its equals and hashCode out (see the comment there): each must read every component. */
    @Test
    void settingsEqualityReadsEveryComponent() throws Exception {
        NormalizationLedger.Settings base = new NormalizationLedger.Settings(NormalizationOptions.defaults(EPOCH),
                Set.of("sources"));
        // A value unlike base's for each component; a component added later fails here until it is listed.
        Map<String, Object> other = Map.of(
                "options", NormalizationOptions.defaults(EPOCH + 1),
                "excludedClassifiers", Set.of("javadoc"));
        RecordEquality.assertEveryComponentTakesPart(base, other);
    }

    /** What hermetic:normalize does to a module whose main artifact is {@code jar}. */
    private static NormalizationResult normalizeMainJar(MavenProject project, Path jar) throws Exception {
        project.setArtifact(artifact("jar", null, jar.toFile()));
        return NormalizationLedger.run(project, settings(EPOCH), new SystemStreamLog()).get(0);
    }
}
