package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCollectorTest {

    @TempDir
    Path dir;

    @Test
    void mainArtifactFirstThenAttachmentsInOrderWithoutDuplicates() throws IOException {
        MavenProject project = project();
        project.setArtifact(artifact("jar", null, file("app.jar")));
        project.addAttachedArtifact(artifact("jar", "sources", file("app-sources.jar")));
        project.addAttachedArtifact(artifact("zip", "dist", file("app-dist.zip")));
        // The same file attached twice (plugins do this) is normalized once.
        project.addAttachedArtifact(artifact("jar", "again", dir.resolve("app.jar").toFile()));

        assertThat(ArchiveCollector.collect(project, Set.of())).containsExactly(
                dir.resolve("app.jar"), dir.resolve("app-sources.jar"), dir.resolve("app-dist.zip"));
    }

    @Test
    void excludedClassifiersAreLeftOutButNeverTheMainArtifact() throws IOException {
        MavenProject project = project();
        project.setArtifact(artifact("jar", null, file("app.jar")));
        project.addAttachedArtifact(artifact("jar", "tests", file("app-tests.jar")));
        project.addAttachedArtifact(artifact("jar", "javadoc", file("app-javadoc.jar")));

        assertThat(ArchiveCollector.collect(project, Set.of("tests", "")))
                .containsExactly(dir.resolve("app.jar"), dir.resolve("app-javadoc.jar"));
    }

    @Test
    void directoriesMissingFilesAndThePomAreNotCollected() throws IOException {
        MavenProject project = project();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        project.setArtifact(artifact("jar", null, classes.toFile()));
        project.addAttachedArtifact(artifact("jar", "sources", dir.resolve("missing.jar").toFile()));
        project.addAttachedArtifact(artifact("pom", "copy", project.getFile()));
        project.addAttachedArtifact(artifact("jar", "kept", file("kept.jar")));

        assertThat(ArchiveCollector.collect(project, Set.of())).containsExactly(dir.resolve("kept.jar"));
    }

    @Test
    void pomPackagingWithoutFileGivesNothing() throws IOException {
        MavenProject project = project();
        project.setArtifact(artifact("pom", null, null));

        assertThat(ArchiveCollector.collect(project, Set.of())).isEqualTo(List.of());
    }

    private MavenProject project() throws IOException {
        MavenProject project = new MavenProject();
        project.setGroupId("org.example");
        project.setArtifactId("app");
        project.setVersion("1.0");
        project.setFile(file("pom.xml"));
        return project;
    }

    private File file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), name).toFile();
    }

    private static Artifact artifact(String type, String classifier, File file) {
        Artifact artifact = new DefaultArtifact("org.example", "app", "1.0", "compile", type, classifier,
                new DefaultArtifactHandler(type));
        artifact.setFile(file);
        return artifact;
    }
}
