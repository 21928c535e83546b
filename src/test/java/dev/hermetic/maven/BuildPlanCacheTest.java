package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.UsedArtifact;
import dev.hermetic.lock.VersionSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildPlanCacheTest {

    @TempDir
    Path dir;

    private MavenProject project(String dependencyVersion) {
        Model model = new Model();
        model.setGroupId("org.example");
        model.setArtifactId("app");
        model.setVersion("1.0");
        Dependency d = new Dependency();
        d.setGroupId("org.example");
        d.setArtifactId("lib");
        d.setVersion(dependencyVersion);
        model.addDependency(d);
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        project.setFile(new File(dir.toFile(), "pom.xml"));
        return project;
    }

    private UsedArtifact used(String artifactId, String extension) throws IOException {
        Path file = Files.writeString(dir.resolve(artifactId + "." + extension), artifactId);
        return new UsedArtifact(new ArtifactCoordinates("org.example", artifactId, "1.0", extension, ""), file,
                extension.equals("pom") ? ArtifactRole.POM : ArtifactRole.DEPENDENCY,
                extension.equals("pom") ? "" : "test", "org.example:app");
    }

    @Test
    void roundTripsACollection() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path file = BuildPlanCache.file(dir.resolve("repo"), List.of(project("1.0")), lock, "3.9.16");
        BuildArtifactCollector.Collected collected = new BuildArtifactCollector.Collected(
                List.of(used("lib", "jar"), used("lib", "pom")),
                List.of(new BuildArtifactCollector.VersionFinding("org.example:app", "org.example:p",
                        VersionSpec.of("3.1"), true)), 5);
        BuildPlanCache.write(file, collected);

        BuildArtifactCollector.Collected read = BuildPlanCache.read(file);
        assertThat(read).isNotNull();
        assertThat(read.used()).containsExactlyElementsOf(collected.used());
        assertThat(read.versionFindings()).containsExactlyElementsOf(collected.versionFindings());
    }

    @Test
    void theKeyChangesWithTheModelTheLockfileAndMaven() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path repo = dir.resolve("repo");
        Path base = BuildPlanCache.file(repo, List.of(project("1.0")), lock, "3.9.16");
        assertThat(BuildPlanCache.file(repo, List.of(project("1.0")), lock, "3.9.16")).isEqualTo(base);
        assertThat(BuildPlanCache.file(repo, List.of(project("1.1")), lock, "3.9.16")).isNotEqualTo(base);
        assertThat(BuildPlanCache.file(repo, List.of(project("1.0")), lock, "3.9.9")).isNotEqualTo(base);
        Files.writeString(lock, "format 1\n# changed\n");
        assertThat(BuildPlanCache.file(repo, List.of(project("1.0")), lock, "3.9.16")).isNotEqualTo(base);
    }

    @Test
    void aCacheWhoseFilesAreGoneIsAMiss() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path file = BuildPlanCache.file(dir.resolve("repo"), List.of(project("1.0")), lock, "3.9.16");
        UsedArtifact jar = used("lib", "jar");
        BuildPlanCache.write(file, new BuildArtifactCollector.Collected(List.of(jar), List.of(), 1));
        Files.delete(jar.file());
        assertThat(BuildPlanCache.read(file)).isNull();
    }

    @Test
    void graphsThatDependOnRepositoryMetadataAreNotCached() throws IOException {
        Path lock = Files.writeString(dir.resolve("hermetic.lock"), "format 1\n");
        Path file = BuildPlanCache.file(dir.resolve("repo"), List.of(project("[1.0,2.0)")), lock, "3.9.16");
        BuildPlanCache.write(file, new BuildArtifactCollector.Collected(List.of(used("lib", "jar")),
                List.of(new BuildArtifactCollector.VersionFinding("org.example:app", "Dependency org.example:lib",
                        VersionSpec.of("[1.0,2.0)"), false)), 1));
        assertThat(file).doesNotExist();
    }
}
