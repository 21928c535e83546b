package dev.hermetic.lock;

import java.io.IOException;
import java.nio.file.Path;

/** A lockfile cannot be read: its message names the file, the line number, what is wrong and what to do. */
public class LockfileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    /**
     * @param file the lockfile
     * @param line 1-based line number, or 0 when the problem is the file as a whole (e.g. empty)
     * @param problem what is wrong, with the offending value and the fix
     */
    public LockfileFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The message without the file and line prefix. */
    public String problem() {
        return problem;
    }
}
