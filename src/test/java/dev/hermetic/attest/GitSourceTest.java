package dev.hermetic.attest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourceTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String OTHER = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void aBranchInALooseRefWithOriginsUrlWithoutItsCredentials() throws Exception {
        Path git = Files.createDirectories(dir.resolve(".git/refs/heads"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("main"), COMMIT + "\n");
        Files.writeString(dir.resolve(".git/config"), "[remote \"upstream\"]\n\turl = https://example.com/up.git\n"
                + "[remote \"origin\"]\n\turl = https://me:token@example.com/demo.git\n");
        Path module = Files.createDirectories(dir.resolve("module/sub"));

        ResourceDescriptor source = GitSource.find(module).orElseThrow();
        assertThat(source.uri()).isEqualTo("git+https://example.com/demo.git");
        assertThat(source.digest()).containsEntry("gitCommit", COMMIT);
    }

    @Test
    void aLinkedWorkTreeReadsItsOwnHeadAndTheCommonPackedRefs() throws Exception {
        Path common = Files.createDirectories(dir.resolve("main/.git"));
        Path linked = Files.createDirectories(common.resolve("worktrees/feature"));
        Files.writeString(common.resolve("packed-refs"), "# pack-refs\n" + OTHER + " refs/heads/main\n"
                + COMMIT + " refs/heads/feature\n");
        Files.writeString(linked.resolve("HEAD"), "ref: refs/heads/feature\n");
        Files.writeString(linked.resolve("commondir"), "../..\n");
        Path tree = Files.createDirectories(dir.resolve("feature"));
        Files.writeString(tree.resolve(".git"), "gitdir: " + linked + "\n");

        ResourceDescriptor source = GitSource.find(tree).orElseThrow();
        assertThat(source.uri()).isNull();
        assertThat(source.name()).isEqualTo("source");
        assertThat(source.digest()).containsEntry("gitCommit", COMMIT);
    }

    @Test
    void aDetachedHeadIsItsCommitAndAnUnbornBranchIsNoSource() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), OTHER + "\n");
        assertThat(GitSource.find(dir).orElseThrow().digest()).containsEntry("gitCommit", OTHER);

        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        assertThat(GitSource.find(dir)).isEmpty();
    }
}
