package dev.hermetic.lock;

import java.nio.file.Path;

/**
 * A lockfile in an earlier format version, written by an earlier version of this plugin. Not a sign of tampering:
 * re-locking rewrites it, and the diff shows only what the newer format adds.
 */
public class OutdatedLockfileException extends LockfileFormatException {

    private static final long serialVersionUID = 1L;

    private final int foundVersion;

    OutdatedLockfileException(Path file, int line, int foundVersion, String lockCommand) {
        super(file, line, "format " + foundVersion + " was written by an earlier version of this plugin; this version "
                + "reads format " + Lockfile.OLDEST_READABLE_FORMAT + " and later, which also record which plugin "
                + "pulled each plugin dependency and run-time resolution in. Rewrite it with `" + lockCommand
                + "`, review the diff (no checksum may change: only the format line, the build line and the last "
                + "fields of artifact lines) and commit it.");
        this.foundVersion = foundVersion;
    }

    /** The format version the file declares. */
    public int foundVersion() {
        return foundVersion;
    }
}
