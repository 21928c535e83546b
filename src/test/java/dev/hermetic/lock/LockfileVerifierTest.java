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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileVerifierTest {

    static final String SHADE = "org.apache.maven.plugins:maven-shade-plugin";

    @TempDir
    Path repo;

    List<UsedArtifact> used;
    Lockfile lock;

    @BeforeEach
    void lockASmallBuild() throws Exception {
        put(repo, "org.example:lib:jar:1.0", "lib 1.0");
        put(repo, "org.example:lib:pom:1.0", "<project/>");
        put(repo, "org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0", "compiler");
        put(repo, "org.internal:tool:jar:2.0", "internal tool");
        used = new ArrayList<>(List.of(
                use(repo, "org.example:lib:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "g:app"),
                use(repo, "org.example:lib:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "g:lib"),
                use(repo, "org.example:lib:pom:1.0", ArtifactRole.POM, "", "g:app"),
                use(repo, "org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0", ArtifactRole.PLUGIN, "",
                        "g:app"),
                use(repo, "org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0", ArtifactRole.PLUGIN, "",
                        "g:lib"),
                use(repo, "org.internal:tool:jar:2.0", ArtifactRole.PLUGIN_DEPENDENCY, "", "g:app", SHADE)));
        lock = Lockfile.create(used, DigestAlgorithm.SHA_256, ENV);
    }

    VerificationReport verify(List<String> exclusions, Policy env, BuildEnvironment current) throws Exception {
        return new LockfileVerifier(lock, exclusions, env, Policy.WARN, Policy.FAIL, Comparator.naturalOrder())
                .verify(used, current);
    }

    @Test
    void unchangedBuildPassesWithCountsAndEachFileHashedOnce() throws Exception {
        VerificationReport report = verify(List.of(), Policy.WARN, ENV);
        assertThat(report.findings()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.artifactsChecked()).isEqualTo(4);
        // Six observations, four distinct files: each read once.
        assertThat(report.filesHashed()).isEqualTo(4);
        long bytes = 0;
        for (String c : List.of("org.example:lib:jar:1.0", "org.example:lib:pom:1.0",
                "org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0", "org.internal:tool:jar:2.0")) {
            bytes += Files.size(repo.resolve(coords(c).repositoryPath()));
        }
        assertThat(report.bytesHashed()).isEqualTo(bytes);
        assertThat(report.summary()).startsWith("4 artifacts verified (4 files, 0.0 MB hashed in ")
                .endsWith("): 0 errors, 0 warnings, 0 excluded");
    }

    @Test
    void tamperedFileIsADigestMismatchThatDoesNotSuggestRelocking() throws Exception {
        Path jar = put(repo, "org.example:lib:jar:1.0", "lib 1.0 with a backdoor");
        String expected = lock.find(coords("org.example:lib:jar:1.0")).orElseThrow().digest();

        VerificationReport report = verify(List.of(), Policy.WARN, ENV);

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).hasSize(1);
        Finding f = report.errors().get(0);
        assertThat(f.kind()).isEqualTo(Finding.Kind.DIGEST_MISMATCH);
        assertThat(f.coordinates()).isEqualTo(coords("org.example:lib:jar:1.0"));
        assertThat(f.file()).isEqualTo(jar);
        assertThat(f.expected()).isEqualTo(expected);
        assertThat(f.actual()).isEqualTo(HexDigests.digest(jar, DigestAlgorithm.SHA_256)).isNotEqualTo(expected);
        assertThat(f.message()).contains("Checksum mismatch for org.example:lib:jar:1.0", jar.toString(), expected,
                f.actual());
        assertThat(f.nextStep()).contains("Delete " + jar.getParent(), "tampered", "investigate")
                .doesNotContain("hermetic:lock");
        assertThat(report.summary()).contains("1 error,");
    }

    @Test
    void newArtifactIsNotInLockfileAndSuggestsLockingAfterReview() throws Exception {
        put(repo, "org.example:extra:jar:0.1", "extra");
        put(repo, "org.example:lib:jar:1.1", "lib 1.1");
        used.add(use(repo, "org.example:extra:jar:0.1", ArtifactRole.DEPENDENCY, "runtime", "g:app"));
        used.add(use(repo, "org.example:lib:jar:1.1", ArtifactRole.DEPENDENCY, "compile", "g:lib"));

        VerificationReport report = verify(List.of(), Policy.WARN, ENV);

        assertThat(report.findings(Finding.Kind.NOT_IN_LOCKFILE)).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(f.nextStep()).contains("Review", "mvn verify hermetic:lock");
        });
        Finding extra = report.findings(Finding.Kind.NOT_IN_LOCKFILE).get(0);
        assertThat(extra.message()).isEqualTo("org.example:extra:jar:0.1 (dependency of g:app, SHA-256 "
                + HexDigests.digest(repo.resolve(coords("org.example:extra:jar:0.1").repositoryPath()),
                        DigestAlgorithm.SHA_256) + ") is not in the lockfile.");
        assertThat(report.findings(Finding.Kind.NOT_IN_LOCKFILE).get(1).message())
                .contains("org.example:lib:jar:1.1", "(the lockfile has version 1.0)");
    }

    /** Orders versions by their leading number, as no string order does: the build tool's order stands in. */
    static final Comparator<String> BY_NUMBER = Comparator.comparing(v -> Integer.parseInt(v.split("\\.")[0]));

    /** The one finding that an artifact is not locked, with versions listed in {@link #BY_NUMBER}'s order. */
    String notLockedMessage() throws Exception {
        return new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.IGNORE, Policy.FAIL, BY_NUMBER)
                .verify(used, ENV).findings(Finding.Kind.NOT_IN_LOCKFILE).stream().map(Finding::message)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one: " + a + "\n" + b);
                }).orElseThrow();
    }

    /** Locks org.apache:apache:pom at {@code versions}, each the parent of a plugin's POM. */
    Lockfile lockParentVersions(List<String> versions) throws Exception {
        List<UsedArtifact> locked = new ArrayList<>(used);
        for (String v : versions) {
            put(repo, "org.apache:apache:pom:" + v, "<project>" + v + "</project>");
            locked.add(use(repo, "org.apache:apache:pom:" + v, ArtifactRole.POM, "", "g:app"));
        }
        return Lockfile.create(locked, DigestAlgorithm.SHA_256, ENV);
    }

    @Test
    void otherVersionsAreListedInTheBuildToolsVersionOrder() throws Exception {
        put(repo, "org.example:lib:jar:33", "lib 33");
        for (String v : List.of("4", "5", "13", "32")) {
            put(repo, "org.example:lib:jar:" + v, "lib " + v);
            used.add(use(repo, "org.example:lib:jar:" + v, ArtifactRole.DEPENDENCY, "compile", "g:app"));
        }
        lock = Lockfile.create(used, DigestAlgorithm.SHA_256, ENV);
        used.add(use(repo, "org.example:lib:jar:33", ArtifactRole.DEPENDENCY, "compile", "g:app"));

        assertThat(notLockedMessage()).endsWith(" is not in the lockfile (the lockfile has version 1.0, 4, 5, 13, 32).");
    }

    @Test
    void aNewParentOfAnotherArtifactsPomIsNotCalledAVersionBump() throws Exception {
        lock = lockParentVersions(List.of("13", "4", "32"));
        put(repo, "org.apache:apache:pom:33", "<project>33</project>");
        used.add(use(repo, "org.apache:apache:pom:33", ArtifactRole.POM, "", "g:app"));

        assertThat(notLockedMessage()).contains("org.apache:apache:pom:33 (pom of g:app, SHA-256 ")
                .endsWith(" is not in the lockfile (a POM that other artifacts' POMs inherit or import: the lockfile "
                        + "has versions 4, 13, 32 for the artifacts it holds; this one comes with an artifact new to "
                        + "this build).")
                .doesNotContain("the lockfile has version ");
    }

    @Test
    void aModulesNewParentVersionNamesTheVersionItReplaces() throws Exception {
        List<UsedArtifact> locked = new ArrayList<>(used);
        for (String v : List.of("30", "31")) {
            put(repo, "org.apache:apache:pom:" + v, "<project>" + v + "</project>");
        }
        locked.add(use(repo, "org.apache:apache:pom:30", ArtifactRole.POM, "", "g:lib"));
        locked.add(use(repo, "org.apache:apache:pom:31", ArtifactRole.PARENT, "", "g:app"));
        lock = Lockfile.create(locked, DigestAlgorithm.SHA_256, ENV);
        put(repo, "org.apache:apache:pom:33", "<project>33</project>");
        used.add(use(repo, "org.apache:apache:pom:33", ArtifactRole.PARENT, "", "g:app"));

        assertThat(notLockedMessage()).contains("org.apache:apache:pom:33 (parent of g:app, SHA-256 ")
                .endsWith(" is not in the lockfile (the lockfile has version 31 as the parent of g:app).");
    }

    @Test
    void lockedButUnusedIsAWarningByDefaultAndConfigurable() throws Exception {
        used.removeIf(u -> u.coordinates().extension().equals("pom"));

        VerificationReport report = verify(List.of(), Policy.WARN, ENV);
        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.UNUSED);
            assertThat(f.coordinates()).isEqualTo(coords("org.example:lib:pom:1.0"));
            assertThat(f.message()).contains("is in the lockfile but this build does not use it");
        });

        assertThat(new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.FAIL, Policy.FAIL, Comparator.naturalOrder()).verify(used, ENV).errors())
                .extracting(Finding::kind).containsExactly(Finding.Kind.UNUSED);
        assertThat(new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.IGNORE, Policy.FAIL, Comparator.naturalOrder()).verify(used, ENV).findings())
                .isEmpty();
    }

    @Test
    void deletedFileIsAMissingFileError() throws Exception {
        Path jar = repo.resolve(coords("org.internal:tool:jar:2.0").repositoryPath());
        Files.delete(jar);
        VerificationReport report = verify(List.of(), Policy.WARN, ENV);
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.MISSING_FILE);
            assertThat(f.file()).isEqualTo(jar);
            assertThat(f.message()).contains("org.internal:tool:jar:2.0", "does not exist");
        });
    }

    @Test
    void excludedArtifactsAreNeitherCheckedNorReportedAndTheReportSaysWhichPatternExcludedWhat() throws Exception {
        put(repo, "org.internal:tool:jar:2.0", "rebuilt every night");       // would be a mismatch
        put(repo, "org.internal:other:jar:1.0", "new internal");             // would be not-in-lockfile
        used.add(use(repo, "org.internal:other:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "g:app"));
        used.removeIf(u -> u.coordinates().extension().equals("pom"));      // would be unused

        VerificationReport report = verify(List.of("org.internal:*", "*:lib:pom:*", "nothing:matches"),
                Policy.WARN, ENV);

        assertThat(report.findings()).isEmpty();
        assertThat(report.artifactsChecked()).isEqualTo(2);
        assertThat(report.exclusions()).containsOnlyKeys("org.internal:*", "*:lib:pom:*", "nothing:matches");
        assertThat(report.exclusions().get("org.internal:*")).containsExactly(coords("org.internal:other:jar:1.0"),
                coords("org.internal:tool:jar:2.0"));
        assertThat(report.exclusions().get("*:lib:pom:*")).containsExactly(coords("org.example:lib:pom:1.0"));
        assertThat(report.exclusions().get("nothing:matches")).isEmpty();
        assertThat(report.summary()).endsWith("3 excluded");
    }

    @Test
    void environmentDriftIsAWarningByDefault() throws Exception {
        BuildEnvironment now = new BuildEnvironment("3.9.11", "17.0.15", "Eclipse Adoptium", "ab".repeat(32));
        VerificationReport report = verify(List.of(), Policy.WARN, now);
        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).extracting(Finding::kind).containsOnly(Finding.Kind.ENVIRONMENT_DIFFERS);
        assertThat(report.warnings()).extracting(Finding::message).containsExactlyInAnyOrder(
                "Maven version differs from the lockfile's: locked 3.9.16, this build 3.9.11.",
                "Java vendor differs from the lockfile's: locked Debian, this build Eclipse Adoptium.",
                "Maven Wrapper distribution SHA-256 differs from the lockfile's: locked (none), this build "
                        + "ab".repeat(32) + ".");
    }

    @Test
    void environmentDriftFailsWhenStrictAndIsSilentWhenIgnored() throws Exception {
        BuildEnvironment now = new BuildEnvironment("3.9.16", "21.0.5", "Debian", "");
        assertThat(verify(List.of(), Policy.FAIL, now).errors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.ENVIRONMENT_DIFFERS);
            assertThat(f.expected()).isEqualTo("17.0.15");
            assertThat(f.actual()).isEqualTo("21.0.5");
        });
        assertThat(verify(List.of(), Policy.IGNORE, now).findings()).isEmpty();
        assertThat(verify(List.of(), Policy.FAIL, null).findings()).as("no environment given: not compared")
                .isEmpty();
    }

    @Test
    void errorsComeBeforeWarnings() throws Exception {
        put(repo, "org.example:lib:jar:1.0", "tampered");
        used.removeIf(u -> u.coordinates().extension().equals("pom"));
        VerificationReport report = verify(List.of(), Policy.WARN, new BuildEnvironment("4.0.0", "17.0.15",
                "Debian", ""));
        assertThat(report.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.DIGEST_MISMATCH,
                Finding.Kind.UNUSED, Finding.Kind.ENVIRONMENT_DIFFERS);
    }

    @Test
    void aPluginDependencyNowAlsoACompileDependencyIsANewRoleThatFailsSayingWhatIsRecordedAndWhatIsNew()
            throws Exception {
        used.add(use(repo, "org.internal:tool:jar:2.0", ArtifactRole.DEPENDENCY, "compile", "g:app"));

        VerificationReport report = verify(List.of(), Policy.WARN, ENV);

        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.USAGE_DIFFERS);
            assertThat(f.coordinates()).isEqualTo(coords("org.internal:tool:jar:2.0"));
            assertThat(f.expected()).isEqualTo("plugin-dependency of module g:app, pulled in by " + SHADE);
            assertThat(f.actual()).isEqualTo("dependency in scope compile of module g:app");
            assertThat(f.message()).isEqualTo("org.internal:tool:jar:2.0 is used in a way the lockfile does not "
                    + "record: this build uses it as dependency in scope compile of module g:app; the lockfile "
                    + "records it only as plugin-dependency of module g:app, pulled in by " + SHADE + ".");
            assertThat(f.nextStep()).contains("mvn verify hermetic:lock", "review the diff");
        });
    }

    @Test
    void theSameNewUseInSeveralModulesIsOnePhrase() throws Exception {
        used.add(use(repo, "org.internal:tool:jar:2.0", ArtifactRole.DEPENDENCY, "compile", "g:app"));
        used.add(use(repo, "org.internal:tool:jar:2.0", ArtifactRole.DEPENDENCY, "compile", "g:lib"));
        used.add(use(repo, "org.internal:tool:jar:2.0", ArtifactRole.DEPENDENCY, "test", "g:lib"));

        assertThat(verify(List.of(), Policy.WARN, ENV).errors()).singleElement().satisfies(f -> assertThat(
                f.actual()).isEqualTo("dependency in scope compile of every module; dependency in scope test of "
                        + "module g:lib"));
    }

    @Test
    void aTestDependencyNowInScopeCompileIsANewScope() throws Exception {
        put(repo, "org.example:mock:jar:1.0", "mock");
        used.add(use(repo, "org.example:mock:jar:1.0", ArtifactRole.DEPENDENCY, "test", "g:lib"));
        lock = Lockfile.create(used, DigestAlgorithm.SHA_256, ENV);
        used.removeIf(u -> u.coordinates().artifactId().equals("mock"));
        used.add(use(repo, "org.example:mock:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "g:lib"));

        assertThat(verify(List.of(), Policy.WARN, ENV).errors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.USAGE_DIFFERS);
            assertThat(f.message()).contains("this build uses it as dependency in scope compile of module g:lib",
                    "the lockfile records it only as dependency in scope test of module g:lib.");
        });
    }

    @Test
    void aLockedPluginDependencyPulledInByAnotherPluginNamesThatPlugin() throws Exception {
        used.add(use(repo, "org.internal:tool:jar:2.0", ArtifactRole.PLUGIN_DEPENDENCY, "", "g:app",
                "org.example:new-maven-plugin"));

        assertThat(verify(List.of(), Policy.WARN, ENV).errors()).singleElement().satisfies(f -> assertThat(
                f.message()).contains("as plugin-dependency of module g:app, pulled in by org.example:new-maven-plugin;",
                        "pulled in by " + SHADE + "."));
    }

    @Test
    void aKnownModuleNewlyUsingALockedArtifactIsDrift() throws Exception {
        used.add(use(repo, "org.internal:tool:jar:2.0", ArtifactRole.PLUGIN_DEPENDENCY, "", "g:lib", SHADE));

        assertThat(verify(List.of(), Policy.WARN, ENV).errors()).singleElement().satisfies(f -> assertThat(
                f.message()).contains("this build uses it as plugin-dependency of module g:lib, pulled in by"));
    }

    @Test
    void usingAnArtifactInFewerModulesOrRolesIsNotDrift() throws Exception {
        // A partial build (-pl g:app): g:lib's uses are gone.
        used.removeIf(u -> u.module().equals("g:lib"));

        assertThat(verify(List.of(), Policy.WARN, ENV).findings(Finding.Kind.USAGE_DIFFERS)).isEmpty();
    }

    @Test
    void aModuleTheLockfileDoesNotNameIsReportedOnceNotForEachArtifact() throws Exception {
        used.add(use(repo, "org.example:lib:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "g:new"));
        used.add(use(repo, "org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0", ArtifactRole.PLUGIN, "",
                "g:new"));

        assertThat(verify(List.of(), Policy.WARN, ENV).errors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.USAGE_DIFFERS);
            assertThat(f.coordinates()).isNull();
            assertThat(f.message()).startsWith("Module g:new uses locked artifacts but is not in the lockfile");
        });
    }

    @Test
    void aRunTimeResolutionOfAnArtifactTheBuildPlanExplainsIsNoNewUse() throws Exception {
        // hermetic:lock records "runtime" only for what the build plan does not already hold.
        used.add(use(repo, "org.example:lib:jar:1.0", ArtifactRole.RUNTIME, "", "g:app", SHADE));

        assertThat(verify(List.of(), Policy.WARN, ENV).findings()).isEmpty();
    }

    @Test
    void usagePolicyWarnMakesItAWarningAndIgnoreDropsIt() throws Exception {
        used.add(use(repo, "org.internal:tool:jar:2.0", ArtifactRole.DEPENDENCY, "compile", "g:app"));

        VerificationReport warned = new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.WARN, Policy.WARN, Comparator.naturalOrder())
                .verify(used, ENV);
        assertThat(warned.passed()).isTrue();
        assertThat(warned.warnings()).extracting(Finding::kind).containsExactly(Finding.Kind.USAGE_DIFFERS);
        assertThat(new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.WARN, Policy.IGNORE, Comparator.naturalOrder()).verify(used, ENV)
                .findings()).isEmpty();
    }

    @Test
    void messagesAboutAPluginsDependencyNameThePlugin() throws Exception {
        put(repo, "org.internal:tool:jar:2.0", "internal tool, tampered");
        put(repo, "org.internal:helper:jar:1.0", "helper");
        used.add(use(repo, "org.internal:helper:jar:1.0", ArtifactRole.PLUGIN_DEPENDENCY, "", "g:app", SHADE));

        VerificationReport report = verify(List.of(), Policy.WARN, ENV);

        assertThat(report.findings(Finding.Kind.DIGEST_MISMATCH)).singleElement().satisfies(f -> assertThat(
                f.message()).startsWith("Checksum mismatch for org.internal:tool:jar:2.0 (pulled in by " + SHADE
                        + "): "));
        assertThat(report.findings(Finding.Kind.NOT_IN_LOCKFILE)).singleElement().satisfies(f -> assertThat(
                f.message()).startsWith("org.internal:helper:jar:1.0 (plugin-dependency of g:app, pulled in by "
                        + SHADE + ", SHA-256 "));
    }

    @Test
    void badExclusionPatternIsRefusedByName() {
        assertThatThrownBy(() -> new LockfileVerifier(lock, List.of("a:b:c:d:e:f"), Policy.WARN, Policy.WARN, Policy.FAIL, Comparator.naturalOrder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a:b:c:d:e:f'");
    }
}
