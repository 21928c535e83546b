package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeResolutionCheckTest {

    private static final String AFTER = "maven-surefire-plugin:test (default-test)";
    private static final ArtifactCoordinates LOCKED = new ArtifactCoordinates("org.example", "provider", "1.0", "jar",
            "");
    private static final ArtifactCoordinates NEW = new ArtifactCoordinates("org.example", "extra", "2.0", "jar", "");

    @TempDir
    Path dir;

    private static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    private final Map<String, String> record = new ConcurrentHashMap<>();
    private final Map<String, String> resolvedBy = new ConcurrentHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void anArtifactTheLockfileHoldsWithItsChecksumPasses() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.FAIL);
        record(LOCKED, "provider 1.0");

        armed.check(AFTER, Policy.FAIL, warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(armed.checked()).contains(key(LOCKED) + " " + SUREFIRE);
    }

    @Test
    void aLockedRunTimeArtifactResolvedByAnotherPluginIsAUseTheLockfileDoesNotRecord() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.FAIL);
        record(LOCKED, "provider 1.0", "org.example:other-maven-plugin");

        assertThatThrownBy(() -> armed.check(AFTER, Policy.FAIL, warnings::add))
                .isInstanceOf(RuntimeResolutionCheck.Failure.class)
                .hasMessageContaining("org.example:provider:jar:1.0 is used in a way the lockfile does not record")
                .hasMessageContaining("uses it as runtime of module app, pulled in by org.example:other-maven-plugin")
                .hasMessageContaining("records it only as runtime of module app, pulled in by " + SUREFIRE)
                .hasMessageContaining("-Dhermetic.verify.usagePolicy=warn");
    }

    @Test
    void usagePolicyWarnOnlyWarnsAboutIt() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.FAIL, Policy.WARN);
        record(LOCKED, "provider 1.0", "org.example:other-maven-plugin");

        armed.check(AFTER, Policy.FAIL, warnings::add);

        assertThat(warnings).singleElement().asString().contains(AFTER, "pulled in by org.example:other-maven-plugin");
    }

    @Test
    void aResolutionByASecondPluginIsCheckedAgainThoughTheArtifactWasCheckedBefore() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.FAIL);
        record(LOCKED, "provider 1.0");
        armed.check(AFTER, Policy.FAIL, warnings::add);

        resolvedBy.merge(key(LOCKED), "org.example:other-maven-plugin", (a, b) -> a + "," + b);

        assertThatThrownBy(() -> armed.check(AFTER, Policy.FAIL, warnings::add))
                .hasMessageContaining("pulled in by org.example:other-maven-plugin");
    }

    @Test
    void anArtifactTheBuildPlanExplainsIsNoNewUseWhenAPluginResolvesItWhileItRuns() throws Exception {
        Path lockedFile = Files.writeString(dir.resolve("dependency.jar"), "dependency 1.0");
        ArtifactCoordinates dependency = new ArtifactCoordinates("org.example", "dependency", "1.0", "jar", "");
        Lockfile lockfile = Lockfile.create(List.of(new UsedArtifact(dependency, lockedFile,
                ArtifactRole.DEPENDENCY, "compile", "app")), DigestAlgorithm.SHA_256, ENV);
        RuntimeResolutionCheck armed = new RuntimeResolutionCheck(record, resolvedBy, lockfile,
                BuildVariant.DEFAULT, List.of(), Policy.FAIL, Policy.FAIL, dir.resolve("hermetic.lock"), "app",
                Comparator.naturalOrder());
        record.put(key(dependency), lockedFile.toString());
        resolvedBy.put(key(dependency), SUREFIRE);

        armed.check(AFTER, Policy.FAIL, warnings::add);

        assertThat(warnings).isEmpty();
    }

    @Test
    void anArtifactTheLockfileDoesNotHoldFailsNamingTheMojoTheArtifactAndTheFix() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.FAIL);
        record(NEW, "extra 2.0");

        assertThatThrownBy(() -> armed.check(AFTER, Policy.FAIL, warnings::add))
                .isInstanceOf(RuntimeResolutionCheck.Failure.class)
                .hasMessageContaining("hermetic: " + AFTER + " resolved, while it ran, an artifact")
                .hasMessageContaining("org.example:extra:jar:2.0")
                .hasMessageContaining("mvn verify hermetic:lock")
                .hasMessageContaining("-Dhermetic.verify.runtimeResolutions=warn");
    }

    @Test
    void aRunTimeResolutionLockedForAnotherBuildOnlyFailsWithThisBuildsCommand() throws Exception {
        Path lockedFile = Files.writeString(dir.resolve("locked-provider.jar"), "provider 1.0");
        BuildVariant release = new BuildVariant("release", List.of("release"));
        // The provider is locked for the everyday build only; the release build resolves it too.
        Lockfile both = Lockfile.create(List.of(new UsedArtifact(LOCKED, lockedFile, ArtifactRole.RUNTIME, "", "app",
                SUREFIRE)), DigestAlgorithm.SHA_256, ENV).relock(Lockfile.create(List.of(), DigestAlgorithm.SHA_256,
                        ENV, release));
        RuntimeResolutionCheck armed = new RuntimeResolutionCheck(record, resolvedBy, both, release, List.of(),
                Policy.FAIL, Policy.FAIL, dir.resolve("hermetic.lock"), "app", Comparator.naturalOrder());
        record(LOCKED, "provider 1.0");

        assertThatThrownBy(() -> armed.check(AFTER, Policy.FAIL, warnings::add))
                .isInstanceOf(RuntimeResolutionCheck.Failure.class)
                .hasMessageContaining("org.example:provider:jar:1.0 (runtime of app, pulled in by " + SUREFIRE)
                .hasMessageContaining("is not in the lockfile for build 'release' (-Prelease) (locked for build "
                        + "default only)")
                .hasMessageContaining("(`mvn verify hermetic:lock -Prelease`)");
    }

    @Test
    void warnAndIgnorePoliciesLetAnUnlockedArtifactThrough() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.WARN);
        record(NEW, "extra 2.0");
        armed.check(AFTER, Policy.WARN, warnings::add);
        assertThat(warnings).singleElement().asString().contains(AFTER).contains("org.example:extra:jar:2.0");

        warnings.clear();
        RuntimeResolutionCheck quiet = arm(Policy.IGNORE);
        quiet.check(AFTER, Policy.IGNORE, warnings::add);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aChangedChecksumFailsWhateverThePolicy() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.IGNORE);
        record(LOCKED, "provider 1.0, tampered");

        assertThatThrownBy(() -> armed.check(AFTER, Policy.IGNORE, warnings::add))
                .isInstanceOf(RuntimeResolutionCheck.Failure.class)
                .hasMessageContaining("org.example:provider:jar:1.0");
    }

    @Test
    void eachArtifactIsCheckedOnceSoAlreadyCheckedOnesAreNotReadAgain() throws Exception {
        RuntimeResolutionCheck armed = arm(Policy.FAIL);
        record(NEW, "extra 2.0");
        // Claimed, as the participant claims what the verification before the first mojo resolved.
        armed.claimRecorded();

        armed.check(AFTER, Policy.FAIL, warnings::add);

        assertThat(warnings).isEmpty();
    }

    private static final BuildEnvironment ENV = new BuildEnvironment("3.9.16", "17", "", "");

    private RuntimeResolutionCheck arm(Policy policy) throws IOException {
        return arm(policy, Policy.FAIL);
    }

    /** Armed with a lockfile that locks {@link #LOCKED} as resolved by Surefire while it ran. */
    private RuntimeResolutionCheck arm(Policy policy, Policy usagePolicy) throws IOException {
        Path lockedFile = Files.writeString(dir.resolve("locked-provider.jar"), "provider 1.0");
        Lockfile lockfile = Lockfile.create(List.of(new UsedArtifact(LOCKED, lockedFile, ArtifactRole.RUNTIME, "",
                "app", SUREFIRE)), DigestAlgorithm.SHA_256, ENV);
        return new RuntimeResolutionCheck(record, resolvedBy, lockfile, BuildVariant.DEFAULT, List.of(), policy,
                usagePolicy, dir.resolve("hermetic.lock"), "app",
                Comparator.naturalOrder());
    }

    /** Records {@code c} as resolved by Surefire. */
    private void record(ArtifactCoordinates c, String content) throws IOException {
        record(c, content, SUREFIRE);
    }

    private void record(ArtifactCoordinates c, String content, String plugin) throws IOException {
        Path file = Files.writeString(dir.resolve(c.artifactId() + "-" + c.version() + ".jar"), content);
        resolvedBy.put(key(c), plugin);
        record.put(key(c), file.toString());
    }

    /** The recorder's key: groupId:artifactId:extension:classifier:version. */
    private static String key(ArtifactCoordinates c) {
        return c.groupId() + ":" + c.artifactId() + ":" + c.extension() + ":" + c.classifier() + ":" + c.version();
    }
}
