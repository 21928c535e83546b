package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.ENV;
import static dev.hermetic.lock.LockFixtures.put;
import static dev.hermetic.lock.LockFixtures.use;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.FileDigester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashCacheTest {

    @TempDir
    Path repo;

    Path cacheFile;
    Path jar;
    List<UsedArtifact> used;
    Lockfile lock;

    @BeforeEach
    void lockOneJar() throws Exception {
        cacheFile = repo.resolve(".hermetic/file-hashes-sha-256.txt");
        jar = put(repo, "org.example:lib:jar:1.0", "lib 1.0");
        used = List.of(use(repo, "org.example:lib:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "g:app"));
        lock = Lockfile.create(used, DigestAlgorithm.SHA_256, ENV);
    }

    /** Whether this file system has the "unix" view (ctime); elsewhere the cache is off by design. */
    boolean unixView() {
        try {
            Files.readAttributes(jar, "unix:ctime");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    VerificationReport verifyWithCache() throws Exception {
        FileHashCache cache = FileHashCache.open(cacheFile, DigestAlgorithm.SHA_256);
        VerificationReport report = new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.WARN, Policy.FAIL)
                .verify(used, ENV, cache);
        cache.save();
        return report;
    }

    @Test
    void aSettledFileIsHashedOnceThenVouchedFor() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(unixView(), "no unix attribute view here");
        // ctime cannot be set back, so wait until the file has settled rather than faking its times.
        Thread.sleep(FileHashCache.SETTLE_MILLIS + 100);

        VerificationReport first = verifyWithCache();
        assertThat(first.passed()).isTrue();
        assertThat(first.filesHashed()).isEqualTo(1);
        assertThat(first.filesUnchanged()).isZero();
        assertThat(first.summary()).startsWith("1 artifacts verified (1 files, 0.0 MB hashed in ");
        assertThat(Files.readAllLines(cacheFile)).hasSize(2)
                .last().asString().contains(FileDigester.digest(jar, DigestAlgorithm.SHA_256)).endsWith(" " + jar);

        VerificationReport second = verifyWithCache();
        assertThat(second.passed()).isTrue();
        assertThat(second.filesHashed()).isZero();
        assertThat(second.filesUnchanged()).isEqualTo(1);
        assertThat(second.summary()).startsWith("1 artifacts verified (1 files, 0.0 MB: 0 hashed, 1 unchanged since "
                + "hashed before; ");
    }

    @Test
    void aChangedFileIsHashedAgainEvenWithItsSizeAndModificationTimeRestored() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(unixView(), "no unix attribute view here");
        FileTime mtime = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(jar, mtime);
        Thread.sleep(FileHashCache.SETTLE_MILLIS + 100);
        assertThat(verifyWithCache().filesHashed()).isEqualTo(1);

        // Same length, same modification time: only ctime (and the contents) tell.
        Files.writeString(jar, "lib 6.6");
        Files.setLastModifiedTime(jar, mtime);
        VerificationReport report = verifyWithCache();
        assertThat(report.filesHashed()).isEqualTo(1);
        assertThat(report.filesUnchanged()).isZero();
        assertThat(report.findings(Finding.Kind.DIGEST_MISMATCH)).hasSize(1);
        // The mismatch is the file's real digest, recorded as such: the next run still fails.
        assertThat(report.findings().get(0).actual()).isEqualTo(FileDigester.digest(jar, DigestAlgorithm.SHA_256));
    }

    @Test
    void aFileChangedJustBeforeHashingIsNotRecorded() throws Exception {
        // A modification time in the future is "just changed" however slow this machine is.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
        FileHashCache cache = FileHashCache.open(cacheFile, DigestAlgorithm.SHA_256);
        new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.WARN, Policy.FAIL).verify(used, ENV, cache);
        assertThat(cache.size()).isZero();
        cache.save();
        assertThat(verifyWithCache().filesHashed()).isEqualTo(1);
    }

    @Test
    void aDamagedOrForeignRecordIsIgnored() throws Exception {
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, "hermetic-file-hashes 1 SHA-256\n1 2 3 4 not-a-line\n");
        assertThat(FileHashCache.open(cacheFile, DigestAlgorithm.SHA_256).size()).isZero();
        Files.writeString(cacheFile, "hermetic-file-hashes 1 SHA-512\n1 2 3 4 5 " + "a".repeat(128) + " " + jar + "\n");
        assertThat(FileHashCache.open(cacheFile, DigestAlgorithm.SHA_256).size()).isZero();
        // A forged line with the wrong stamp vouches for nothing.
        Files.writeString(cacheFile, "hermetic-file-hashes 1 SHA-256\n1 2 7 4 5 " + "a".repeat(64) + " " + jar + "\n");
        FileHashCache cache = FileHashCache.open(cacheFile, DigestAlgorithm.SHA_256);
        assertThat(cache.size()).isEqualTo(1);
        VerificationReport report = new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.WARN, Policy.FAIL)
                .verify(used, ENV, cache);
        assertThat(report.passed()).isTrue();
        assertThat(report.filesHashed()).isEqualTo(1);
    }

    @Test
    void aRecordThatCannotBeWrittenIsReportedNotThrown() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(unixView(), "no unix attribute view here");
        Thread.sleep(FileHashCache.SETTLE_MILLIS + 100);
        // Where the record's directory should be, a file: writing must fail.
        Files.createDirectories(cacheFile.getParent().getParent());
        Files.writeString(cacheFile.getParent(), "in the way");
        FileHashCache cache = FileHashCache.open(cacheFile, DigestAlgorithm.SHA_256);
        new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.WARN, Policy.FAIL).verify(used, ENV, cache);
        assertThat(cache.size()).as("the settled file was recorded in memory").isEqualTo(1);
        assertThat(cache.saveIfPossible()).isFalse();
        assertThatThrownBy(cache::save).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aDisabledCacheHashesEveryFileAndWritesNothing() throws Exception {
        VerificationReport report = new LockfileVerifier(lock, List.of(), Policy.WARN, Policy.WARN, Policy.FAIL)
                .verify(used, ENV, FileHashCache.disabled());
        FileHashCache.disabled().save();
        assertThat(report.filesHashed()).isEqualTo(1);
        assertThat(cacheFile).doesNotExist();
    }

    @Test
    void aMissingFileIsAFindingNotAnError() throws Exception {
        Files.delete(jar);
        VerificationReport report = verifyWithCache();
        assertThat(report.findings(Finding.Kind.MISSING_FILE)).hasSize(1);
        assertThat(report.passed()).isFalse();
    }
}
