package dev.hermetic.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file's content all at once: readers see the old file or the new one, never a half-written file, and a
 * failed write leaves no temporary file behind. The one place in the project that writes a file into place.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /** What fills the temporary file before it is moved over the target. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /** Writes {@code content} to a temporary file next to {@code target}, then moves it into place. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, temporary -> Files.write(temporary, content));
    }

    /** Writes {@code text} as UTF-8 to a temporary file next to {@code target}, then moves it into place. */
    public static void write(Path target, CharSequence text) throws IOException {
        write(target, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /**
     * Creates the target's directory if needed, lets {@code content} fill a temporary file next to {@code target},
     * then moves it into place; the temporary file is deleted when anything fails.
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = temporaryBeside(absolute);
        try {
            content.writeTo(temporary);
            moveOver(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates an empty temporary file in {@code target}'s directory: same directory, so that {@link #moveOver} is a
     * rename on one file system. The caller deletes it if it does not move it.
     */
    public static Path temporaryBeside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        // Not Files.createTempFile: seeding its SecureRandom costs milliseconds in a cold JVM (bench/NOTES.md).
        // The names need only be unique: O_EXCL creation never follows a planted link, and a taken name is skipped.
        for (int attempt = 1; ; attempt++) {
            Path candidate = directory.resolve("." + absolute.getFileName() + "."
                    + Long.toUnsignedString(TEMPORARY_NAMES.getAndIncrement(), 36) + ".tmp");
            try {
                return posix ? Files.createFile(candidate, PRIVATE) : Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 1000) {
                    throw e;
                }
            }
        }
    }

    /** Numbers for temporary names, from a start that differs between JVMs (package-private for a test). */
    static final AtomicLong TEMPORARY_NAMES = new AtomicLong(System.nanoTime());

    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** What a new file gets where the file system has POSIX permissions: readable by all, like a file {@code git} checks out. */
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Moves {@code temporary} over {@code target}: atomically where the file system can, else by replacing it. The
     * result keeps the target's permissions, or gets {@code rw-r--r--} when it is new: temporary files are created
     * {@code rw-------}, which must not leak into a lockfile or an artifact.
     */
    public static void moveOver(Path temporary, Path target) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE_PERMISSIONS);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
