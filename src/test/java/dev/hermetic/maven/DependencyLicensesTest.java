package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.sbom.DeclaredLicense;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyLicensesTest {

    @TempDir
    Path repository;

    private final Map<String, List<DeclaredLicense>> cache = new HashMap<>();

    private Path pom(String artifactId, String parent, String licenses) throws IOException {
        Path file = repository.resolve(artifactId + "-1.pom");
        String parentElement = parent == null ? "" : "<parent><groupId>g</groupId><artifactId>" + parent
                + "</artifactId><version>1</version></parent>";
        String licensesElement = licenses == null ? "" : "<licenses>" + licenses + "</licenses>";
        Files.writeString(file, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion>" + parentElement + "<artifactId>" + artifactId + "</artifactId>"
                + licensesElement + "</project>");
        return file;
    }

    private Optional<List<DeclaredLicense>> licenses(String artifactId) {
        return DependencyLicenses.asWritten("g", artifactId, "1",
                (g, a, v) -> repository.resolve(a + "-" + v + ".pom"), cache, 0);
    }

    @Test
    void aPomWithoutLicensesInheritsItsNearestAncestorsWhole() throws IOException {
        pom("root", null, "<license><name>Apache-2.0</name></license>");
        pom("middle", "root", "<license><name>MIT License</name><url>https://opensource.org/license/mit/</url>"
                + "</license><license><name>Extra</name></license>");
        pom("child", "middle", null);
        pom("sibling", "root", null);

        assertThat(licenses("child")).contains(List.of(
                new DeclaredLicense("MIT License", "https://opensource.org/license/mit/"),
                new DeclaredLicense("Extra", null)));
        assertThat(licenses("sibling")).contains(List.of(new DeclaredLicense("Apache-2.0", null)));
        assertThat(cache).containsKeys("g:child:1", "g:middle:1", "g:root:1", "g:sibling:1");
    }

    @Test
    void noLicensesUpToTheTopIsNone() throws IOException {
        pom("root", null, null);
        pom("child", "root", null);
        assertThat(licenses("child")).contains(List.of());
    }

    @Test
    void anExpressionOrAMissingParentLeavesItToTheEffectiveModel() throws IOException {
        pom("interpolated", null, "<license><name>Apache-2.0</name><url>${project.url}/LICENSE</url></license>");
        pom("child", "interpolated", null);
        pom("orphan", "absent", null);
        assertThat(licenses("child")).isEmpty();
        assertThat(licenses("orphan")).isEmpty();
        assertThat(cache).doesNotContainKeys("g:child:1", "g:interpolated:1", "g:orphan:1");
    }

    @Test
    void aLoopOfParentsEnds() throws IOException {
        pom("a", "b", null);
        pom("b", "a", null);
        assertThat(licenses("a")).isEmpty();
    }
}
