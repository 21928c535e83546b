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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LateAttachmentNormalizerTest {

    @TempDir
    Path dir;

    @Test
    void doesNothingInAModuleWhereNormalizeHasNotRun() throws Exception {
        MavenProject project = project(dir);
        Path late = zip(dir, "late.jar");
        project.addAttachedArtifact(artifact("jar", "late", late.toFile()));
        byte[] before = Files.readAllBytes(late);

        // Without settings on the project the listener returns before looking at any file.
        new LateAttachmentNormalizer().afterMojoExecutionSuccess(
                new org.apache.maven.execution.MojoExecutionEvent(null, project, execution("maven-source-plugin"),
                        null));

        assertThat(Files.readAllBytes(late)).isEqualTo(before);
        assertThat(project.getContextValue(NormalizationLedger.KNOWN_KEY)).isNull();
    }

    @Test
    void normalizesWhatAnotherMojoAttachedAfterNormalizeAndOnlyThat() throws Exception {
        MavenProject project = project(dir);
        Path main = zip(dir, "app.jar");
        byte[] mainBefore = Files.readAllBytes(main);
        NormalizationLedger.Settings settings = seenAfterNormalize(project, main);
        // Right after one of our own goals: everything is remembered as it is, nothing is rewritten.
        assertThat(Files.readAllBytes(main)).isEqualTo(mainBefore);

        Path late = zip(dir, "app-sources.jar");
        project.addAttachedArtifact(artifact("jar", "sources", late.toFile()));
        LateAttachmentNormalizer.normalizeChanged(project, settings, execution("maven-source-plugin"));

        assertThat(entryTimes(late)).containsOnly(EPOCH);
        // The main jar was unchanged since it was seen: not rewritten (a rewrite would also normalize it).
        assertThat(Files.readAllBytes(main)).isEqualTo(mainBefore);
        assertThat(entryTimes(main)).doesNotContain(EPOCH);
    }

    @Test
    void normalizesAFileAnotherMojoRewroteInPlace() throws Exception {
        MavenProject project = project(dir);
        Path main = zip(dir, "app.jar");
        NormalizationLedger.Settings settings = seenAfterNormalize(project, main);

        // maven-shade-plugin style: the main artifact replaced by another file at the same path.
        byte[] shaded = withEntryTimes(Files.readAllBytes(main), LocalDateTime.of(2031, 7, 1, 12, 0));
        Files.delete(main);
        Files.write(main, shaded);
        LateAttachmentNormalizer.normalizeChanged(project, settings, execution("maven-shade-plugin"));

        assertThat(entryTimes(main)).containsOnly(EPOCH);
    }

    @Test
    void noticesAnArchiveRewrittenInPlaceWithTheSameSizeAndModificationTime() throws Exception {
        MavenProject project = project(dir);
        Path main = zip(dir, "app.jar");
        NormalizationLedger.Settings settings = settings(EPOCH);
        NormalizationLedger.remember(project, settings);
        project.setArtifact(artifact("jar", null, main.toFile()));
        NormalizationLedger.run(project, settings, new SystemStreamLog());
        LateAttachmentNormalizer.normalizeChanged(project, settings, null);
        assertThat(entryTimes(main)).containsOnly(EPOCH);

        // The same entries with another plugin's clock, written in place, the modification time put back: the
        // size, modification time and file key are those seen; only the bytes differ.
        overwriteInPlace(main, withEntryTimes(Files.readAllBytes(main), LocalDateTime.of(2031, 7, 1, 12, 0)));
        LateAttachmentNormalizer.normalizeChanged(project, settings, execution("maven-jar-plugin"));

        assertThat(entryTimes(main)).containsOnly(EPOCH);
    }

    @Test
    void aBrokenLateArchiveFailsWithTheNormalizersMessage() throws Exception {
        MavenProject project = project(dir);
        NormalizationLedger.Settings settings = settings(EPOCH);
        NormalizationLedger.remember(project, settings);
        LateAttachmentNormalizer.normalizeChanged(project, settings, null);

        Path broken = dir.resolve("app-dist.zip");
        byte[] good = Files.readAllBytes(zip(dir, "tmp.zip"));
        Files.write(broken, java.util.Arrays.copyOf(good, good.length - 10));
        project.addAttachedArtifact(artifact("zip", "dist", broken.toFile()));

        assertThatThrownBy(() -> LateAttachmentNormalizer.normalizeChanged(project, settings,
                execution("maven-assembly-plugin")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("app-dist.zip")
                .hasMessageContaining("Fix the plugin that produced app-dist.zip");
    }

    /** The state right after hermetic:normalize ran with {@code main} as the main artifact. */
    private static NormalizationLedger.Settings seenAfterNormalize(MavenProject project, Path main) throws Exception {
        project.setArtifact(artifact("jar", null, main.toFile()));
        NormalizationLedger.Settings settings = settings(EPOCH);
        NormalizationLedger.remember(project, settings);
        LateAttachmentNormalizer.normalizeChanged(project, settings, null);
        return settings;
    }

    private static MojoExecution execution(String artifactId) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId(artifactId);
        plugin.setVersion("1.0");
        return new MojoExecution(plugin, "jar", "late");
    }
}
