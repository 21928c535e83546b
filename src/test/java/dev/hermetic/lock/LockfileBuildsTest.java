package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.ENV;
import static dev.hermetic.lock.LockFixtures.coords;
import static dev.hermetic.lock.LockFixtures.put;
import static dev.hermetic.lock.LockFixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One lockfile, several builds: names, the lock command of each, merging a build's lock, one build's view. */
class LockfileBuildsTest {

    static final BuildVariant RELEASE = BuildVariant.of(null, List.of("release"), List.of());

    @TempDir
    Path repo;

    @BeforeEach
    void artifacts() throws Exception {
        for (String c : List.of("g:lib:jar:1", "g:gpg-plugin:jar:3", "g:bc:jar:1.8", "g:surefire:jar:3")) {
            put(repo, c, c);
        }
    }

    private UsedArtifact lib(String scope) {
        return use(repo, "g:lib:jar:1", ArtifactRole.DEPENDENCY, scope, "g:app");
    }

    private UsedArtifact surefire() {
        return use(repo, "g:surefire:jar:3", ArtifactRole.PLUGIN, "", "g:app");
    }

    private List<UsedArtifact> releaseUses() {
        return List.of(lib("compile"), surefire(), use(repo, "g:gpg-plugin:jar:3", ArtifactRole.PLUGIN, "", "g:app"),
                use(repo, "g:bc:jar:1.8", ArtifactRole.PLUGIN_DEPENDENCY, "", "g:app", "g:gpg-plugin"));
    }

    private Lockfile lock(List<UsedArtifact> uses, BuildVariant build) throws Exception {
        return Lockfile.create(uses, DigestAlgorithm.SHA_256, ENV, build);
    }

    private static List<String> ids(Lockfile lock) {
        return lock.artifacts().stream().map(a -> a.coordinates().artifactId() + " " + a.builds()).toList();
    }

    @Test
    void aBuildIsNamedByItsProfilesUnlessNamed() {
        assertThat(BuildVariant.of(null, List.of(), List.of())).isEqualTo(BuildVariant.DEFAULT);
        BuildVariant two = BuildVariant.of("", List.of("release", "ci"), List.of("quick"));
        assertThat(two.name()).isEqualTo("!quick+ci+release");
        assertThat(two.profilesField()).isEqualTo("!quick,ci,release");
        assertThat(two.lockCommand()).isEqualTo("mvn verify hermetic:lock '-P!quick,ci,release'");
        assertThat(RELEASE.lockCommand()).isEqualTo("mvn verify hermetic:lock -Prelease");
        assertThat(BuildVariant.DEFAULT.lockCommand()).isEqualTo(Lockfile.LOCK_COMMAND);
        BuildVariant named = BuildVariant.of(" jdk21 ", List.of(), List.of());
        assertThat(named.name()).isEqualTo("jdk21");
        assertThat(named.lockCommand()).isEqualTo("mvn verify hermetic:lock -Dhermetic.build=jdk21");
        assertThat(BuildVariant.of("nightly", List.of("release"), List.of()).lockCommand())
                .isEqualTo("mvn verify hermetic:lock -Prelease -Dhermetic.build=nightly");
        assertThatThrownBy(() -> BuildVariant.of("a b", List.of(), List.of()))
                .hasMessageContaining("Invalid build name 'a b'").hasMessageContaining("-Dhermetic.build=NAME");
    }

