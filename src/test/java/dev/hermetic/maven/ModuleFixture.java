package dev.hermetic.maven;

import dev.hermetic.archive.NormalizationOptions;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.project.MavenProject;

/** A module in a directory, and archives as plugins leave them, for the tests of normalization in a build. */
final class ModuleFixture {

    static final long EPOCH = 1748779200L;

    private ModuleFixture() {}

    static MavenProject project(Path dir) throws IOException {
        MavenProject project = new MavenProject();
        project.setGroupId("org.example");
        project.setArtifactId("app");
        project.setVersion("1.0");
        project.setFile(Files.writeString(dir.resolve("pom.xml"), "<project/>").toFile());
        return project;
    }

    /** A small jar as a careless plugin writes it: current time, the manifest after a file. */
    static Path zip(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/example/Late.java"));
            zip.write("class Late {}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    static List<Long> entryTimes(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().map(e -> e.getTimeLocal().toEpochSecond(ZoneOffset.UTC)).toList();
        }
    }

    static Artifact artifact(String type, String classifier, File file) {
        Artifact artifact = new DefaultArtifact("org.example", "app", "1.0", "compile", type, classifier,
                new DefaultArtifactHandler(type));
        artifact.setFile(file);
        return artifact;
    }

    static NormalizeStep.Settings settings(long epochSeconds) {
        return new NormalizeStep.Settings(NormalizationOptions.defaults(epochSeconds), Set.of());
    }
}
