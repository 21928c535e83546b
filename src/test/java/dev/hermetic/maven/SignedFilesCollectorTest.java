package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.maven.SignedFilesCollector.SignedFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedFilesCollectorTest {

    @TempDir
    Path dir;

    @Test
    void pomThenMainThenAttachmentsWithRepositoryNames() throws Exception {
        MavenProject project = project("jar");
        project.setArtifact(artifact("jar", "jar", null, file("lib.jar")));
        project.addAttachedArtifact(artifact("java-source", "jar", "sources", file("lib-sources.jar")));
        project.addAttachedArtifact(artifact("tar.gz", "tar.gz", "dist", file("lib-dist.tar.gz")));

        List<SignedFile> files = SignedFilesCollector.collect(project);

        assertThat(files).extracting(SignedFile::repositoryFileName).containsExactly(
                "lib-1.0.pom", "lib-1.0.jar", "lib-1.0-sources.jar", "lib-1.0-dist.tar.gz");
        assertThat(files).extracting(SignedFile::extension).containsExactly("pom", "jar", "jar", "tar.gz");
        assertThat(files).extracting(SignedFile::classifier).containsExactly("", "", "sources", "dist");
        assertThat(files.get(0).file()).isEqualTo(dir.resolve("pom.xml"));
        assertThat(files.get(2).file()).isEqualTo(dir.resolve("lib-sources.jar"));
    }

    @Test
    void signaturesAndChecksumsAttachedByOthersAreNotSignedAgain() throws Exception {
        MavenProject project = project("jar");
        project.setArtifact(artifact("jar", "jar", null, file("lib.jar")));
        project.addAttachedArtifact(artifact("jar.asc", "jar.asc", null, file("lib.jar.asc")));
        project.addAttachedArtifact(artifact("pom.sha256", "pom.sha256", null, file("lib.pom.sha256")));
        project.addAttachedArtifact(artifact("jar.md5", "jar.md5", "sources", file("lib-sources.jar.md5")));

        assertThat(SignedFilesCollector.collect(project))
                .extracting(SignedFile::repositoryFileName)
                .containsExactly("lib-1.0.pom", "lib-1.0.jar");
    }

    @Test
    void pomPackagingSignsThePomOnly() throws Exception {
        MavenProject project = project("pom");
        project.setArtifact(artifact("pom", "pom", null, null));

        assertThat(SignedFilesCollector.collect(project))
                .extracting(SignedFile::repositoryFileName)
                .containsExactly("lib-1.0.pom");
    }

    @Test
    void unbuiltMainArtifactFailsWithTheFixNotAStackTrace() throws IOException {
        MavenProject project = project("jar");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        project.setArtifact(artifact("jar", "jar", null, classes.toFile()));

        assertThatThrownBy(() -> SignedFilesCollector.collect(project))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("main artifact of it:lib:jar:1.0 has not been built")
                .hasMessageContaining(classes + " is not a file")
                .hasMessageContaining("mvn verify");
    }

    @Test
    void missingAttachmentNamesTheAttachment() throws IOException {
        MavenProject project = project("jar");
        project.setArtifact(artifact("jar", "jar", null, file("lib.jar")));
        project.addAttachedArtifact(artifact("jar", "jar", "javadoc", dir.resolve("gone.jar").toFile()));

        assertThatThrownBy(() -> SignedFilesCollector.collect(project))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("it:lib:jar:javadoc:1.0")
                .hasMessageContaining("gone.jar");
    }

    @Test
    void sideFileExtensions() {
        assertThat(SignedFilesCollector.isSideFile("jar.asc")).isTrue();
        assertThat(SignedFilesCollector.isSideFile("pom.SHA512")).isTrue();
        assertThat(SignedFilesCollector.isSideFile("asc")).isTrue();
        assertThat(SignedFilesCollector.isSideFile("jar")).isFalse();
        assertThat(SignedFilesCollector.isSideFile("sha256sum")).isFalse();
        assertThat(SignedFilesCollector.isSideFile("tar.gz")).isFalse();
    }

    @Test
    void repositoryFileNames() {
        assertThat(SignedFilesCollector.repositoryFileName("a", "1.0-SNAPSHOT", "", "jar")).isEqualTo("a-1.0-SNAPSHOT.jar");
        assertThat(SignedFilesCollector.repositoryFileName("a", "2", "digests", "sha256sum"))
                .isEqualTo("a-2-digests.sha256sum");
    }

    private MavenProject project(String packaging) throws IOException {
        Model model = new Model();
        model.setGroupId("it");
        model.setArtifactId("lib");
        model.setVersion("1.0");
        model.setPackaging(packaging);
        MavenProject project = new MavenProject(model);
        project.setFile(file("pom.xml"));
        return project;
    }

    private static Artifact artifact(String type, String extension, String classifier, File file) {
        DefaultArtifactHandler handler = new DefaultArtifactHandler(type);
        handler.setExtension(extension);
        DefaultArtifact artifact = new DefaultArtifact("it", "lib", "1.0", null, type, classifier, handler);
        artifact.setFile(file);
        return artifact;
    }

    private File file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), name).toFile();
    }
}