    @Test
    void relockingOneBuildWhoseArtifactsChangedNamesTheOtherBuildsLockCommands() throws Exception {
        Lockfile both = lock(List.of(lib("compile")), BuildVariant.DEFAULT).relock(lock(releaseUses(), RELEASE));

        // The everyday build gains surefire: the release build was not run, so the lock says how to lock it too.
        Lockfile everyday = lock(List.of(lib("compile"), surefire()), BuildVariant.DEFAULT);
        assertThat(both.otherBuildsReminder(everyday)).hasValue("Build 'default' (no profiles) now uses other "
                + "artifacts (1 added, 0 removed); the lockfile's other builds were not run. If the change reaches "
                + "them too, lock each of them: `mvn verify hermetic:lock -Prelease` (their next verify names what "
                + "is missing).");
        // Locked again unchanged, or a lockfile of one build: nothing to say.
        assertThat(both.otherBuildsReminder(lock(List.of(lib("compile")), BuildVariant.DEFAULT))).isEmpty();
        assertThat(lock(List.of(lib("compile")), BuildVariant.DEFAULT).otherBuildsReminder(everyday)).isEmpty();
        // A build locked for the first time changes nothing the others use.
        Lockfile ci = lock(List.of(lib("compile"), surefire()), BuildVariant.of("ci", List.of(), List.of()));
        assertThat(both.otherBuildsReminder(ci)).isEmpty();
        // A changed checksum is a change too; with three builds, both others are named.
        Lockfile three = both.relock(ci);
        put(repo, "g:lib:jar:1", "rebuilt");
        assertThat(three.otherBuildsReminder(lock(List.of(lib("compile")), BuildVariant.DEFAULT)))
                .hasValueSatisfying(m -> assertThat(m).contains("(1 added, 1 removed)")
                        .contains("`mvn verify hermetic:lock -Dhermetic.build=ci`, `mvn verify hermetic:lock -Prelease`"));
    }

    @Test
    void lockingASecondBuildAddsItAndSharesWhatBothUse() throws Exception {
        Lockfile everyday = lock(List.of(lib("compile"), surefire()), BuildVariant.DEFAULT);
        Lockfile both = everyday.relock(lock(releaseUses(), RELEASE));

        assertThat(both.builds()).containsExactly(BuildVariant.DEFAULT, RELEASE);
        assertThat(ids(both)).containsExactly("bc [release]", "gpg-plugin [release]", "lib [default, release]",
                "surefire [default, release]");
        assertThat(LockfileWriter.render(both)).contains("build default -\nbuild release release\n",
                " plugin - * - release\n", " dependency compile * - *\n");
        // Relocking the first build again changes nothing.
        assertThat(both.relock(lock(List.of(lib("compile"), surefire()), BuildVariant.DEFAULT))).isEqualTo(both);
    }

    @Test
    void relockingABuildThatDroppedAnArtifactRemovesOnlyItsUse() throws Exception {
        Lockfile both = lock(List.of(lib("compile"), surefire()), BuildVariant.DEFAULT)
                .relock(lock(releaseUses(), RELEASE));

        // The everyday build no longer runs surefire: the release build still does; nothing else changes.
        Lockfile relocked = both.relock(lock(List.of(lib("compile")), BuildVariant.DEFAULT));
        assertThat(ids(relocked)).containsExactly("bc [release]", "gpg-plugin [release]", "lib [default, release]",
                "surefire [release]");

        // The release drops its signing: the entries no build uses any more go.
        Lockfile unsigned = relocked.relock(lock(List.of(lib("compile"), surefire()), RELEASE));
        assertThat(ids(unsigned)).containsExactly("lib [default, release]", "surefire [release]");
    }

    @Test
    void aBuildThatNowUsesNothingIsRemovedFromEveryEntryAndStaysDeclared() throws Exception {
        Lockfile both = lock(List.of(lib("compile")), BuildVariant.DEFAULT).relock(lock(releaseUses(), RELEASE));
        Lockfile releaseOnly = both.relock(lock(List.of(), BuildVariant.DEFAULT));
        assertThat(releaseOnly.builds()).containsExactly(BuildVariant.DEFAULT, RELEASE);
        assertThat(ids(releaseOnly)).allSatisfy(id -> assertThat(id).endsWith("[release]"));
        assertThat(releaseOnly.forBuild("default").artifacts()).isEmpty();
    }

