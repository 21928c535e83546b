package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.lock.ArtifactCoordinates;
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

/** The vendor core without Maven: {@code java -jar ... vendor} from a local repository. */
class VendorCommandTest {

    @TempDir
    Path dir;

    Path repo;
    Path project;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static final ArtifactCoordinates LIB = LockVerifyCommandTest.LIB;
    static final ArtifactCoordinates PLUGIN = LockVerifyCommandTest.PLUGIN;

    @BeforeEach
    void lockTwoArtifacts() throws Exception {
        repo = dir.resolve("repository");
        project = dir.resolve("project");
        LockVerifyCommandTest.lockTwoArtifacts(repo, project.resolve("hermetic.lock"));
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("vendor"));
        all.addAll(List.of(args));
        return Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void vendorsBesideTheLockfileWithTheSettingsAndTheArchive() throws Exception {
        int status = run("--lockfile", project.resolve("hermetic.lock").toString(), "--local-repo", repo.toString(),
                "--archive");

        assertThat(status).as(err.toString()).isZero();
        Path vendored = project.resolve(".hermetic/repository");
        assertThat(vendored.resolve(LIB.repositoryPath())).hasContent("contents of " + LIB);
        assertThat(vendored.resolve(PLUGIN.repositoryPath() + ".sha1")).exists();
        assertThat(project.resolve(".hermetic/settings.xml")).exists();
        assertThat(project.resolve(".hermetic/repository.tar.gz")).exists();
        assertThat(out.toString()).contains("2 artifacts: copied 2, unchanged 0, repaired 0, removed 0",
                "mvn -s .hermetic/settings.xml -Dmaven.repo.local=.hermetic/local-repository verify",
                "tar -xzf repository.tar.gz -C .hermetic");
    }

    @Test
    void anAlteredLocalFileFailsWithStatusOneAndWritesNothing() throws Exception {
        Files.writeString(repo.resolve(LIB.repositoryPath()), "altered");

        int status = run("--lockfile", project.resolve("hermetic.lock").toString(), "--local-repo", repo.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("wrote nothing", LIB.toString(), "the lockfile says");
        assertThat(project.resolve(".hermetic")).doesNotExist();
    }

    @Test
    void aBuildTheLockfileDoesNotLockIsBadUsage() {
        int status = run("--lockfile", project.resolve("hermetic.lock").toString(), "--build", "release");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("locks no build named release", "--build");
    }
}
