package dev.hermetic.archive;

import java.nio.file.Path;

/**
 * What happened to one file.
 *
 * @param file the file
 * @param outcome what was done
 * @param entries number of entries in the result (0 when not an archive)
 * @param detail a short explanation for the log (e.g. why a file was skipped)
 * @param sha256 lowercase hex SHA-256 of the file as the call left it (what gets signed, deployed and referenced)
 */
public record NormalizationResult(Path file, Outcome outcome, int entries, String detail, String sha256) {

    public enum Outcome {
        /** The file was rewritten. */
        NORMALIZED,
        /** The file was already normalized: not a byte changed, the file was not touched. */
        UNCHANGED,
        /** Not a zip or tar archive: left alone. */
        NOT_AN_ARCHIVE,
        /** A signed jar (META-INF/*.SF): left byte-for-byte alone because rewriting breaks the signature. */
        SKIPPED_SIGNED
    }
}