    @Test
    void aSharedEntryRecordsTheUnionOfItsBuildsUses() throws Exception {
        Lockfile both = lock(List.of(lib("test")), BuildVariant.DEFAULT)
                .relock(lock(List.of(lib("compile")), RELEASE));
        LockedArtifact shared = both.find(coords("g:lib:jar:1")).orElseThrow();
        assertThat(shared.scopes()).containsExactly("compile", "test");
        assertThat(shared.builds()).containsExactly("default", "release");
        // A build that alone uses an entry gets exactly its own uses.
        Lockfile alone = lock(List.of(lib("test")), BuildVariant.DEFAULT)
                .relock(lock(List.of(lib("compile")), BuildVariant.DEFAULT));
        assertThat(alone.find(coords("g:lib:jar:1")).orElseThrow().scopes()).containsExactly("compile");
    }

    @Test
    void aViewHoldsOnlyItsBuildsEntries() throws Exception {
        Lockfile both = lock(List.of(lib("compile"), surefire()), BuildVariant.DEFAULT)
                .relock(lock(releaseUses(), RELEASE));
        Lockfile everyday = both.forBuild("default");
        assertThat(everyday.builds()).containsExactly(BuildVariant.DEFAULT);
        assertThat(ids(everyday)).containsExactly("lib [default]", "surefire [default]");
        assertThat(everyday.modules()).isEqualTo(both.modules());
        assertThatThrownBy(() -> both.forBuild("ci")).hasMessageContaining("no build named ci");
    }

    @Test
    void anotherAlgorithmCannotCarryOtherBuildsOver() throws Exception {
        Lockfile both = lock(List.of(lib("compile")), BuildVariant.DEFAULT).relock(lock(releaseUses(), RELEASE));
        Lockfile sha512 = Lockfile.create(List.of(lib("compile")), DigestAlgorithm.SHA_512, ENV, BuildVariant.DEFAULT);
        assertThatThrownBy(() -> both.relock(sha512)).hasMessageContaining("checksums are SHA-256 and this lock "
                + "writes SHA-512").hasMessageContaining("(release) cannot be kept")
                .hasMessageContaining("`mvn verify hermetic:lock`, `mvn verify hermetic:lock -Prelease`");
        // With only the build being locked, the algorithm simply changes.
        Lockfile one = lock(List.of(lib("compile")), BuildVariant.DEFAULT);
        assertThat(one.relock(sha512)).isEqualTo(sha512);
    }

    @Test
    void anEntryOfAnUndeclaredBuildIsRefused() throws Exception {
        LockedArtifact a = lock(List.of(lib("compile")), BuildVariant.DEFAULT).artifacts().get(0)
                .withBuilds(Set.of("ci"));
        assertThatThrownBy(() -> new Lockfile(3, DigestAlgorithm.SHA_256, ENV, null, List.of(BuildVariant.DEFAULT),
                List.of(a))).hasMessageContaining("names build ci, which the lockfile does not declare");
    }

    @Test
    void aLockThatRanNoPluginKeepsTheRunTimeCapturesOfItsOwnBuildOnly() throws Exception {
        put(repo, "g:provider:jar:1", "provider");
        put(repo, "g:gpg-agent:jar:1", "agent");
        List<UsedArtifact> everyday = List.of(lib("compile"),
                use(repo, "g:provider:jar:1", ArtifactRole.RUNTIME, "", "g:app", "g:surefire"));
        List<UsedArtifact> release = List.of(lib("compile"),
                use(repo, "g:gpg-agent:jar:1", ArtifactRole.RUNTIME, "", "g:app", "g:gpg-plugin"));
        Lockfile both = lock(everyday, BuildVariant.DEFAULT).relock(lock(release, RELEASE));

        // `mvn hermetic:lock` alone, for the everyday build: the plan only, nothing captured at run time.
        Lockfile plan = lock(List.of(lib("compile")), BuildVariant.DEFAULT);
        List<LockedArtifact> kept = RuntimeResolutions.capturedEarlier(both.forBuild("default"), plan, c -> false);

        assertThat(kept).extracting(a -> a.coordinates().artifactId() + " " + a.builds())
                .containsExactly("provider [default]");
        assertThat(ids(both.relock(plan.plus(kept)))).containsExactly("gpg-agent [release]", "lib [default, release]",
                "provider [default]");
    }
}
