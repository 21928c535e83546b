package dev.hermetic.lock;

import java.nio.file.Path;

/**
 * A lockfile in an earlier format version, written by an earlier version of this plugin. Not a sign of tampering:
 * re-locking rewrites it, and the diff shows only what the newer format adds.
 */
public class OutdatedLockfileException extends LockfileFormatException {

    private static final long serialVersionUID = 1L;

    private final int foundVersion;

    OutdatedLockfileException(Path file, int line, int foundVersion) {
        super(file, line, "format " + foundVersion + " was written by an earlier version of this plugin; this version "
                + "reads format " + Lockfile.FORMAT_VERSION + ", which also records which plugin pulled each plugin "
                + "dependency and run-time resolution in. Rewrite it with `" + Lockfile.LOCK_COMMAND + "`, review "
                + "the diff (no checksum may change: only the format line and the last field of artifact lines) and "
                + "commit it.");
        this.foundVersion = foundVersion;
    }

    /** The format version the file declares. */
    public int foundVersion() {
        return foundVersion;
    }
}
