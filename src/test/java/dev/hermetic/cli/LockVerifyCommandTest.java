package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.BuildEnvironment;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileWriter;
import dev.hermetic.lock.UsedArtifact;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lockfile core without Maven: {@code java -jar ... lock-verify} against a local repository. */
class LockVerifyCommandTest {

    @TempDir
    Path dir;

    Path repo;
    Path lockfile;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static final ArtifactCoordinates LIB = new ArtifactCoordinates("org.example", "lib", "1.0", "jar", "");
    static final ArtifactCoordinates PLUGIN = new ArtifactCoordinates("org.example", "plugin", "2.0", "jar", "");

    @BeforeEach
    void lockTwoArtifacts() throws Exception {
        repo = dir.resolve("repository");
        lockfile = dir.resolve("hermetic.lock");
        lockTwoArtifacts(repo, lockfile);
    }

    /** Puts {@link #LIB} and {@link #PLUGIN} in local repository {@code repo} and locks them in {@code lockfile}. */
    static void lockTwoArtifacts(Path repo, Path lockfile) throws Exception {
        List<UsedArtifact> used = new ArrayList<>();
        for (ArtifactCoordinates c : List.of(LIB, PLUGIN)) {
            Path f = repo.resolve(c.repositoryPath());
            Files.createDirectories(f.getParent());
            Files.writeString(f, "contents of " + c);
            used.add(new UsedArtifact(c, f, c == LIB ? ArtifactRole.DEPENDENCY : ArtifactRole.PLUGIN,
                    c == LIB ? "compile" : "", "g:app"));
        }
        LockfileWriter.write(Lockfile.create(used, DigestAlgorithm.SHA_256,
                new BuildEnvironment("3.9.16", "17", "Debian", "")), lockfile);
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("lock-verify"));
        all.addAll(List.of(args));
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void intactRepositoryPasses() {
        assertThat(run("--lockfile", lockfile.toString(), "--local-repo", repo.toString())).isEqualTo(0);
        assertThat(out()).contains("2 artifacts verified (2 files,", "0 errors");
        assertThat(err()).isEmpty();
    }

    @Test
    void tamperedArtifactFailsWithBothChecksums() throws Exception {
        Files.writeString(repo.resolve(LIB.repositoryPath()), "tampered");
        assertThat(run("--lockfile", lockfile.toString(), "--local-repo", repo.toString())).isEqualTo(1);
        assertThat(err()).contains("ERROR: Checksum mismatch for org.example:lib:jar:1.0", "the lockfile expects",
                "tampered with");
        assertThat(out()).contains("1 error,");
    }

    @Test
    void missingArtifactFails() throws Exception {
        Files.delete(repo.resolve(PLUGIN.repositoryPath()));
        assertThat(run("--lockfile", lockfile.toString(), "--local-repo", repo.toString())).isEqualTo(1);
        assertThat(err()).contains("ERROR: org.example:plugin:jar:2.0: file", "does not exist");
    }

    @Test
    void excludedArtifactIsSkippedAndListed() throws Exception {
        Files.writeString(repo.resolve(LIB.repositoryPath()), "tampered");
        assertThat(run("--lockfile", lockfile.toString(), "--local-repo", repo.toString(), "--exclude",
                "org.example:lib")).isEqualTo(0);
        assertThat(out()).contains("Excluded by 'org.example:lib': 1 artifact(s) [org.example:lib:jar:1.0]",
                "1 artifacts verified", "1 excluded");
    }

    @Test
    void malformedLockfileNamesTheLine() throws Exception {
        Files.writeString(lockfile, Files.readString(lockfile).replace("algorithm SHA-256", "algorithm MD5"));
        int line = Files.readAllLines(lockfile).indexOf("algorithm MD5") + 1;
        assertThat(run("--lockfile", lockfile.toString(), "--local-repo", repo.toString())).isEqualTo(1);
        assertThat(err()).contains(lockfile + ":" + line + ": algorithm MD5 refused");
    }

    @Test
    void missingLockfileAndBadUsageAreExplained() {
        assertThat(run("--lockfile", dir.resolve("none.lock").toString())).isEqualTo(1);
        assertThat(err()).contains("none.lock does not exist", "mvn verify hermetic:lock");
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--bogus'", "usage:");
        assertThat(run("--lockfile")).isEqualTo(2);
        assertThat(err()).contains("--lockfile needs a value");
        assertThat(run("--lockfile", lockfile.toString(), "--exclude", "a:b:c:d:e:f")).isEqualTo(2);
        assertThat(err()).contains("Invalid artifact pattern 'a:b:c:d:e:f'");
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignTooAndAStrayArgumentIsNamed() {
        // The README promises every command reads --option=value like --option value.
        assertThat(run("--lockfile=" + lockfile, "--local-repo=" + repo)).isZero();
        assertThat(out()).contains("lock-verify " + lockfile + " against " + repo);
        assertThat(run("--lockfile", lockfile.toString(), "stray")).isEqualTo(2);
        assertThat(err()).contains("unexpected argument 'stray'", "usage:");
    }
}
