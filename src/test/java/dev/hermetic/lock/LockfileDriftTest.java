package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.ENV;
import static dev.hermetic.lock.LockFixtures.put;
import static dev.hermetic.lock.LockFixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileDriftTest {

    @TempDir
    Path dir;

    Lockfile lock(int artifacts) throws Exception {
        List<UsedArtifact> used = new ArrayList<>();
        for (int i = 0; i < artifacts; i++) {
            String c = "org.example:lib" + i + ":jar:1.0";
            put(dir.resolve("repo"), c, "lib " + i);
            used.add(use(dir.resolve("repo"), c, ArtifactRole.DEPENDENCY, "compile", "g:app"));
        }
        return Lockfile.create(used, DigestAlgorithm.SHA_256, ENV);
    }

    @Test
    void theLockfileLockingWouldWriteHasNoDrift() throws Exception {
        Lockfile lock = lock(2);
        Path file = dir.resolve("hermetic.lock");
        LockfileWriter.write(lock, file);

        assertThat(LockfileDrift.between(file, lock)).isEmpty();
    }

    @Test
    void noLockfileSaysHowToCreateIt() throws Exception {
        Path file = dir.resolve("hermetic.lock");

        LockfileDrift drift = LockfileDrift.between(file, lock(1)).orElseThrow();

        assertThat(drift.missing()).isTrue();
        assertThat(drift.message(dir.resolve("target/hermetic.lock"), Lockfile.LOCK_COMMAND)).isEqualTo("hermetic.lock.check: there is no lockfile at " + file + ". Run `mvn "
                + "verify hermetic:lock` and commit hermetic.lock.");
    }

    @Test
    void anOutdatedLockfileShowsTheLinesLockingWouldAddAndNoEmptyRemovedSection() throws Exception {
        Path file = dir.resolve("hermetic.lock");
        Lockfile before = lock(1);
        LockfileWriter.write(before, file);
        Lockfile now = lock(2);
        String added = LockfileWriter.render(now).lines().filter(l -> l.startsWith("org.example:lib1:")).findFirst()
                .orElseThrow();
        Path proposed = dir.resolve("target/hermetic.lock");

        LockfileDrift drift = LockfileDrift.between(file, now).orElseThrow();

        assertThat(drift.missing()).isFalse();
        assertThat(drift.added()).containsExactly(added);
        assertThat(drift.removed()).isEmpty();
        assertThat(drift.message(proposed, "mvn verify hermetic:lock -Prelease")).isEqualTo("hermetic.lock.check: " + file + " is out of date (2 artifacts "
                + "now).\n1 line would be added:\n  + " + added + "\nThe lockfile locking would write is " + proposed
                + ": see the whole change with `diff -u " + file + " " + proposed + "`. Review the change, run `mvn "
                + "verify hermetic:lock -Prelease` and commit the lockfile.");
    }

    @Test
    void aLargeDriftShowsTheFirstLinesEachWayAndCountsTheRest() throws Exception {
        Path file = dir.resolve("hermetic.lock");
        Files.writeString(file, "old line\n" + String.join("\n",
                IntStream.range(0, 125).mapToObj(i -> "removed " + i).toList()) + "\n");
        Path proposed = dir.resolve("target/hermetic.lock");

        LockfileDrift drift = LockfileDrift.between(file, lock(25)).orElseThrow();

        assertThat(drift.removed()).hasSize(126).startsWith("old line", "removed 0").endsWith("removed 124");
        assertThat(drift.added()).hasSizeGreaterThan(LockfileDrift.SHOWN);
        assertThat(drift.artifacts()).isEqualTo(25);
        String message = drift.message(proposed, Lockfile.LOCK_COMMAND);
        assertThat(message).contains(drift.added().size() + " lines would be added:\n  + ",
                "\n  ... and " + (drift.added().size() - LockfileDrift.SHOWN) + " more added\n",
                "126 lines would be removed:\n  - old line\n  - removed 0\n",
                "\n  - removed " + (LockfileDrift.SHOWN - 2) + "\n  ... and " + (126 - LockfileDrift.SHOWN)
                        + " more removed\n",
                "`diff -u " + file + " " + proposed + "`")
                .doesNotContain("removed " + (LockfileDrift.SHOWN - 1) + "\n");
        assertThat(message.lines().filter(l -> l.startsWith("  - "))).hasSize(LockfileDrift.SHOWN);
    }

    @Test
    void relockingOneBuildUnchangedIsNoDriftForALockfileOfSeveralBuilds() throws Exception {
        Path file = dir.resolve("hermetic.lock");
        Lockfile everyday = lock(1);
        Lockfile release = new Lockfile(Lockfile.FORMAT_VERSION, everyday.algorithm(), everyday.environment(), null,
                List.of(new BuildVariant("release", List.of("release"))),
                lock(2).artifacts().stream().map(a -> a.withBuilds(List.of())).toList());
        Lockfile both = everyday.relock(release);
        LockfileWriter.write(both, file);

        assertThat(LockfileDrift.between(file, LockfileReader.read(file).relock(lock(1)))).isEmpty();
        // The release build alone would drop the everyday build's lines: that is drift.
        assertThat(LockfileDrift.between(file, release)).isPresent();
    }
}
