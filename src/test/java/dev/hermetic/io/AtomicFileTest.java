package dev.hermetic.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesOnlyTheTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("a.txt"), "old content, longer than the new one");

        AtomicFile.write(target, "new");

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(listing(dir)).containsExactly("a.txt");
    }

    @Test
    void aNewFileIsReadableByAllNotOnlyByItsOwner() throws Exception {
        // Temporary files are created 0600; a lockfile or an artifact moved into place must not keep that.
        Path target = dir.resolve("hermetic.lock");

        AtomicFile.write(target, "x");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path target = Files.writeString(dir.resolve("run.sh"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-x---"));

        AtomicFile.write(target, "new");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-x---");
    }

    @Test
    void writesTextAsUtf8AndBytesAsTheyAre() throws Exception {
        AtomicFile.write(dir.resolve("text"), "\u00e9\u20ac");
        AtomicFile.write(dir.resolve("bytes"), new byte[] {0, (byte) 0xff, 10});

        assertThat(Files.readAllBytes(dir.resolve("text"))).isEqualTo("\u00e9\u20ac".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(dir.resolve("bytes"))).containsExactly(0, 0xff, 10);
    }

    @Test
    void createsTheTargetDirectory() throws Exception {
        Path target = dir.resolve("x/y/z.lock");

        AtomicFile.write(target, "content");

        assertThat(Files.readString(target)).isEqualTo("content");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesTheTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("keep.asc"), "previous");

        assertThatThrownBy(() -> AtomicFile.write(target, temporary -> {
            Files.writeString(temporary, "half");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("previous");
        assertThat(listing(dir)).containsExactly("keep.asc");
    }

    @Test
    void theTemporaryFileIsHiddenInTheTargetsDirectory() throws Exception {
        Path target = dir.resolve("lib.jar");

        Path temporary = AtomicFile.temporaryBeside(target);

        assertThat(temporary.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(temporary.getFileName().toString()).startsWith(".lib.jar.").endsWith(".tmp");
        AtomicFile.moveOver(temporary, target);
        assertThat(listing(dir)).containsExactly("lib.jar");
    }

    @Test
    void temporaryFilesAreNewPrivateAndDistinct() throws Exception {
        Path target = dir.resolve("lib.jar");

        Path first = AtomicFile.temporaryBeside(target);
        Path second = AtomicFile.temporaryBeside(target);

        assertThat(first).isNotEqualTo(second);
        assertThat(first).isEmptyFile();
        assertThat(second).isEmptyFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-------");
        assertThat(listing(dir)).hasSize(2).allMatch(name -> name.startsWith(".lib.jar.") && name.endsWith(".tmp"));
    }

    @Test
    void aTemporaryNameAlreadyTakenIsSkippedNotOpened() throws Exception {
        Path target = dir.resolve("lib.jar");
        String next = Long.toUnsignedString(AtomicFile.TEMPORARY_NAMES.get(), 36);
        Path taken = Files.writeString(dir.resolve(".lib.jar." + next + ".tmp"), "someone else's");

        Path temporary = AtomicFile.temporaryBeside(target);

        assertThat(temporary).isNotEqualTo(taken).isEmptyFile();
        assertThat(taken).hasContent("someone else's");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
