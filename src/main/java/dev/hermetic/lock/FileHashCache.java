package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.io.AtomicFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Digests of files hashed on earlier runs, each reused only while the file is provably the same file with the same
 * contents: same device, inode, size, modification time and status-change time ({@code ctime}, which the kernel sets
 * on every write, rename or {@code touch} and which no ordinary tool can set back). The same rule as git's index.
 *
 * <p>Why: a Maven JVM is cold. Before the JIT has compiled the SHA-256 intrinsic, Java hashes a few tens of MB/s, so
 * hashing every jar of a build costs about half a CPU-second on each verification, far more than everything else
 * verify does. A downloaded, re-downloaded, copied or edited file has a new inode or {@code ctime} and is hashed again.
 *
 * <p>Limits: the record is only as trustworthy as the directory it lives in (the local repository, like the jars it
 * describes: whoever can rewrite one can rewrite the other). Files changed within {@link #SETTLE_MILLIS} before being
 * hashed are not recorded (a write in the same clock tick as the hashing would keep the same {@code ctime}). Where the
 * file system has no {@code ctime} (no "unix" attribute view, e.g. Windows), nothing is recorded or reused.
 *
 * <p>Thread-safe: {@link FileHashes} looks up and records from several threads.
 */
public final class FileHashCache {

    /** A file must have been unchanged for this long before its digest is recorded. */
    static final long SETTLE_MILLIS = 3_000;

    private static final String HEADER = "hermetic-file-hashes 1 ";
    private static final String ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime,isRegularFile";
    /** Beyond this many entries, a save keeps only what the current run looked at. */
    private static final int MAX_ENTRIES = 200_000;

    /** What identifies one version of one file. */
    record Stamp(long device, long inode, long size, long modifiedNanos, long changedNanos) {
        // Written out: a record's generated equals is bootstrapped by invokedynamic, which spun about 50
        // method-handle classes in Maven's cold JVM, some 30 ms of every hermetic:verify.
        @Override
        public boolean equals(Object o) {
            return o instanceof Stamp s && device == s.device && inode == s.inode && size == s.size
                    && modifiedNanos == s.modifiedNanos && changedNanos == s.changedNanos;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(((device * 31 + inode) * 31 + size) * 31 + modifiedNanos) * 31 + Long.hashCode(changedNanos);
        }
    }

    private record Entry(Stamp stamp, String digest) {}

    private static final FileHashCache DISABLED = new FileHashCache(null, null, false);

    private final Path file;
    private final DigestAlgorithm algorithm;
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> used = new ConcurrentHashMap<>();
    private volatile boolean enabled;
    private volatile boolean changed;

    private FileHashCache(Path file, DigestAlgorithm algorithm, boolean enabled) {
        this.file = file;
        this.algorithm = algorithm;
        this.enabled = enabled;
    }

    /** A cache that never reuses nor records: every file is hashed. */
    public static FileHashCache disabled() {
        return DISABLED;
    }

    /**
     * Opens the record kept in {@code file} for {@code algorithm}. A missing, unreadable or foreign file gives an empty
     * record (the cache is only a speed-up).
     */
    public static FileHashCache open(Path file, DigestAlgorithm algorithm) {
        FileHashCache cache = new FileHashCache(file, algorithm, true);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!(HEADER + algorithm.jcaName()).equals(in.readLine())) {
                return cache;
            }
            for (String line; (line = in.readLine()) != null; ) {
                cache.parse(line);
            }
        } catch (IOException | RuntimeException e) {
            cache.entries.clear(); // start afresh; the next save replaces the file
            cache.changed = true;
        }
        return cache;
    }

    /** {@code <device> <inode> <size> <mtime ns> <ctime ns> <digest> <path>}: the path last, it may hold blanks. */
    private void parse(String line) {
        int[] at = new int[6];
        int from = 0;
        for (int i = 0; i < at.length; i++) {
            at[i] = line.indexOf(' ', from);
            if (at[i] < 0) {
                throw new IllegalArgumentException("truncated line");
            }
            from = at[i] + 1;
        }
        Stamp stamp = new Stamp(Long.parseLong(line, 0, at[0], 10), Long.parseLong(line, at[0] + 1, at[1], 10),
                Long.parseLong(line, at[1] + 1, at[2], 10), Long.parseLong(line, at[2] + 1, at[3], 10),
                Long.parseLong(line, at[3] + 1, at[4], 10));
        String digest = line.substring(at[4] + 1, at[5]);
        if (digest.length() != algorithm.hexLength() || !LockTokens.isHex(digest)) {
            throw new IllegalArgumentException("bad digest");
        }
        entries.put(Path.of(line.substring(at[5] + 1)), new Entry(stamp, digest));
    }

    /**
     * The stamp of a file as it is now, or null when this cache is disabled or the file system cannot tell.
     *
     * @throws NoSuchFileException if the file does not exist or is not a regular file
     */
    Stamp stamp(Path file) throws IOException {
        if (!enabled) {
            return null;
        }
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, ATTRIBUTES);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            enabled = false; // no "unix" view here: hash everything
            return null;
        }
        if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
            throw new NoSuchFileException(file.toString(), null, "not a regular file");
        }
        return new Stamp((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS));
    }

    /** @return the recorded digest if {@code file} still has {@code stamp}, else null */
    String lookup(Path file, Stamp stamp) {
        if (stamp == null) {
            return null;
        }
        used.put(file, Boolean.TRUE);
        Entry e = entries.get(file);
        return e != null && e.stamp().equals(stamp) ? e.digest() : null;
    }

    /**
     * Records a digest just computed from a file that had {@code stamp} before it was read, unless the file changed
     * too recently to tell a later change apart ({@link #SETTLE_MILLIS}).
     *
     * @param hashingStartedMillis wall-clock time before the file was read
     */
    void record(Path file, Stamp stamp, String digest, long hashingStartedMillis) {
        if (stamp == null) {
            return;
        }
        long newest = TimeUnit.NANOSECONDS.toMillis(Math.max(stamp.modifiedNanos(), stamp.changedNanos()));
        if (newest > hashingStartedMillis - SETTLE_MILLIS) {
            entries.remove(file);
        } else {
            entries.put(file, new Entry(stamp, digest));
        }
        used.put(file, Boolean.TRUE);
        changed = true;
    }

    /** Number of recorded files. */
    int size() {
        return entries.size();
    }

    /** Writes the record if it changed (atomically). */
    /**
     * {@link #save()} for callers that go on without the record, which is only a shortcut: a read-only local
     * repository or a full disk costs the next run its hashing, nothing else.
     *
     * @return {@code false} when the record could not be written
     */
    public boolean saveIfPossible() {
        try {
            save();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public void save() throws IOException {
        if (file == null || !changed) {
            return;
        }
        StringBuilder out = new StringBuilder(HEADER).append(algorithm.jcaName()).append('\n');
        boolean prune = entries.size() > MAX_ENTRIES;
        entries.forEach((path, e) -> {
            if (prune && !used.containsKey(path) || path.toString().indexOf('\n') >= 0) {
                return;
            }
            Stamp s = e.stamp();
            out.append(s.device()).append(' ').append(s.inode()).append(' ').append(s.size()).append(' ')
                    .append(s.modifiedNanos()).append(' ').append(s.changedNanos()).append(' ').append(e.digest())
                    .append(' ').append(path).append('\n');
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, out);
        changed = false;
    }
}
