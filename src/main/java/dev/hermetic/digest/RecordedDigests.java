package dev.hermetic.digest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Digests of files as one build read them (for signing), kept in memory for the rest of that build so a later step
 * that lists the same files (a {@code .buildinfo}) need not read them again. Each digest is recorded with the
 * {@link FileStamp} its file had before the read, and given out only while the file still has that stamp: a file
 * written since (other size or modified time) is read again. Nothing is stored on disk or outlives the build. Safe
 * for modules built in parallel.
 */
public final class RecordedDigests {

    /**
     * A file's length and digests.
     *
     * @param digests lowercase hex, at least those asked for
     */
    public record Measured(long length, Map<DigestAlgorithm, String> digests) {
        public Measured {
            digests = Map.copyOf(digests);
        }
    }

    private record Entry(FileStamp stamp, Map<DigestAlgorithm, String> digests) {}

    private final ConcurrentMap<Path, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Records the digests of the bytes read from {@code file}.
     *
     * @param stampBeforeRead the file's stamp taken before the read began
     */
    public void record(Path file, FileStamp stampBeforeRead, Map<DigestAlgorithm, String> digests) {
        Objects.requireNonNull(stampBeforeRead, "stampBeforeRead");
        entries.put(key(file), new Entry(stampBeforeRead, Map.copyOf(digests)));
    }

    /**
     * The recorded digests of {@code file}, when it still has the stamp it had before they were read and they
     * include {@code algorithm}; else empty.
     */
    public Optional<Measured> find(Path file, DigestAlgorithm algorithm) {
        Entry entry = entries.get(key(file));
        if (entry == null || !entry.digests().containsKey(algorithm)) {
            return Optional.empty();
        }
        Optional<FileStamp> now = FileStamp.find(file);
        if (now.isEmpty() || !now.get().equals(entry.stamp())) {
            return Optional.empty();
        }
        return Optional.of(new Measured(entry.stamp().size(), entry.digests()));
    }

    /**
     * The length and {@code algorithm} digest of {@code file}: recorded ones when it is unchanged since, else read
     * now (and recorded).
     */
    public Measured measure(Path file, DigestAlgorithm algorithm) throws IOException {
        Optional<Measured> recorded = find(file, algorithm);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        FileStamp stamp = FileStamp.of(file);
        Map<DigestAlgorithm, String> digests = MultiDigest.read(file, EnumSet.of(algorithm)).hex();
        record(file, stamp, digests);
        return new Measured(stamp.size(), digests);
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
