package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.coords;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileWriterTest {

    @TempDir
    Path dir;

    static final BuildEnvironment ENV = new BuildEnvironment("3.9.16", "17.0.15", "Eclipse Adoptium",
            "5af3b7a5d0f7a0d6c1b6e1c1b1a1f1e1d1c1b1a1f1e1d1c1b1a1f1e1d1c1b1a1");

    /** A small two-module build: the golden file src/test/resources/lock/two-modules.lock. */
    static Lockfile twoModules() {
        return new Lockfile(Lockfile.FORMAT_VERSION, DigestAlgorithm.SHA_256, ENV, null, artifacts());
    }

    static List<LockedArtifact> artifacts() {
        return new ArrayList<>(List.of(
                entry("org.apache.commons:commons-lang3:jar:3.17.0", "1", Set.of(ArtifactRole.DEPENDENCY),
                        Set.of("compile"), Set.of("com.example:app", "com.example:lib")),
                entry("org.apache.commons:commons-lang3:pom:3.17.0", "2", Set.of(ArtifactRole.POM), Set.of(),
                        Set.of("com.example:app", "com.example:lib")),
                entry("org.junit.jupiter:junit-jupiter-api:jar:5.14.4", "3", Set.of(ArtifactRole.DEPENDENCY),
                        Set.of("test"), Set.of("com.example:lib")),
                entry("org.apache.maven.plugins:maven-surefire-plugin:jar:3.5.4", "4", Set.of(ArtifactRole.PLUGIN),
                        Set.of(), Set.of("com.example:app", "com.example:lib")),
                entry("org.apache.maven.surefire:surefire-junit-platform:jar:3.5.4", "5",
                        Set.of(ArtifactRole.RUNTIME), Set.of(), Set.of("com.example:lib"), Set.of(SUREFIRE)),
                entry("org.apache.maven.surefire:surefire-api:jar:tests:3.5.4", "6",
                        Set.of(ArtifactRole.PLUGIN_DEPENDENCY), Set.of(), Set.of("com.example:app"),
                        Set.of(SUREFIRE, "org.example.plugins:report-maven-plugin")),
                entry("com.example:parent:pom:7", "7", Set.of(ArtifactRole.PARENT), Set.of(), Set.of())));
    }

    static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    static LockedArtifact entry(String c, String digit, Set<ArtifactRole> roles, Set<String> scopes,
            Set<String> modules) {
        return entry(c, digit, roles, scopes, modules, Set.of());
    }

    static LockedArtifact entry(String c, String digit, Set<ArtifactRole> roles, Set<String> scopes,
            Set<String> modules, Set<String> plugins) {
        return new LockedArtifact(coords(c), digit.repeat(64), new TreeSet<>(roles), new TreeSet<>(scopes),
                new TreeSet<>(modules), new TreeSet<>(plugins));
    }

    static String resource(String name) throws Exception {
        try (InputStream in = LockfileWriterTest.class.getResourceAsStream("/lock/" + name)) {
            assertThat(in).as("test resource /lock/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rendersTheGoldenFile() throws Exception {
        assertThat(LockfileWriter.render(twoModules())).isEqualTo(resource("two-modules.lock"));
    }

    @Test
    void shuffledInputGivesIdenticalBytes() throws Exception {
        Path reference = dir.resolve("a.lock");
        LockfileWriter.write(twoModules(), reference);
        byte[] expected = Files.readAllBytes(reference);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            List<LockedArtifact> shuffled = artifacts();
            Collections.shuffle(shuffled, random);
            Path file = dir.resolve("shuffled-" + i + ".lock");
            LockfileWriter.write(new Lockfile(Lockfile.FORMAT_VERSION, DigestAlgorithm.SHA_256, ENV, null, shuffled), file);
            assertThat(Files.readAllBytes(file)).isEqualTo(expected);
        }
    }

    @Test
    void roundTripsThroughTheReader() throws Exception {
        Path file = dir.resolve("hermetic.lock");
        LockfileWriter.write(twoModules(), file);
        Lockfile read = LockfileReader.read(file);
        assertThat(read).isEqualTo(twoModules());
        assertThat(LockfileWriter.render(read)).isEqualTo(Files.readString(file));
    }

    @Test
    void roundTripsEmptyEnvironmentValuesAndSha512() throws Exception {
        Lockfile lock = new Lockfile(Lockfile.FORMAT_VERSION, DigestAlgorithm.SHA_512, new BuildEnvironment("3.9.16", "21", "", null),
                null, List.of(new LockedArtifact(coords("g:a:jar:1"), "ab".repeat(64),
                        new TreeSet<>(Set.of(ArtifactRole.EXTENSION)), null, new TreeSet<>(Set.of("g:m")))));
        String text = LockfileWriter.render(lock);
        assertThat(text).contains("algorithm SHA-512\n", "environment java 21 -\n", "environment wrapper -\n",
                "g:a:jar:1 " + "ab".repeat(64) + " extension - * -\n");
        assertThat(LockfileReader.parse(Path.of("x.lock"), text)).isEqualTo(lock);
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("hermetic.lock");
        Files.writeString(file, "old contents that are longer than nothing\n".repeat(1000));
        LockfileWriter.write(twoModules(), file);
        assertThat(Files.readString(file)).isEqualTo(resource("two-modules.lock"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aBuildWithoutArtifactsRoundTrips() throws Exception {
        Lockfile empty = Lockfile.create(List.of(), DigestAlgorithm.SHA_256, ENV);
        String text = LockfileWriter.render(empty);
        assertThat(text).endsWith("environment wrapper " + ENV.wrapperDistributionSha256()
                + "\n# <coordinates> <sha-256> <roles> <scopes> <modules, * = all> <plugins that pulled it in>\n");
        assertThat(LockfileReader.parse(Path.of("empty.lock"), text)).isEqualTo(empty);
    }
}
