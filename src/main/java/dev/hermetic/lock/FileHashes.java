package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.FileDigester;
import dev.hermetic.digest.FileDigests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Digests of a set of files, each distinct file read once, in parallel: a reactor uses the same jar in many modules,
 * and hashing is I/O- and CPU-bound in roughly equal parts. A {@link FileHashCache} can vouch for files unchanged since
 * an earlier run, which are then not read.
 */
final class FileHashes {

    /** Digest and size of one file. */
    record Hash(String digest, long size) {}

    /** Stands for "no stamp" in a map that cannot hold null. */
    private static final FileHashCache.Stamp NO_STAMP = new FileHashCache.Stamp(0, 0, 0, 0, 0);

    private final Map<Path, Hash> hashes;
    private final int filesRead;
    private final long bytesRead;
    private final int filesReused;
    private final long bytesReused;

    private FileHashes(Map<Path, Hash> hashes, int filesRead, long bytesRead, int filesReused, long bytesReused) {
        this.hashes = hashes;
        this.filesRead = filesRead;
        this.bytesRead = bytesRead;
        this.filesReused = filesReused;
        this.bytesReused = bytesReused;
    }

    /** Hashes every file (no cache). */
    static FileHashes of(Collection<Path> files, DigestAlgorithm algorithm) throws IOException {
        return of(files, algorithm, FileHashCache.disabled());
    }

    /**
     * @param files files to hash; duplicates (after {@link Path#normalize()} of the absolute path) are read once;
     *     a file that does not exist is left out ({@link #get} returns null for it)
     * @param cache digests of unchanged files from earlier runs; what is hashed now is recorded in it
     * @throws IOException the first existing file that could not be read, naming it
     */
    static FileHashes of(Collection<Path> files, DigestAlgorithm algorithm, FileHashCache cache) throws IOException {
        LinkedHashSet<Path> distinct = new LinkedHashSet<>();
        for (Path f : files) {
            distinct.add(key(f));
        }
        Map<Path, Hash> result = new ConcurrentHashMap<>();
        long started = System.currentTimeMillis();
        // First what the cache vouches for: one stat per file, sequentially (cheaper than a parallel stream's set-up
        // when nothing needs reading).
        Map<Path, FileHashCache.Stamp> toHash = new LinkedHashMap<>();
        int filesReused = 0;
        long bytesReused = 0;
        for (Path f : distinct) {
            FileHashCache.Stamp stamp;
            try {
                stamp = cache.stamp(f);
            } catch (NoSuchFileException e) {
                continue; // left out: the caller reports a missing file in its own words
            }
            String known = cache.lookup(f, stamp);
            if (known != null) {
                result.put(f, new Hash(known, stamp.size()));
                filesReused++;
                bytesReused += stamp.size();
            } else if (stamp != null || Files.isRegularFile(f)) {
                toHash.put(f, stamp == null ? NO_STAMP : stamp);
            }
        }
        // Counted as read, not as stored: the counts are what the report calls "files hashed".
        AtomicInteger filesRead = new AtomicInteger();
        AtomicLong bytesRead = new AtomicLong();
        // This run's read buffers, one per worker at a time: the common pool's threads outlive the run.
        Queue<byte[]> buffers = new ConcurrentLinkedQueue<>();
        try {
            toHash.entrySet().parallelStream().forEach(e -> {
                Path f = e.getKey();
                FileHashCache.Stamp stamp = e.getValue() == NO_STAMP ? null : e.getValue();
                byte[] pooled = buffers.poll();
                byte[] buffer = pooled != null ? pooled : new byte[FileDigests.BUFFER_SIZE];
                try {
                    long size = stamp != null ? stamp.size() : Files.size(f);
                    String digest = FileDigester.digest(f, algorithm, buffer);
                    cache.record(f, stamp, digest, started);
                    result.put(f, new Hash(digest, size));
                    filesRead.incrementAndGet();
                    bytesRead.addAndGet(size);
                } catch (NoSuchFileException gone) {
                    // Deleted meanwhile: left out, reported missing by the caller.
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                } finally {
                    buffers.add(buffer);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new FileHashes(result, filesRead.get(), bytesRead.get(), filesReused, bytesReused);
    }

    /** @return the hash of a file given to {@link #of}, or null if it did not exist */
    Hash get(Path file) {
        return hashes.get(key(file));
    }

    /** Number of files read. */
    int fileCount() {
        return filesRead;
    }

    /** Total size of the files read. */
    long byteCount() {
        return bytesRead;
    }

    /** Number of files the cache vouched for, not read. */
    int reusedFileCount() {
        return filesReused;
    }

    /** Total size of the files not read. */
    long reusedByteCount() {
        return bytesReused;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
