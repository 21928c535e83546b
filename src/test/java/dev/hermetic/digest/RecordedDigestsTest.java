package dev.hermetic.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded digest vouches only for the file as it was stamped before the read. */
class RecordedDigestsTest {

    @TempDir
    Path dir;

    private final RecordedDigests recorded = new RecordedDigests();

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "as signed");
        FileStamp stamp = FileStamp.of(jar);
        // Not the file's real digest: proves the recorded one is given out, not a new read's.
        recorded.record(jar, stamp, Map.of(DigestAlgorithm.SHA_512, "recorded"));

        RecordedDigests.Measured measured = recorded.measure(dir.resolve("./a.jar"), DigestAlgorithm.SHA_512);

        assertThat(measured).isEqualTo(new RecordedDigests.Measured(9, Map.of(DigestAlgorithm.SHA_512, "recorded")));
    }

    @Test
    void aFileWrittenAfterItsStampIsReadAgainEvenWithTheSameSize() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "as signed");
        FileStamp stamp = FileStamp.of(jar);
        recorded.record(jar, stamp, Map.of(DigestAlgorithm.SHA_512, "recorded"));
        Files.writeString(jar, "tampered");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(stamp.modified().toMillis() + 2000));

        assertThat(recorded.find(jar, DigestAlgorithm.SHA_512)).isEmpty();
        assertThat(recorded.measure(jar, DigestAlgorithm.SHA_512)).isEqualTo(new RecordedDigests.Measured(8,
                Map.of(DigestAlgorithm.SHA_512, HexDigests.digest(jar, DigestAlgorithm.SHA_512))));

        Files.writeString(jar, "tampere!"); // same size, only the modified time tells
        Files.setLastModifiedTime(jar, FileTime.fromMillis(stamp.modified().toMillis() + 4000));
        assertThat(recorded.measure(jar, DigestAlgorithm.SHA_512).digests())
                .containsEntry(DigestAlgorithm.SHA_512, HexDigests.digest(jar, DigestAlgorithm.SHA_512));
    }

    @Test
    void anotherSizeAtTheSameTimeIsReadAgain() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "as signed");
        FileStamp stamp = FileStamp.of(jar);
        recorded.record(jar, stamp, Map.of(DigestAlgorithm.SHA_512, "recorded"));
        Files.writeString(jar, "as signed, and more");
        Files.setLastModifiedTime(jar, stamp.modified());

        assertThat(recorded.find(jar, DigestAlgorithm.SHA_512)).isEmpty();
    }

    @Test
    void aNewFileMovedOverItIsReadAgainEvenWithTheSameSizeAndTime() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "as signed");
        FileStamp stamp = FileStamp.of(jar);
        recorded.record(jar, stamp, Map.of(DigestAlgorithm.SHA_512, "recorded"));
        Path other = Files.writeString(dir.resolve("other"), "tampered");
        Files.writeString(other, "as signe!");
        Files.setLastModifiedTime(other, stamp.modified());
        Files.move(other, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(stamp.fileKey()).as("an inode on this file system").isNotNull();
        assertThat(recorded.find(jar, DigestAlgorithm.SHA_512)).isEmpty();
    }

    @Test
    void aDigestNotRecordedOrAFileGoneIsNotGivenOut() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "as signed");
        recorded.record(jar, FileStamp.of(jar), Map.of(DigestAlgorithm.SHA_256, "recorded"));

        assertThat(recorded.find(jar, DigestAlgorithm.SHA_512)).isEmpty();
        Files.delete(jar);
        assertThat(recorded.find(jar, DigestAlgorithm.SHA_256)).isEmpty();
        assertThat(recorded.find(dir.resolve("never.jar"), DigestAlgorithm.SHA_256)).isEmpty();
    }
}
