package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileCacheTest {

    @TempDir
    Path dir;

    @Test
    void theSameBytesAreParsedOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("hermetic.lock"), LockfileReaderTest.VALID_3);
        LockfileCache cache = new LockfileCache();
        LockfileCache.Read first = cache.read(file);
        LockfileCache.Read second = cache.read(file);
        assertThat(second.lockfile()).isSameAs(first.lockfile());
        assertThat(first.sha256()).isEqualTo(MultiDigest.of(Files.readAllBytes(file),
                EnumSet.of(DigestAlgorithm.SHA_256)).hex(DigestAlgorithm.SHA_256));
    }

    @Test
    void bytesChangedUnderTheSamePathSizeAndTimeAreParsedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("hermetic.lock"), LockfileReaderTest.VALID_3);
        FileTime time = Files.getLastModifiedTime(file);
        LockfileCache cache = new LockfileCache();
        LockfileCache.Read before = cache.read(file);

        String changed = LockfileReaderTest.VALID_3.replace(LockfileReaderTest.H1, "3".repeat(64));
        assertThat(changed).hasSameSizeAs(LockfileReaderTest.VALID_3);
        Files.writeString(file, changed);
        Files.setLastModifiedTime(file, time);
        LockfileCache.Read after = cache.read(file);

        assertThat(after.sha256()).isNotEqualTo(before.sha256());
        assertThat(after.lockfile().artifacts().get(0).digest()).isEqualTo("3".repeat(64));
        assertThat(before.lockfile().artifacts().get(0).digest()).isEqualTo(LockfileReaderTest.H1);
    }

    @Test
    void aMalformedLockfileIsRefusedEveryTimeItIsRead() throws Exception {
        Path file = Files.write(dir.resolve("hermetic.lock"), "format 3\nnonsense\n".getBytes(StandardCharsets.UTF_8));
        LockfileCache cache = new LockfileCache();
        assertThatThrownBy(() -> cache.read(file)).isInstanceOf(LockfileFormatException.class)
                .hasMessageContaining("hermetic.lock");
        assertThatThrownBy(() -> cache.read(file)).isInstanceOf(LockfileFormatException.class);
    }
}
