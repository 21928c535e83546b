package dev.hermetic.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A file's size, last-modified time and identity (its inode, where the file system has one), taken before its bytes
 * are read: a digest recorded with it ({@link RecordedDigests}) is trusted again only while the file still has all
 * three, so a write after the stamp (which moves the modified time), or a new file moved over it (a new inode), sends
 * the file to be read again. A rename keeps all three: a file staged beside its target and moved into place is
 * stamped before the move.
 *
 * @param fileKey the file system's identity of the file ({@link BasicFileAttributes#fileKey()}), null where none
 */
public record FileStamp(long size, FileTime modified, Object fileKey) {

    /** The file's stamp now. */
    public static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }

    /** The file's stamp now, or empty when it cannot be read (the read that follows says why). */
    public static Optional<FileStamp> find(Path file) {
        try {
            return Optional.of(of(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
