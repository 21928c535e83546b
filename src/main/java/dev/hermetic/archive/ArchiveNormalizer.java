package dev.hermetic.archive;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Normalizes one file in place: detects by content whether it is a zip (jar, war, ear, zip, ...), a tar or a
 * gzip-compressed tar, and rewrites it deterministically. Writes to a temporary file next to the original
 * and moves it into place atomically; on any failure the original is untouched. Thread-safe: one instance may
 * normalize many files concurrently.
 */
public final class ArchiveNormalizer {

    private final NormalizationOptions options;

    public ArchiveNormalizer(NormalizationOptions options) {
        this.options = options;
    }

    public NormalizationOptions options() {
        return options;
    }

    /**
     * @throws ArchiveProblemException for corrupt, truncated, unsafe or otherwise unacceptable input
     * @throws IOException when the file cannot be read or written
     */
    public NormalizationResult normalize(Path file) throws IOException {
        throw new UnsupportedOperationException("to be implemented");
    }
}
