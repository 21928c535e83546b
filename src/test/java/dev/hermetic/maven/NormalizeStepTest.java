package dev.hermetic.maven;

import static dev.hermetic.maven.ModuleFixture.EPOCH;
import static dev.hermetic.maven.ModuleFixture.artifact;
import static dev.hermetic.maven.ModuleFixture.entryTimes;
import static dev.hermetic.maven.ModuleFixture.project;
import static dev.hermetic.maven.ModuleFixture.settings;
import static dev.hermetic.maven.ModuleFixture.zip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.NormalizationResult;
import dev.hermetic.archive.NormalizationResult.Outcome;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeStepTest {

    @TempDir
    Path dir;

    @Test
    void aFileNormalizedBeforeAndUntouchedSinceIsNotReadAgain() throws Exception {
        MavenProject project = project(dir);
        Path jar = zip(dir, "app.jar");
        NormalizationResult first = normalizeMainJar(project, jar);
        assertThat(first.outcome()).isEqualTo(Outcome.NORMALIZED);

        // Same size, same modification time, same file: garbage written in place is not noticed, which shows
        // the second pass trusts the record and does not read the file (reading would refuse the garbage).
        FileTime normalizedAt = Files.getLastModifiedTime(jar);
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'X', 'X', 'X', 'X'}), 0);
        }
        Files.setLastModifiedTime(jar, normalizedAt);
        List<String> lines = new ArrayList<>();
        NormalizationResult second = NormalizeStep.run(project, List.of(jar), settings(EPOCH), lines::add, lines::add)
                .get(0);

        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(lines).singleElement().asString()
                .contains("UNCHANGED", "app.jar", "sha256:" + first.sha256(), "not rewritten since it was normalized");
    }

    @Test
    void aFileRewrittenSinceItWasNormalizedIsNormalizedAgain() throws Exception {
        MavenProject project = project(dir);
        Path jar = zip(dir, "app.jar");
        normalizeMainJar(project, jar);

        zip(dir, "app.jar"); // a later plugin writes the jar again, careless times and all
        Files.setLastModifiedTime(jar, FileTime.fromMillis(123_000));
        NormalizationResult again = NormalizeStep.run(project, settings(EPOCH), new SystemStreamLog()).get(0);

        assertThat(again.outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(entryTimes(jar)).containsOnly(EPOCH);
    }

    @Test
    void otherSettingsNormalizeAgainEvenAnUntouchedFile() throws Exception {
        MavenProject project = project(dir);
        Path jar = zip(dir, "app.jar");
        normalizeMainJar(project, jar);

        long later = EPOCH + 86_400;
        NormalizationResult again = NormalizeStep.run(project, settings(later), new SystemStreamLog()).get(0);

        assertThat(again.outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(entryTimes(jar)).containsOnly(later);
    }

    /** What hermetic:normalize does to a module whose main artifact is {@code jar}. */
    private static NormalizationResult normalizeMainJar(MavenProject project, Path jar) throws Exception {
        project.setArtifact(artifact("jar", null, jar.toFile()));
        return NormalizeStep.run(project, settings(EPOCH), new SystemStreamLog()).get(0);
    }
}
