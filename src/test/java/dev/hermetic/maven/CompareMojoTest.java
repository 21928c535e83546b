package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.maven.CompareMojo.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareMojoTest {

    @TempDir
    Path dir;

    private static Output output(String artifactId, String classifier, String extension) {
        String name = artifactId + "-1.0" + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
        return new Output(name, Path.of("target", name), "org.example", artifactId, "1.0", classifier, extension);
    }

    private Path file(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, relative);
    }

    @Test
    void referenceFilesAreFoundAtTheRepositoryLayoutThenFlatThenAnywhereBelow() throws IOException {
        Path layout = file("org/example/lib/1.0/lib-1.0.jar");
        file("copies/lib-1.0.jar"); // another file of that name: the layout path wins
        Path flat = file("lib-1.0.pom");
        Path below = file("some/where/lib-1.0-sources.jar");

        Map<String, Path> found = CompareMojo.referenceFiles(dir, List.of(output("lib", "", "jar"),
                output("lib", "", "pom"), output("lib", "sources", "jar"), output("lib", "javadoc", "jar")));

        assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("lib-1.0.jar", layout, "lib-1.0.pom", flat,
                "lib-1.0-sources.jar", below));
    }

    @Test
    void twoFilesOfTheSameNameElsewhereAreRefusedWithBothNamed() throws IOException {
        Path one = file("a/lib-1.0.jar");
        Path two = file("b/lib-1.0.jar");

        assertThatThrownBy(() -> CompareMojo.referenceFiles(dir, List.of(output("lib", "", "jar"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds 2 files named lib-1.0.jar")
                .hasMessageContaining(one.toString()).hasMessageContaining(two.toString())
                .hasMessageContaining("lay them out as a Maven repository");
    }
}
