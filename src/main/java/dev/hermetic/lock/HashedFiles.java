package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.digest.MultiDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Digests of a set of files, each distinct file read once, in parallel: a reactor uses the same jar in many modules,
 * and hashing is I/O- and CPU-bound in roughly equal parts. Every file is read on every call: nothing on disk (a record
 * of earlier digests, a file's size or time stamps) may stand in for its bytes, since whoever can change a file in the
 * local repository can change such a record too.
 */
final class HashedFiles {

    /** Digest and size of one file. */
    record Hash(String digest, long size) {}

    private final Map<Path, Hash> hashes;
    private final long bytesRead;

    private HashedFiles(Map<Path, Hash> hashes, long bytesRead) {
        this.hashes = hashes;
        this.bytesRead = bytesRead;
    }

    /**
     * @param files files to hash; duplicates (after {@link Path#normalize()} of the absolute path) are read once;
     *     a file that does not exist or is not a regular file is left out ({@link #get} returns null for it)
     * @throws IOException the first existing file that could not be read, naming it
     */
    static HashedFiles of(Collection<Path> files, DigestAlgorithm algorithm) throws IOException {
        LinkedHashSet<Path> distinct = new LinkedHashSet<>();
        for (Path f : files) {
            distinct.add(key(f));
        }
        Map<Path, Hash> result = new ConcurrentHashMap<>();
        AtomicLong bytesRead = new AtomicLong();
        // This run's read buffers, one per worker at a time: the common pool's threads outlive the run.
        Queue<byte[]> buffers = new ConcurrentLinkedQueue<>();
        try {
            distinct.parallelStream().forEach(f -> {
                if (!Files.isRegularFile(f)) {
                    return; // left out: the caller reports a missing file in its own words
                }
                byte[] pooled = buffers.poll();
                byte[] buffer = pooled != null ? pooled : new byte[MultiDigest.BUFFER_SIZE];
                try {
                    long size = Files.size(f);
                    String digest = HexDigests.digest(f, algorithm, buffer);
                    result.put(f, new Hash(digest, size));
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
        return new HashedFiles(result, bytesRead.get());
    }

    /** @return the hash of a file given to {@link #of}, or null if it did not exist */
    Hash get(Path file) {
        return hashes.get(key(file));
    }

    /** Number of files read. */
    int fileCount() {
        return hashes.size();
    }

    /** Total size of the files read. */
    long byteCount() {
        return bytesRead;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
