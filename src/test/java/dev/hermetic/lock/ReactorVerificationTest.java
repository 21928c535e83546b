package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.ENV;
import static dev.hermetic.lock.LockFixtures.coords;
import static dev.hermetic.lock.LockFixtures.put;
import static dev.hermetic.lock.LockFixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorVerificationTest {

    static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    @TempDir
    Path dir;

    Path repo;
    Path lockfilePath;
    List<UsedArtifact> used;
    Lockfile lock;

    @BeforeEach
    void lockABuildWithARunTimeResolution() throws Exception {
        repo = dir.resolve("repository");
        lockfilePath = dir.resolve("hermetic.lock");
        put(repo, "org.example:lib:jar:1.0", "lib 1.0");
        put(repo, "org.example:lib:pom:1.0", "<project/>");
        put(repo, "org.example:provider:jar:1.0", "provider");
        used = new ArrayList<>(List.of(
                use(repo, "org.example:lib:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "g:app"),
                use(repo, "org.example:lib:pom:1.0", ArtifactRole.POM, "", "g:app")));
        List<UsedArtifact> locked = new ArrayList<>(used);
        locked.add(use(repo, "org.example:provider:jar:1.0", ArtifactRole.RUNTIME, "", "g:app", SUREFIRE));
        lock = Lockfile.create(locked, DigestAlgorithm.SHA_256, ENV);
    }

    VerifySettings settings(Map<String, String> values) {
        return VerifySettings.from(lockfilePath, values::get);
    }

    ReactorVerification.Outcome verify(VerifySettings settings, List<UnpinnedVersion> unpinned) {
        return new ReactorVerification(lock, BuildVariant.DEFAULT, settings, c -> repo.resolve(c.repositoryPath()), Comparator.naturalOrder())
                .verify(1, used, unpinned, ENV, System.nanoTime(), "");
    }

    static List<String> texts(ReactorVerification.Outcome outcome, boolean warning) {
        return outcome.lines().stream().filter(l -> l.warning() == warning).map(ReactorVerification.LogLine::text)
                .toList();
    }

    @Test
    void anUnchangedBuildPassesWithOneSummaryLine() {
        ReactorVerification.Outcome outcome = verify(settings(Map.of()), List.of());

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.lines()).hasSize(1);
        assertThat(outcome.summary()).isEqualTo(outcome.lines().get(0).text())
                .startsWith("hermetic:verify: 1 module against hermetic.lock: 3 artifacts verified (3 files, ")
                .matches(".*: 0 errors, 0 warnings, 0 excluded; \\d+\\.\\d\\d s in all");
    }

    @Test
    void theSummaryCountsModulesAndEndsWithHowTheUseWasCollected() {
        ReactorVerification.Outcome outcome = new ReactorVerification(lock, BuildVariant.DEFAULT, settings(Map.of()),
                c -> repo.resolve(c.repositoryPath()), Comparator.naturalOrder()).verify(2, used, List.of(), ENV, System.nanoTime(),
                        " (build plan unchanged: graph reused from x.txt)");

        assertThat(outcome.summary()).startsWith("hermetic:verify: 2 modules against hermetic.lock: ")
                .endsWith(" s in all (build plan unchanged: graph reused from x.txt)");
    }

    @Test
    void eachKindOfUnpinnedVersionFollowsItsOwnPolicy() {
        UnpinnedVersion range = new UnpinnedVersion("g:app", "Dependency org.example:r", VersionSpec.of("[1,2)"),
                false);
        UnpinnedVersion snapshot = new UnpinnedVersion("g:app", "Dependency org.example:s",
                VersionSpec.of("1.0-SNAPSHOT"), false);
        UnpinnedVersion latest = new UnpinnedVersion("g:app", "Plugin org.example:l", VersionSpec.of("LATEST"), false);
        UnpinnedVersion noVersion = new UnpinnedVersion("g:app", "org.example:p", VersionSpec.of("3.1"), true);

        ReactorVerification.Outcome outcome = verify(settings(Map.of("rangePolicy", "warn", "snapshotPolicy", "fail",
                "metaVersionPolicy", "ignore", "pluginVersionPolicy", "warn")),
                List.of(range, snapshot, latest, noVersion));

        assertThat(texts(outcome, true)).containsExactly(range.message(), noVersion.message());
        assertThat(outcome.failure()).isEqualTo("The build does not match its lockfile " + lockfilePath
                + " (1 problem):\n  - " + snapshot.message());
        assertThat(outcome.lines()).noneMatch(l -> l.text().contains("org.example:l"));
    }

    @Test
    void theSameUnpinnedVersionInTwoPlacesIsReportedOnce() {
        UnpinnedVersion range = new UnpinnedVersion("g:app", "Dependency org.example:r", VersionSpec.of("[1,2)"),
                false);

        ReactorVerification.Outcome outcome = verify(settings(Map.of()), List.of(range, range));

        assertThat(outcome.failure()).isEqualTo("The build does not match its lockfile " + lockfilePath
                + " (1 problem):\n  - " + range.message());
    }

    @Test
    void everyProblemIsListedInTheFailureEachOnItsOwnLine() throws Exception {
        put(repo, "org.example:lib:jar:1.0", "lib 1.0 with a backdoor");
        UnpinnedVersion snapshot = new UnpinnedVersion("g:app", "Dependency org.example:s",
                VersionSpec.of("1.0-SNAPSHOT"), false);

        ReactorVerification.Outcome outcome = verify(settings(Map.of()), List.of(snapshot));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failure()).startsWith("The build does not match its lockfile " + lockfilePath
                + " (2 problems):\n  - " + snapshot.message() + "\n  - Checksum mismatch for org.example:lib:jar:1.0");
        assertThat(outcome.summary()).contains(": 1 error, 0 warnings, 0 excluded");
    }

    @Test
    void eachExclusionSaysWhatItExcludedOrThatItExcludedNothing() {
        ReactorVerification.Outcome outcome = verify(settings(Map.of("excludes",
                "org.example:provider:jar,org.example:lib,org.nothing:*")), List.of());

        assertThat(texts(outcome, false)).startsWith(
                "Excluded by 'org.example:provider:jar': 1 artifact [org.example:provider:jar:1.0]",
                "Excluded by 'org.example:lib': 2 artifacts [org.example:lib:jar:1.0, org.example:lib:pom:1.0]",
                "Excluded by 'org.nothing:*': nothing (check the pattern)");
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void aMalformedExclusionFailsNamingTheSettingAfterTheVersionWarnings() {
        UnpinnedVersion range = new UnpinnedVersion("g:app", "Dependency org.example:r", VersionSpec.of("[1,2)"),
                false);

        ReactorVerification.Outcome outcome = verify(settings(Map.of("excludes", "a:b:c:d:e:f",
                "rangePolicy", "warn")), List.of(range));

        assertThat(outcome.failure()).startsWith("Invalid hermetic.verify.excludes: ");
        assertThat(outcome.summary()).isNull();
        assertThat(texts(outcome, true)).containsExactly(range.message());
    }

    @Test
    void aRunTimeResolutionInTheLocalRepositoryIsCheckedAsTheLockfileRecordsIt() throws Exception {
        put(repo, "org.example:provider:jar:1.0", "provider, changed");

        ReactorVerification.Outcome outcome = verify(settings(Map.of()), List.of());

        assertThat(outcome.failure()).contains("Checksum mismatch for org.example:provider:jar:1.0 (pulled in by "
                + SUREFIRE + ")");
    }

    @Test
    void aRunTimeResolutionNotDownloadedYetIsNeitherCheckedNorUnused() throws Exception {
        Files.delete(repo.resolve(coords("org.example:provider:jar:1.0").repositoryPath()));

        ReactorVerification.Outcome outcome = verify(settings(Map.of("unusedPolicy", "fail")), List.of());

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.summary()).contains("2 artifacts verified");
        assertThat(outcome.lines()).noneMatch(l -> l.text().contains("provider"));
        // Not counted either: a summary of "1 error" or "1 warning" with none shown sends the reader looking.
        assertThat(outcome.summary()).contains(": 0 errors, 0 warnings");
        assertThat(verify(settings(Map.of()), List.of()).summary()).contains(": 0 errors, 0 warnings");
    }

    @Test
    void unusedEntriesFollowTheUnusedPolicy() throws Exception {
        used.remove(1);

        assertThat(texts(verify(settings(Map.of()), List.of()), true))
                .containsExactly(
                        "org.example:lib:pom:1.0 is in the lockfile but this build does not use it. If it is no longer "
                                + "needed, run `mvn verify hermetic:lock` to drop it; a partial build (-pl, a skipped "
                                + "plugin) also uses less.");
        assertThat(verify(settings(Map.of("unusedPolicy", "fail")), List.of()).failure())
                .contains("org.example:lib:pom:1.0 is in the lockfile but this build does not use it.");
    }

    @Test
    void aDifferentEnvironmentWarnsAndFailsOnlyWhenStrict() {
        BuildEnvironment other = new BuildEnvironment("3.8.8", ENV.javaVersion(), ENV.javaVendor(), "");

        ReactorVerification.Outcome lenient = new ReactorVerification(lock, BuildVariant.DEFAULT, settings(Map.of()),
                c -> repo.resolve(c.repositoryPath()), Comparator.naturalOrder()).verify(1, used, List.of(), other, System.nanoTime(), "");
        ReactorVerification.Outcome strict = new ReactorVerification(lock, BuildVariant.DEFAULT, settings(Map.of("strict", "true")),
                c -> repo.resolve(c.repositoryPath()), Comparator.naturalOrder()).verify(1, used, List.of(), other, System.nanoTime(), "");

        assertThat(lenient.passed()).isTrue();
        assertThat(texts(lenient, true)).singleElement().asString().contains("3.8.8");
        assertThat(strict.failure()).contains("3.8.8");
    }

    @Test
    void aMissingLockfileSaysHowToCreateItAndHowToSkipVerificationUntilThen() {
        assertThatThrownBy(() -> ReactorVerification.readLockfile(lockfilePath, BuildVariant.DEFAULT))
                .isInstanceOf(ReactorVerification.Failure.class)
                .hasMessage("No lockfile at " + lockfilePath + ". Create it with `mvn verify hermetic:lock` (see "
                        + "docs/lock-verify.md), review it and commit it; the next build verifies against it. Until "
                        + "then, add -Dhermetic.verify.skip to run a command without verification.");
    }

    @Test
    void aMalformedLockfileNamesTheLineAndDoesNotAdviseRelocking() throws Exception {
        Files.writeString(lockfilePath, "format 2\nalgorithm SHA-256\n<<<<<<< HEAD\n");

        assertThatThrownBy(() -> ReactorVerification.readLockfile(lockfilePath, BuildVariant.DEFAULT))
                .isInstanceOf(ReactorVerification.Failure.class)
                .hasMessageStartingWith("Lockfile " + lockfilePath + " is malformed at line ")
                .hasMessageContaining("restore the file from version control")
                .hasMessageContaining("do not re-lock");
    }

    @Test
    void aFormatOneLockfileIsRefusedWithTheFixNotAsMalformed() throws Exception {
        Path lockfile = Files.writeString(dir.resolve("hermetic.lock"), """
                format 1
                algorithm SHA-256
                environment maven 3.9.16
                environment java 17.0.15 Debian
                environment wrapper -
                module g:app
                g:a:jar:1.0 %s dependency compile *
                """.formatted("1".repeat(64)));

        assertThatThrownBy(() -> ReactorVerification.readLockfile(lockfile, BuildVariant.DEFAULT))
                .isInstanceOf(ReactorVerification.Failure.class)
                .hasMessageStartingWith("Lockfile " + lockfile + ": format 1 was written by an earlier version")
                .hasMessageContaining("`mvn verify hermetic:lock`")
                .hasMessageContaining("review the diff")
                .hasMessageNotContaining("malformed");
    }

    @Test
    void aLockfileWrittenByThisVersionIsRead() throws Exception {
        LockfileWriter.write(lock, lockfilePath);

        assertThat(ReactorVerification.readLockfile(lockfilePath, BuildVariant.DEFAULT)).isEqualTo(lock);
    }

    static final BuildVariant RELEASE = BuildVariant.of(null, List.of("release"), List.of());

    /** The everyday build as locked in setUp, and a release build that also signs (its plugin locked for it only). */
    private Lockfile withRelease() throws Exception {
        put(repo, "org.example:gpg-plugin:jar:3.0", "gpg plugin");
        List<UsedArtifact> release = new ArrayList<>(used);
        release.add(use(repo, "org.example:gpg-plugin:jar:3.0", ArtifactRole.PLUGIN, "", "g:app"));
        return lock.relock(Lockfile.create(release, DigestAlgorithm.SHA_256, ENV, RELEASE));
    }

    private ReactorVerification.Outcome verify(Lockfile lockfile, BuildVariant build, List<UsedArtifact> uses,
            Map<String, String> settings) {
        return new ReactorVerification(lockfile, build, settings(settings), c -> repo.resolve(c.repositoryPath()),
                Comparator.naturalOrder()).verify(1, uses, List.of(), ENV, System.nanoTime(), "");
    }

    @Test
    void eachBuildPassesAgainstItsOwnEntriesWithNothingUnused() throws Exception {
        Lockfile both = withRelease();
        List<UsedArtifact> release = new ArrayList<>(used);
        release.add(use(repo, "org.example:gpg-plugin:jar:3.0", ArtifactRole.PLUGIN, "", "g:app"));

        // The release build's plugin is not "unused" in the everyday build, even when unused entries fail.
        ReactorVerification.Outcome everyday = verify(both, BuildVariant.DEFAULT, used, Map.of("unusedPolicy", "fail"));
        ReactorVerification.Outcome signed = verify(both, RELEASE, release, Map.of("unusedPolicy", "fail"));

        assertThat(everyday.passed()).as(everyday.failure()).isTrue();
        assertThat(texts(everyday, true)).isEmpty();
        assertThat(everyday.summary()).startsWith("hermetic:verify: 1 module against hermetic.lock (build default): ");
        assertThat(signed.passed()).as(signed.failure()).isTrue();
        assertThat(texts(signed, true)).isEmpty();
    }

    @Test
    void anEntryUnusedWithinItsBuildIsReportedWithThatBuildsCommand() throws Exception {
        Lockfile both = withRelease();

        // The release build no longer signs: its plugin is unused there, and relocking the release drops it.
        ReactorVerification.Outcome outcome = verify(both, RELEASE, used, Map.of());

        assertThat(texts(outcome, true)).singleElement().asString().isEqualTo("org.example:gpg-plugin:jar:3.0 is in "
                + "the lockfile for build 'release' (-Prelease) but this build does not use it. If it is no longer "
                + "needed, run `mvn verify hermetic:lock -Prelease` to drop it from this build's entries; a partial "
                + "build (-pl, a skipped plugin) also uses less.");
    }

    @Test
    void anArtifactLockedForAnotherBuildOnlyIsNotLockedHereAndSaysSo() throws Exception {
        Lockfile both = withRelease();
        List<UsedArtifact> signing = new ArrayList<>(used);
        signing.add(use(repo, "org.example:gpg-plugin:jar:3.0", ArtifactRole.PLUGIN, "", "g:app"));

        ReactorVerification.Outcome outcome = verify(both, BuildVariant.DEFAULT, signing, Map.of());

        assertThat(outcome.failure()).contains("org.example:gpg-plugin:jar:3.0 (plugin of g:app, SHA-256 ",
                ") is not in the lockfile for build 'default' (no profiles) (locked for build release only). Review "
                        + "the new artifact (why it is needed, where it comes from), then run `mvn verify "
                        + "hermetic:lock` and commit the lockfile change.");
    }

    @Test
    void aBuildTheLockfileDoesNotLockFailsOnceWithTheCommandThatLocksIt() throws Exception {
        Lockfile both = withRelease();
        LockfileWriter.write(both, lockfilePath);
        BuildVariant other = BuildVariant.of(null, List.of("other"), List.of());
        String expected = "Lockfile " + lockfilePath + " does not lock this build, 'other' (-Pother): it locks the "
                + "builds 'default' (no profiles), 'release' (-Prelease). Lock this build with `mvn verify "
                + "hermetic:lock -Pother`: that adds its entries and keeps the other builds'. Review the diff and "
                + "commit the lockfile. If this build uses exactly what one of those does (a profile that changes no "
                + "artifact), -Dhermetic.build=NAME verifies it as that build.";

        assertThatThrownBy(() -> ReactorVerification.readLockfile(lockfilePath, other))
                .isInstanceOf(ReactorVerification.Failure.class).hasMessage(expected);
        ReactorVerification.Outcome outcome = verify(both, other, used, Map.of());
        assertThat(outcome.failure()).isEqualTo(expected);
        assertThat(outcome.summary()).isNull();
    }

    @Test
    void aFormat2LockfileIsTheDefaultBuildAndAProfileBuildIsToldHowToLockIt() throws Exception {
        String formatTwo = LockfileWriter.render(lock).replace("format 3", "format 2").replace("build default -\n", "")
                .replace(" <builds, * = all>", "").replace(" *\n", "\n");
        Files.writeString(lockfilePath, formatTwo);

        assertThat(ReactorVerification.readLockfile(lockfilePath, BuildVariant.DEFAULT).artifacts())
                .isEqualTo(lock.artifacts());
        assertThatThrownBy(() -> ReactorVerification.readLockfile(lockfilePath, RELEASE))
                .hasMessageContaining("it locks one build, 'default' (no profiles) (a format 2 lockfile, made before "
                        + "builds: it is read as the build 'default'). Lock this build with `mvn verify hermetic:lock "
                        + "-Prelease`");
    }
}
