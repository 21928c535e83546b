package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.FileDigester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Digests of a set of files, each distinct file read once, in parallel: a reactor uses the same jar in many modules,
 * and hashing is I/O- and CPU-bound in roughly equal parts.
 */
final class FileHashes {

    /** Digest and size of one file. */
    record Hash(String digest, long size) {}

    private final Map<Path, Hash> hashes;
    private final int filesRead;
    private final long bytesRead;

    private FileHashes(Map<Path, Hash> hashes, int filesRead, long bytesRead) {
        this.hashes = hashes;
        this.filesRead = filesRead;
        this.bytesRead = bytesRead;
    }

    /**
     * @param files files to hash; duplicates (after {@link Path#normalize()} of the absolute path) are read once
     * @throws IOException the first file that could not be read, naming it
     */
    static FileHashes of(Collection<Path> files, DigestAlgorithm algorithm) throws IOException {
        LinkedHashSet<Path> distinct = new LinkedHashSet<>();
        for (Path f : files) {
            distinct.add(key(f));
        }
        Map<Path, Hash> result = new ConcurrentHashMap<>();
        // Counted as read, not as stored: the counts are what the report calls "files hashed".
        AtomicInteger filesRead = new AtomicInteger();
        AtomicLong bytesRead = new AtomicLong();
        try {
            distinct.parallelStream().forEach(f -> {
                try {
                    long size = Files.size(f);
                    result.put(f, new Hash(FileDigester.digest(f, algorithm), size));
                    filesRead.incrementAndGet();
                    bytesRead.addAndGet(size);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new FileHashes(result, filesRead.get(), bytesRead.get());
    }

    /** @return the hash of a file given to {@link #of} */
    Hash get(Path file) {
        Hash h = hashes.get(key(file));
        if (h == null) {
            throw new IllegalArgumentException("File was not hashed: " + file);
        }
        return h;
    }

    /** Number of files read. */
    int fileCount() {
        return filesRead;
    }

    /** Total size of the files read. */
    long byteCount() {
        return bytesRead;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
