package dev.hermetic.archive;

import java.io.IOException;
import java.nio.file.Path;

/** An archive that cannot be normalized safely: names the file, the entry (if any) and the problem. */
public class ArchiveProblemException extends IOException {

    private final Path file;
    private final String entry;

    public ArchiveProblemException(Path file, String entry, String problem) {
        this(file, entry, problem, null);
    }

    public ArchiveProblemException(Path file, String entry, String problem, Throwable cause) {
        super(file + (entry == null ? "" : " entry '" + entry + "'") + ": " + problem, cause);
        this.file = file;
        this.entry = entry;
    }

    public Path file() {
        return file;
    }

    /** The entry name, or {@code null} when the problem is the archive as a whole. */
    public String entry() {
        return entry;
    }
}
