package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RuntimeResolutionsTest {

    private static final ArtifactCoordinates PROVIDER = new ArtifactCoordinates("org.example", "provider", "1.0",
            "jar", "");
    private static final ArtifactCoordinates TESTS = new ArtifactCoordinates("org.example", "lib", "2.0", "jar",
            "tests");

    private static String key(ArtifactCoordinates c) {
        return RuntimeResolutions.key(c.groupId(), c.artifactId(), c.extension(), c.classifier(), c.version());
    }

    @Test
    void aKeyDecodesToItsCoordinatesClassifierIncluded() {
        Map<ArtifactCoordinates, Path> decoded = RuntimeResolutions.decode(Map.of(key(TESTS), "/repo/lib-2.0-tests.jar",
                key(PROVIDER), "/repo/provider-1.0.jar"));

        assertThat(decoded).containsExactly(Map.entry(TESTS, Path.of("/repo/lib-2.0-tests.jar")),
                Map.entry(PROVIDER, Path.of("/repo/provider-1.0.jar")));
    }

    @Test
    void pluginListsUniteSortedAndOnce() {
        assertThat(RuntimeResolutions.union("org.b:b", "org.a:a")).isEqualTo("org.a:a,org.b:b");
        assertThat(RuntimeResolutions.union("org.a:a,org.b:b", "org.b:b")).isEqualTo("org.a:a,org.b:b");
    }

    @Test
    void oneUsePerPluginThatResolvedItAndNoneWithoutPlugin() {
        List<UsedArtifact> uses = RuntimeResolutions.uses(Map.of(key(PROVIDER), "/repo/provider-1.0.jar",
                key(TESTS), "/repo/lib-2.0-tests.jar"), Map.of(key(PROVIDER), "org.a:a,org.b:b"), "g:app", c -> true);

        assertThat(uses).containsExactlyInAnyOrder(
                new UsedArtifact(PROVIDER, Path.of("/repo/provider-1.0.jar"), ArtifactRole.RUNTIME, "", "g:app",
                        "org.a:a"),
                new UsedArtifact(PROVIDER, Path.of("/repo/provider-1.0.jar"), ArtifactRole.RUNTIME, "", "g:app",
                        "org.b:b"),
                new UsedArtifact(TESTS, Path.of("/repo/lib-2.0-tests.jar"), ArtifactRole.RUNTIME, "", "g:app", ""));
    }

    @Test
    void lockingAddsOnlyWhatTheBuildPlanDoesNotExplain() {
        ArtifactCoordinates plugin = new ArtifactCoordinates("org.example", "some-maven-plugin", "1.0", "jar", "");
        ArtifactCoordinates module = new ArtifactCoordinates("org.example", "sibling", "1.0-SNAPSHOT", "jar", "");
        List<UsedArtifact> uses = RuntimeResolutions.uses(Map.of(key(PROVIDER), "/repo/provider.jar",
                key(plugin), "/repo/plugin.jar", key(module), "/reactor/sibling.jar"),
                Map.of(key(PROVIDER), "org.a:a,org.b:b"), "g:app", c -> true);

        List<UsedArtifact> beyond = RuntimeResolutions.beyondPlan(uses, Set.of(plugin), module::equals);

        // The plugin keeps its planned role; the reactor module is built from source; the provider, once per plugin.
        assertThat(beyond).extracting(UsedArtifact::coordinates).containsExactly(PROVIDER, PROVIDER);
        assertThat(beyond).extracting(UsedArtifact::plugin).containsExactlyInAnyOrder("org.a:a", "org.b:b");
    }

    private static LockedArtifact entry(ArtifactCoordinates c, ArtifactRole role) {
        return new LockedArtifact(c, "a".repeat(64), new TreeSet<>(Set.of(role)), null, new TreeSet<>(Set.of("g:app")),
                null);
    }

    private static Lockfile lockfile(LockedArtifact... artifacts) {
        return new Lockfile(Lockfile.FORMAT_VERSION, DigestAlgorithm.SHA_256,
                new BuildEnvironment("3.9.16", "17", "Eclipse Adoptium", null), null, List.of(artifacts));
    }

    @Test
    void aLockThatRanNoPluginKeepsWhatEarlierLocksCapturedAtRunTime() {
        ArtifactCoordinates dependency = new ArtifactCoordinates("org.example", "dep", "1.0", "jar", "");
        ArtifactCoordinates nowPlanned = new ArtifactCoordinates("org.example", "now-planned", "1.0", "jar", "");
        ArtifactCoordinates module = new ArtifactCoordinates("org.example", "sibling", "1.0-SNAPSHOT", "jar", "");
        Lockfile earlier = lockfile(entry(PROVIDER, ArtifactRole.RUNTIME), entry(TESTS, ArtifactRole.RUNTIME),
                entry(dependency, ArtifactRole.DEPENDENCY), entry(nowPlanned, ArtifactRole.RUNTIME),
                entry(module, ArtifactRole.RUNTIME));
        Lockfile now = lockfile(entry(nowPlanned, ArtifactRole.PLUGIN));

        List<LockedArtifact> kept = RuntimeResolutions.capturedEarlier(earlier, now, module::equals);

        // Not the dependency the build no longer declares, not what the plan now explains, not a reactor module.
        assertThat(kept).extracting(LockedArtifact::coordinates).containsExactly(TESTS, PROVIDER);
        assertThat(now.plus(kept).artifacts()).extracting(LockedArtifact::coordinates)
                .containsExactly(TESTS, nowPlanned, PROVIDER);
    }
}
