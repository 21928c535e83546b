package dev.hermetic.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.lock.ArtifactCoordinates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendoredRepositoryTest {

    @TempDir
    Path dir;

    Path local;
    Path vendored;

    @BeforeEach
    void paths() {
        local = dir.resolve("local");
        vendored = dir.resolve("project/.hermetic/repository");
    }

    @Test
    void copiesEachLockedFileInRepositoryLayoutWithItsSha1() throws Exception {
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "jar bytes");
        VendoredRepository.Artifact pom = localArtifact("org.example:lib:1.0:pom", "<project/>");

        VendoredRepository.Result result = repository().update(List.of(jar, pom));

        Path copy = vendored.resolve("org/example/lib/1.0/lib-1.0.jar");
        assertThat(Files.readString(copy)).isEqualTo("jar bytes");
        assertThat(Files.readString(vendored.resolve("org/example/lib/1.0/lib-1.0.pom"))).isEqualTo("<project/>");
        assertThat(Files.readString(vendored.resolve("org/example/lib/1.0/lib-1.0.jar.sha1")))
                .isEqualTo(sha1("jar bytes"));
        assertThat(result.copied()).isEqualTo(2);
        assertThat(result.unchanged()).isZero();
        assertThat(result.bytesCopied()).isEqualTo("jar bytes".length() + "<project/>".length());
        assertThat(files(vendored)).containsExactlyInAnyOrder(VendoredRepository.MARKER,
                "org/example/lib/1.0/lib-1.0.jar", "org/example/lib/1.0/lib-1.0.jar.sha1",
                "org/example/lib/1.0/lib-1.0.pom", "org/example/lib/1.0/lib-1.0.pom.sha1");
        assertThat(files(dir.resolve("project/.hermetic"))).allMatch(f -> f.startsWith("repository/"));
        // Staged in a private temporary directory, which became the repository: readable by all, as a checkout is.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vendored))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aLocalFileWithAnotherChecksumFailsAndNothingIsWritten() throws Exception {
        VendoredRepository.Artifact good = localArtifact("org.example:good:1.0:jar", "good");
        VendoredRepository.Artifact altered = localArtifact("org.example:bad:2.0:jar", "original");
        Files.writeString(altered.source(), "altered");

        assertThatThrownBy(() -> repository().update(List.of(good, altered)))
                .isInstanceOf(VendorException.class)
                .hasMessageContaining("wrote nothing")
                .hasMessageContaining("org.example:bad:jar:2.0")
                .hasMessageContaining(altered.source().toString())
                .hasMessageContaining(digest("altered"))
                .hasMessageContaining(digest("original"))
                .hasMessageContaining("do not lock again");
        assertThat(vendored.getParent()).doesNotExist();
    }

    @Test
    void aMissingLocalFileFailsNamingItAndWhatToDo() throws Exception {
        VendoredRepository.Artifact missing = localArtifact("org.example:gone:1.0:jar", "x");
        Files.delete(missing.source());

        assertThatThrownBy(() -> repository().update(List.of(missing)))
                .isInstanceOf(VendorException.class)
                .hasMessageContaining("org.example:gone:jar:1.0: not in the local repository")
                .hasMessageContaining("mvn verify");
        assertThat(vendored).doesNotExist();
    }

    @Test
    void aSecondRunCopiesNothingAndRehashesEveryFile() throws Exception {
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "jar bytes");
        repository().update(List.of(jar));
        Path copy = vendored.resolve("org/example/lib/1.0/lib-1.0.jar");
        FileTime before = Files.getLastModifiedTime(copy);

        VendoredRepository.Result second = repository().update(List.of(jar));

        assertThat(second.copied()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(second.repaired()).isZero();
        assertThat(second.removed()).isZero();
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(before);
    }

    @Test
    void aChangedDependencyIsCopiedAndTheOldOneRemoved() throws Exception {
        VendoredRepository.Artifact old = localArtifact("org.example:lib:1.0:jar", "one");
        VendoredRepository.Artifact kept = localArtifact("org.example:other:1.0:jar", "kept");
        repository().update(List.of(old, kept));
        VendoredRepository.Artifact newer = localArtifact("org.example:lib:1.1:jar", "one point one");

        VendoredRepository.Result result = repository().update(List.of(newer, kept));

        assertThat(result.copied()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.removed()).isEqualTo(1);
        assertThat(files(vendored)).containsExactlyInAnyOrder(VendoredRepository.MARKER,
                "org/example/lib/1.1/lib-1.1.jar", "org/example/lib/1.1/lib-1.1.jar.sha1",
                "org/example/other/1.0/other-1.0.jar", "org/example/other/1.0/other-1.0.jar.sha1");
        // The emptied version directory goes too.
        assertThat(vendored.resolve("org/example/lib/1.0")).doesNotExist();
    }

    @Test
    void filesTheLockfileDoesNotHoldAreRemoved() throws Exception {
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "jar");
        repository().update(List.of(jar));
        Path stray = Files.writeString(vendored.resolve("org/example/lib/1.0/lib-1.0-sources.jar"), "stray");
        Files.writeString(vendored.resolve("org/example/lib/1.0/_remote.repositories"), "x");

        VendoredRepository.Result result = repository().update(List.of(jar));

        assertThat(stray).doesNotExist();
        assertThat(result.removed()).isEqualTo(2);
        assertThat(result.unchanged()).isEqualTo(1);
    }

    @Test
    void anEditedVendoredFileIsReportedAndRepairedFromTheLocalRepository() throws Exception {
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "genuine");
        repository().update(List.of(jar));
        Path copy = vendored.resolve("org/example/lib/1.0/lib-1.0.jar");
        Files.writeString(copy, "evil");
        // Same size, same time stamp: only the bytes tell.
        Files.writeString(copy, "fake!!!");
        Files.writeString(vendored.resolve("org/example/lib/1.0/lib-1.0.jar.sha1"), sha1("fake!!!"));

        VendoredRepository.Result result = repository().update(List.of(jar));

        assertThat(Files.readString(copy)).isEqualTo("genuine");
        assertThat(Files.readString(vendored.resolve("org/example/lib/1.0/lib-1.0.jar.sha1")))
                .isEqualTo(sha1("genuine"));
        assertThat(result.repaired()).isEqualTo(1);
        assertThat(result.copied()).isZero();
        assertThat(result.repairs()).singleElement().asString()
                .contains("org.example:lib:jar:1.0", copy.toString(), digest("fake!!!"), digest("genuine"));
    }

    @Test
    void anEditedVendoredFileWhoseLocalCopyIsWrongTooIsRefusedAndDeleted() throws Exception {
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "genuine");
        VendoredRepository.Artifact other = localArtifact("org.example:other:1.0:jar", "other");
        repository().update(List.of(jar, other));
        Path copy = vendored.resolve("org/example/lib/1.0/lib-1.0.jar");
        Files.writeString(copy, "edited");
        Files.writeString(jar.source(), "altered too");

        assertThatThrownBy(() -> repository().update(List.of(jar, other)))
                .isInstanceOf(VendorException.class)
                .hasMessageContaining(jar.source().toString())
                .hasMessageContaining(copy.toString())
                .hasMessageContaining(digest("edited"))
                .hasMessageContaining(digest("altered too"))
                .hasMessageContaining(digest("genuine"))
                .hasMessageContaining("were deleted");
        // Never used: the edited file is gone; the good one stays.
        assertThat(copy).doesNotExist();
        assertThat(Files.readString(vendored.resolve("org/example/other/1.0/other-1.0.jar"))).isEqualTo("other");
    }

    @Test
    void aMissingOrWrongSha1FileIsWrittenAgain() throws Exception {
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "jar");
        repository().update(List.of(jar));
        Path sha1 = vendored.resolve("org/example/lib/1.0/lib-1.0.jar.sha1");
        Files.writeString(sha1, "0000000000000000000000000000000000000000");

        VendoredRepository.Result result = repository().update(List.of(jar));

        assertThat(Files.readString(sha1)).isEqualTo(sha1("jar"));
        assertThat(result.repaired()).isEqualTo(1);
        assertThat(result.bytesCopied()).isZero();
    }

    @Test
    void aDirectoryItDidNotWriteIsRefused() throws Exception {
        Files.createDirectories(vendored);
        Path precious = Files.writeString(vendored.resolve("notes.txt"), "mine");
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "jar");

        assertThatThrownBy(() -> repository().update(List.of(jar)))
                .isInstanceOf(VendorException.class)
                .hasMessageContaining(vendored.toString())
                .hasMessageContaining("did not write")
                .hasMessageContaining("hermetic.vendor.directory");
        assertThat(precious).hasContent("mine");
    }

    @Test
    void anEmptyExistingDirectoryIsUsed() throws Exception {
        Files.createDirectories(vendored);
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "jar");

        assertThat(repository().update(List.of(jar)).copied()).isEqualTo(1);
    }

    @Test
    void noStagingDirectoryIsLeftBehind() throws Exception {
        VendoredRepository.Artifact jar = localArtifact("org.example:lib:1.0:jar", "jar");
        VendoredRepository.Artifact bad = localArtifact("org.example:bad:1.0:jar", "bad");
        Files.writeString(bad.source(), "changed");
        repository().update(List.of(jar));
        assertThatThrownBy(() -> repository().update(List.of(jar, bad))).isInstanceOf(VendorException.class);

        try (Stream<Path> siblings = Files.list(vendored.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("repository");
        }
    }

    @Test
    void theStagingDirectoryOfAKilledRunIsDeleted() throws Exception {
        Path stale = Files.createDirectories(vendored.resolveSibling(".repository.staging-123/org/example"));
        Files.writeString(stale.resolve("half-copied.jar"), "half");

        repository().update(List.of(localArtifact("org.example:lib:1.0:jar", "jar")));

        try (Stream<Path> siblings = Files.list(vendored.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("repository");
        }
    }

    @Test
    void manyFilesInParallelAllArriveIntact() throws Exception {
        List<VendoredRepository.Artifact> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(localArtifact("org.example:a" + i + ":1.0:jar", "content " + i + "x".repeat(i * 97)));
        }

        VendoredRepository.Result result = repository().update(many);

        assertThat(result.copied()).isEqualTo(300);
        for (VendoredRepository.Artifact a : many) {
            Path copy = vendored.resolve(a.coordinates().repositoryPath());
            assertThat(HexDigests.digest(copy, DigestAlgorithm.SHA_256)).isEqualTo(a.digest());
        }
    }

    @Test
    void aMismatchOnALaterRunMovesNothingIntoPlaceAndRemovesNothing() throws Exception {
        VendoredRepository.Artifact kept = localArtifact("org.example:kept:1.0:jar", "kept");
        VendoredRepository.Artifact old = localArtifact("org.example:lib:1.0:jar", "one");
        repository().update(List.of(kept, old));
        List<String> before = files(vendored);
        VendoredRepository.Artifact newer = localArtifact("org.example:lib:1.1:jar", "one point one");
        VendoredRepository.Artifact bad = localArtifact("org.example:bad:1.0:jar", "bad");
        Files.writeString(bad.source(), "altered");

        assertThatThrownBy(() -> repository().update(List.of(kept, newer, bad)))
                .isInstanceOf(VendorException.class)
                .hasMessageContaining("wrote nothing")
                .hasMessageContaining("org.example:bad:jar:1.0");

        // The good new file was staged but not moved in, and the one it replaces was not pruned.
        assertThat(files(vendored)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(vendored.resolve("org/example/lib/1.1")).doesNotExist();
        assertThat(Files.readString(vendored.resolve("org/example/lib/1.0/lib-1.0.jar"))).isEqualTo("one");
    }

    @Test
    void theSameArtifactsInAnyOrderGiveTheSameFiles() throws Exception {
        List<VendoredRepository.Artifact> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Some larger than the read buffer, several per directory (jar and pom of one version).
            String content = "content " + i + "x".repeat(i % 7 == 0 ? 200_000 + i : i * 31);
            many.add(localArtifact("org.example.g" + i % 5 + ":a" + i / 2 + ":1." + i / 2 + ":"
                    + (i % 2 == 0 ? "jar" : "pom"), content));
        }
        List<VendoredRepository.Artifact> shuffled = new ArrayList<>(many);
        java.util.Collections.shuffle(shuffled, new java.util.Random(17));
        Path other = dir.resolve("other/repository");

        repository().update(many);
        new VendoredRepository(other, DigestAlgorithm.SHA_256).update(shuffled);

        List<String> names = files(vendored);
        assertThat(names).hasSize(2 * many.size() + 1).containsExactlyInAnyOrderElementsOf(files(other));
        for (String name : names) {
            assertThat(Files.readAllBytes(other.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(vendored.resolve(name)));
        }
    }

    private VendoredRepository repository() {
        return new VendoredRepository(vendored, DigestAlgorithm.SHA_256);
    }

    /** An artifact in the local repository, locked with the digest of {@code content}. */
    private VendoredRepository.Artifact localArtifact(String gav, String content) throws Exception {
        String[] p = gav.split(":");
        ArtifactCoordinates c = new ArtifactCoordinates(p[0], p[1], p[2], p[3], "");
        Path file = local.resolve(c.repositoryPath());
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return new VendoredRepository.Artifact(c, digest(content), file);
    }

    private static String digest(String content) {
        return HexDigests.digest(content.getBytes(StandardCharsets.UTF_8), DigestAlgorithm.SHA_256);
    }

    private static String sha1(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> files(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).toList();
        }
    }
}
