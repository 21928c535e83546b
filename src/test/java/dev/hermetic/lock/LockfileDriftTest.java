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
        assertThat(drift.message()).isEqualTo("hermetic.lock.check: there is no lockfile at " + file + ". Run `mvn "
                + "verify hermetic:lock` and commit hermetic.lock.");
    }

    @Test
    void anOutdatedLockfileShowsTheLinesLockingWouldAddAndRemove() throws Exception {
        Path file = dir.resolve("hermetic.lock");
        Lockfile before = lock(1);
        LockfileWriter.write(before, file);
        Lockfile now = lock(2);
        String added = LockfileWriter.render(now).lines().filter(l -> l.startsWith("org.example:lib1:")).findFirst()
                .orElseThrow();

        LockfileDrift drift = LockfileDrift.between(file, now).orElseThrow();

        assertThat(drift.missing()).isFalse();
        assertThat(drift.added()).containsExactly(added);
        assertThat(drift.removed()).isEmpty();
        assertThat(drift.message()).isEqualTo("hermetic.lock.check: " + file + " is out of date (2 artifacts now). "
                + "Lines that would be added:\n  + " + added + "\nLines that would be removed:\n  - "
                + "\nReview the change, run `mvn verify hermetic:lock` and commit the lockfile.");
    }

    @Test
    void aLargeDriftShowsTwentyLinesEachWay() throws Exception {
        Path file = dir.resolve("hermetic.lock");
        Files.writeString(file, "old line\n" + String.join("\n",
                IntStream.range(0, 30).mapToObj(i -> "removed " + i).toList()) + "\n");

        LockfileDrift drift = LockfileDrift.between(file, lock(25)).orElseThrow();

        assertThat(drift.added()).hasSize(LockfileDrift.SHOWN);
        assertThat(drift.removed()).hasSize(LockfileDrift.SHOWN).startsWith("old line", "removed 0");
        assertThat(drift.artifacts()).isEqualTo(25);
    }
}
