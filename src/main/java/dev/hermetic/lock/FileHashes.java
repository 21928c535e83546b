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

/**
 * Digests of a set of files, each distinct file read once, in parallel: a reactor uses the same jar in many modules,
 * and hashing is I/O- and CPU-bound in roughly equal parts.
 */
final class FileHashes {

    /** Digest and size of one file. */
    record Hash(String digest, long size) {}

    private final Map<Path, Hash> hashes;

    private FileHashes(Map<Path, Hash> hashes) {
        this.hashes = hashes;
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
        try {
            distinct.parallelStream().forEach(f -> {
                try {
                    long size = Files.size(f);
                    result.put(f, new Hash(FileDigester.digest(f, algorithm), size));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new FileHashes(result);
    }

    /** @return the hash of a file given to {@link #of} */
    Hash get(Path file) {
        Hash h = hashes.get(key(file));
        if (h == null) {
            throw new IllegalArgumentException("File was not hashed: " + file);
        }
        return h;
    }

    /** Number of distinct files read. */
    int fileCount() {
        return hashes.size();
    }

    /** Total size of the distinct files read. */
    long byteCount() {
        return hashes.values().stream().mapToLong(Hash::size).sum();
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
