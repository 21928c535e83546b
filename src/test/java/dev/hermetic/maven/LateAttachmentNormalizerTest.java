package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.archive.NormalizationOptions;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LateAttachmentNormalizerTest {

    private static final long EPOCH = 1748779200L;

    @TempDir
    Path dir;

    @Test
    void doesNothingInAModuleWhereNormalizeHasNotRun() throws Exception {
        MavenProject project = project();
        Path late = zip("late.jar");
        project.addAttachedArtifact(artifact("jar", "late", late.toFile()));
        byte[] before = Files.readAllBytes(late);

        // Without settings on the project the listener returns before looking at any file.
        new LateAttachmentNormalizer().afterMojoExecutionSuccess(
                new org.apache.maven.execution.MojoExecutionEvent(null, project, execution("maven-source-plugin"),
                        null));

        assertThat(Files.readAllBytes(late)).isEqualTo(before);
        assertThat(project.getContextValue(LateAttachmentNormalizer.SEEN_KEY)).isNull();
    }

    @Test
    void normalizesWhatAnotherMojoAttachedAfterNormalizeAndOnlyThat() throws Exception {
        MavenProject project = project();
        Path main = zip("app.jar");
        byte[] mainBefore = Files.readAllBytes(main);
        NormalizeStep.Settings settings = seenAfterNormalize(project, main);
        // Right after one of our own goals: everything is remembered as it is, nothing is rewritten.
        assertThat(Files.readAllBytes(main)).isEqualTo(mainBefore);

        Path late = zip("app-sources.jar");
        project.addAttachedArtifact(artifact("jar", "sources", late.toFile()));
        LateAttachmentNormalizer.normalizeChanged(project, settings, execution("maven-source-plugin"));

        assertThat(entryTimes(late)).containsOnly(EPOCH);
        // The main jar was unchanged since it was seen: not rewritten (a rewrite would also normalize it).
        assertThat(Files.readAllBytes(main)).isEqualTo(mainBefore);
        assertThat(entryTimes(main)).doesNotContain(EPOCH);
    }

    @Test
    void normalizesAFileAnotherMojoRewroteInPlace() throws Exception {
        MavenProject project = project();
        Path main = zip("app.jar");
        NormalizeStep.Settings settings = seenAfterNormalize(project, main);

        // maven-shade-plugin style: the main artifact replaced by another file at the same path.
        Files.delete(main);
        zip("app.jar");
        Files.setLastModifiedTime(main, FileTime.fromMillis(123_000));
        LateAttachmentNormalizer.normalizeChanged(project, settings, execution("maven-shade-plugin"));

        assertThat(entryTimes(main)).containsOnly(EPOCH);
    }

    @Test
    void aBrokenLateArchiveFailsWithTheNormalizersMessage() throws Exception {
        MavenProject project = project();
        NormalizeStep.Settings settings = settings();
        NormalizeStep.remember(project, settings);
        LateAttachmentNormalizer.normalizeChanged(project, settings, null);

        Path broken = dir.resolve("app-dist.zip");
        byte[] good = Files.readAllBytes(zip("tmp.zip"));
        Files.write(broken, java.util.Arrays.copyOf(good, good.length - 10));
        project.addAttachedArtifact(artifact("zip", "dist", broken.toFile()));

        assertThatThrownBy(() -> LateAttachmentNormalizer.normalizeChanged(project, settings,
                execution("maven-assembly-plugin")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("app-dist.zip")
                .hasMessageContaining("Fix the plugin that produced app-dist.zip");
    }

    /** The state right after hermetic:normalize ran with {@code main} as the main artifact. */
    private static NormalizeStep.Settings seenAfterNormalize(MavenProject project, Path main) throws Exception {
        project.setArtifact(artifact("jar", null, main.toFile()));
        NormalizeStep.Settings settings = settings();
        NormalizeStep.remember(project, settings);
        LateAttachmentNormalizer.normalizeChanged(project, settings, null);
        return settings;
    }

    private static NormalizeStep.Settings settings() {
        return new NormalizeStep.Settings(NormalizationOptions.defaults(EPOCH), Set.of());
    }

    private static MojoExecution execution(String artifactId) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId(artifactId);
        plugin.setVersion("1.0");
        return new MojoExecution(plugin, "jar", "late");
    }

    private MavenProject project() throws IOException {
        MavenProject project = new MavenProject();
        project.setGroupId("org.example");
        project.setArtifactId("app");
        project.setVersion("1.0");
        project.setFile(Files.writeString(dir.resolve("pom.xml"), "<project/>").toFile());
        return project;
    }

    /** A small jar as a careless plugin writes it: current time, a directory entry after the file. */
    private Path zip(String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/example/Late.java"));
            zip.write("class Late {}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static java.util.List<Long> entryTimes(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().map(e -> e.getTimeLocal().toEpochSecond(java.time.ZoneOffset.UTC)).toList();
        }
    }

    private static Artifact artifact(String type, String classifier, File file) {
        Artifact artifact = new DefaultArtifact("org.example", "app", "1.0", "compile", type, classifier,
                new DefaultArtifactHandler(type));
        artifact.setFile(file);
        return artifact;
    }
}
