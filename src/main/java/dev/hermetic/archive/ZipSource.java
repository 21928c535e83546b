package dev.hermetic.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One zip being normalized, the top-level one or a nested one: its bytes, its central directory, and where it
 * sits, for messages.
 *
 * @param file the file named in messages
 * @param prefix entry-name path of a nested archive ("BOOT-INF/lib/a.jar!/"), "" at the top level
 * @param depth how deep it is nested, 0 at the top level
 */
record ZipSource(RandomAccessInput in, ZipCentralDirectory cd, Path file, String prefix, int depth) {

    ArchiveProblemException problem(ZipEntryRecord e, String message) {
        return ZipCentralDirectory.problem(file, prefix, e.name(), message);
    }

    /** Position of the entry's data, after reading and checking its local header. */
    long dataStart(ZipEntryRecord e) throws IOException {
        return ZipCentralDirectory.dataStart(in, e, file, prefix);
    }

    /** Position of the entry's data, from its local header's 30 fixed bytes at {@code bytes[at]}. */
    long dataStart(byte[] bytes, int at, ZipEntryRecord e) throws ArchiveProblemException {
        return ZipCentralDirectory.dataStart(bytes, at, e, file, prefix);
    }
}
