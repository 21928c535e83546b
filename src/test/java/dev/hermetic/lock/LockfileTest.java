package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.ENV;
import static dev.hermetic.lock.LockFixtures.coords;
import static dev.hermetic.lock.LockFixtures.put;
import static dev.hermetic.lock.LockFixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileTest {

    @TempDir
    Path repo;

    @Test
    void mergesRolesScopesModulesAndPluginsOfTheSameCoordinates() throws Exception {
        Path lang = put(repo, "org.apache.commons:commons-lang3:jar:3.17.0", "lang");
        put(repo, "org.apache.commons:commons-lang3:pom:3.17.0", "lang-pom");
        put(repo, "org.junit:junit-bom:pom:5.14.4", "bom");

        Lockfile lock = Lockfile.create(List.of(
                use(repo, "org.apache.commons:commons-lang3:jar:3.17.0", ArtifactRole.DEPENDENCY, "test", "g:lib"),
                use(repo, "org.apache.commons:commons-lang3:jar:3.17.0", ArtifactRole.DEPENDENCY, "compile", "g:app"),
                use(repo, "org.apache.commons:commons-lang3:jar:3.17.0", ArtifactRole.PLUGIN_DEPENDENCY, "", "g:app",
                        "g:b-plugin"),
                use(repo, "org.apache.commons:commons-lang3:jar:3.17.0", ArtifactRole.PLUGIN_DEPENDENCY, "", "g:lib",
                        "g:a-plugin"),
                use(repo, "org.apache.commons:commons-lang3:pom:3.17.0", ArtifactRole.POM, null, "g:app"),
                use(repo, "org.junit:junit-bom:pom:5.14.4", ArtifactRole.BOM, "", "g:lib")),
                DigestAlgorithm.SHA_256, ENV);

        assertThat(lock.formatVersion()).isEqualTo(Lockfile.FORMAT_VERSION);
        assertThat(lock.modules()).containsExactly("g:app", "g:lib");
        assertThat(lock.artifacts()).extracting(a -> a.coordinates().toString()).containsExactly(
                "org.apache.commons:commons-lang3:jar:3.17.0", "org.apache.commons:commons-lang3:pom:3.17.0",
                "org.junit:junit-bom:pom:5.14.4");
        LockedArtifact jar = lock.find(coords("org.apache.commons:commons-lang3:jar:3.17.0")).orElseThrow();
        assertThat(jar.digest()).isEqualTo(HexDigests.digest(lang, DigestAlgorithm.SHA_256));
        assertThat(jar.roles()).containsExactly(ArtifactRole.DEPENDENCY, ArtifactRole.PLUGIN_DEPENDENCY);
        assertThat(jar.scopes()).containsExactly("compile", "test");
        assertThat(jar.modules()).containsExactly("g:app", "g:lib");
        assertThat(jar.plugins()).containsExactly("g:a-plugin", "g:b-plugin");
        assertThat(lock.find(coords("org.apache.commons:commons-lang3:pom:3.17.0")).orElseThrow().scopes()).isEmpty();
        assertThat(lock.find(coords("org.apache.commons:commons-lang3:pom:3.17.0")).orElseThrow().plugins())
                .isEmpty();
    }

    @Test
    void sha512IsSelectable() throws Exception {
        Path f = put(repo, "g:a:jar:1", "x");
        Lockfile lock = Lockfile.create(List.of(use(repo, "g:a:jar:1", ArtifactRole.PLUGIN, "", "g:m")),
                DigestAlgorithm.SHA_512, ENV);
        assertThat(lock.artifacts().get(0).digest()).hasSize(128)
                .isEqualTo(HexDigests.digest(f, DigestAlgorithm.SHA_512));
    }

    @Test
    void sameCoordinatesWithDifferentContentsIsAnErrorNamingBothFiles() throws Exception {
        Path first = put(repo, "g:a:jar:1", "original");
        Path other = repo.resolve("elsewhere/a-1.jar");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "altered");
        List<UsedArtifact> used = List.of(new UsedArtifact(coords("g:a:jar:1"), first, ArtifactRole.DEPENDENCY,
                "compile", "g:m1"), new UsedArtifact(coords("g:a:jar:1"), other, ArtifactRole.DEPENDENCY, "compile",
                "g:m2"));

        assertThatThrownBy(() -> Lockfile.create(used, DigestAlgorithm.SHA_256, ENV))
                .isInstanceOf(ArtifactFileException.class)
                .hasMessageContaining("g:a:jar:1 resolves to files with different contents")
                .hasMessageContaining(first.toString()).hasMessageContaining(other.toString())
                .hasMessageContaining(HexDigests.digest(first, DigestAlgorithm.SHA_256))
                .hasMessageContaining(HexDigests.digest(other, DigestAlgorithm.SHA_256));
    }

    @Test
    void sameCoordinatesWithTwoIdenticalCopiesIsFine() throws Exception {
        Path first = put(repo, "g:a:jar:1", "same");
        Path copy = Files.writeString(repo.resolve("copy.jar"), "same");
        Lockfile lock = Lockfile.create(List.of(
                new UsedArtifact(coords("g:a:jar:1"), first, ArtifactRole.DEPENDENCY, "compile", "g:m1"),
                new UsedArtifact(coords("g:a:jar:1"), copy, ArtifactRole.DEPENDENCY, "runtime", "g:m2")),
                DigestAlgorithm.SHA_256, ENV);
        assertThat(lock.artifacts()).hasSize(1);
        assertThat(lock.artifacts().get(0).scopes()).containsExactly("compile", "runtime");
    }

    @Test
    void missingFileIsAnErrorNamingTheArtifactAndModule() {
        List<UsedArtifact> used = List.of(use(repo, "g:gone:jar:1", ArtifactRole.DEPENDENCY, "compile", "g:app"));
        assertThatThrownBy(() -> Lockfile.create(used, DigestAlgorithm.SHA_256, ENV))
                .isInstanceOf(ArtifactFileException.class)
                .hasMessageContaining("Cannot lock g:gone:jar:1")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("g:app");
    }

    @Test
    void coordinatesThatCannotBeWrittenAreRefused() throws Exception {
        Path f = Files.writeString(repo.resolve("x.jar"), "x");
        UsedArtifact blank = new UsedArtifact(new ArtifactCoordinates("g", "a b", "1", "jar", ""), f,
                ArtifactRole.DEPENDENCY, "compile", "g:m");
        assertThatThrownBy(() -> Lockfile.create(List.of(blank), DigestAlgorithm.SHA_256, ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid artifactId 'a b'");
        UsedArtifact traversal = new UsedArtifact(new ArtifactCoordinates("g", "a", "..", "jar", ""), f,
                ArtifactRole.DEPENDENCY, "compile", "g:m");
        assertThatThrownBy(() -> Lockfile.create(List.of(traversal), DigestAlgorithm.SHA_256, ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid version '..'");
    }

    @Test
    void modelRefusesDuplicatesAndDigestsOfTheWrongLength() {
        LockedArtifact a = new LockedArtifact(coords("g:a:jar:1"), "ab".repeat(32),
                new java.util.TreeSet<>(Set.of(ArtifactRole.PLUGIN)), null, null);
        assertThatThrownBy(() -> new Lockfile(1, DigestAlgorithm.SHA_256, ENV, null, List.of(a, a)))
                .hasMessageContaining("g:a:jar:1 is listed twice");
        assertThatThrownBy(() -> new Lockfile(1, DigestAlgorithm.SHA_512, ENV, null, List.of(a)))
                .hasMessageContaining("has 64 hex digits, SHA-512 has 128");
    }
}
