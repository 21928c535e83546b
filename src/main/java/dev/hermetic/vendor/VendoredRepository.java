package dev.hermetic.vendor;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.Lockfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A directory in Maven repository layout that holds exactly the locked artifacts of a build, each beside the
 * {@code .sha1} file Maven checks when it downloads from a {@code file://} repository (without one, Maven 3.8 and 3.9
 * print a warning and a stack trace per file). {@link #update} makes the directory hold the given artifacts and
 * nothing else:
 * <ul>
 *   <li>every file already there is hashed again (its name, size or time stamp vouch for nothing); a file whose
 *       checksum is the lockfile's stays, a file someone changed is replaced by the local repository's copy and
 *       reported;</li>
 *   <li>what must be copied is first copied into a staging directory beside the target, each file checked against
 *       the lockfile's checksum on the way; one mismatch or missing file and nothing is moved into place;</li>
 *   <li>then the staged files are moved into place one rename each, and every file the artifacts do not account
 *       for is removed.</li>
 * </ul>
 * The directory is only written if it is new, empty, or was written by this class (it holds {@link #MARKER}):
 * removing what is not locked must never empty a directory that is someone else's.
 */
public final class VendoredRepository {

    /** The file that marks a directory as written by this class: its unlocked files may be removed. */
    public static final String MARKER = ".hermetic-vendor";

    /** The checksum file Maven looks for beside each file of a repository (before MD5). */
    public static final String CHECKSUM_SUFFIX = ".sha1";

    private static final String MARKER_TEXT = "Written by hermetic:vendor from the lockfile. Files the lockfile does "
            + "not hold are removed from this directory on the next run.\n";

    /** The error list shows this many problems, then a count of the others. */
    private static final int PROBLEMS_SHOWN = 20;

    /**
     * One file to vendor.
     *
     * @param coordinates the artifact, which gives its path in the repository layout
     * @param digest the lockfile's checksum of it (lowercase hex, of the repository's algorithm)
     * @param source where its bytes come from: its file in the local repository
     */
    public record Artifact(ArtifactCoordinates coordinates, String digest, Path source) {}

    /**
     * What {@link #update} did.
     *
     * @param copied artifacts that were not in the directory
     * @param unchanged artifacts already there with the lockfile's checksum
     * @param repaired artifacts (or their {@code .sha1} files) that were there with other bytes, replaced
     * @param removed files (not counting {@code .sha1} files) that the artifacts no longer account for
     * @param bytesCopied size of the files copied or repaired
     * @param repairs one line per repaired file: which, and what was wrong
     */
    public record Result(int copied, int unchanged, int repaired, int removed, long bytesCopied,
            List<String> repairs) {}

    private final Path directory;
    private final DigestAlgorithm algorithm;

    /**
     * @param directory the vendored repository
     * @param algorithm the lockfile's algorithm: the artifacts' digests are of it
     */
    public VendoredRepository(Path directory, DigestAlgorithm algorithm) {
        this.directory = directory.toAbsolutePath().normalize();
        this.algorithm = algorithm;
    }

    /** The vendored repository's directory (absolute). */
    public Path directory() {
        return directory;
    }

    /**
     * Makes the directory hold {@code artifacts} (each with its {@code .sha1} file) and nothing else.
     *
     * @throws VendorException listing every artifact whose local copy is missing or has another checksum than the
     *     lockfile's (then nothing was written), or when the directory is someone else's
     * @throws IOException when a file cannot be read or written
     */
    public Result update(Collection<Artifact> artifacts) throws VendorException, IOException {
        requireOwnDirectory();
        TreeMap<String, Artifact> byPath = new TreeMap<>();
        for (Artifact a : artifacts) {
            byPath.put(a.coordinates().repositoryPath(), a);
        }
        Queue<byte[]> buffers = new ConcurrentLinkedQueue<>();
        List<Plan> plans = parallel(byPath.values(), a -> examine(a, buffers));
        boolean parentExisted = Files.isDirectory(directory.getParent());
        Path staging = stagingDirectory();
        Result result;
        try {
            List<Plan> work = plans.stream().filter(p -> p.action != Action.KEEP).toList();
            Set<Path> madeDirectories = ConcurrentHashMap.newKeySet();
            List<Staged> staged = parallel(work, p -> stage(p, staging, buffers, madeDirectories));
            List<String> problems = staged.stream().map(s -> s.problem).filter(p -> p != null).toList();
            if (!problems.isEmpty()) {
                throw new VendorException(failure(problems) + removeAltered(plans));
            }
            long bytes = staged.stream().mapToLong(Staged::size).sum();
            List<String> repairs = staged.stream().map(s -> repair(s.plan)).filter(r -> r != null).toList();
            boolean firstRun = !Files.exists(directory, LinkOption.NOFOLLOW_LINKS);
            if (firstRun) {
                // A first run: the staging directory becomes the repository, in one rename.
                Files.writeString(staging.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
                PosixFileAttributeView view = Files.getFileAttributeView(staging, PosixFileAttributeView.class);
                if (view != null) {
                    view.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x")); // made rwx------
                }
                Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            } else {
                if (!Files.exists(directory.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFile.write(directory.resolve(MARKER), MARKER_TEXT);
                }
                for (Staged s : staged) {
                    moveIntoPlace(staging, s.path + CHECKSUM_SUFFIX, madeDirectories);
                    if (s.plan.action != Action.CHECKSUM_FILE) {
                        moveIntoPlace(staging, s.path, madeDirectories);
                    }
                }
            }
            int removed = firstRun ? 0 : prune(byPath.keySet());
            result = new Result(count(plans, Action.COPY), count(plans, Action.KEEP),
                    count(plans, Action.REPAIR) + count(plans, Action.CHECKSUM_FILE), removed, bytes,
                    repairs);
        } finally {
            deleteTree(staging);
            if (!parentExisted) {
                try {
                    Files.deleteIfExists(directory.getParent()); // a failed first run leaves nothing behind
                } catch (DirectoryNotEmptyException holdsTheRepository) {
                    // the run succeeded
                }
            }
        }
        return result;
    }

    private enum Action { KEEP, COPY, REPAIR, CHECKSUM_FILE }

    /**
     * What to do with one artifact: {@code vendored} is the digest of the vendored file a {@link Action#REPAIR}
     * replaces, {@code sha1} the content of the {@code .sha1} file a {@link Action#CHECKSUM_FILE} writes.
     */
    private record Plan(Artifact artifact, String path, Action action, String vendored, String sha1) {}

    /** An artifact copied into the staging directory, or the problem that kept it out. */
    private record Staged(Plan plan, String path, long size, String problem) {}

    private void requireOwnDirectory() throws VendorException, IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new VendorException("Cannot vendor into " + directory + ": it is not a directory. Remove it or "
                    + "choose another directory (hermetic.vendor.directory).");
        }
        if (Files.exists(directory.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> children = Files.list(directory)) {
            if (children.findAny().isPresent()) {
                throw new VendorException("Cannot vendor into " + directory + ": it holds files that hermetic:vendor "
                        + "did not write (no " + MARKER + " file), and vendoring removes every file the lockfile "
                        + "does not hold. Choose a new or empty directory (hermetic.vendor.directory).");
            }
        }
    }

    /** Hashes the vendored file of {@code a}, if there is one, to decide whether it stays. */
    private Plan examine(Artifact a, Queue<byte[]> buffers) throws IOException {
        String path = a.coordinates().repositoryPath();
        Path target = directory.resolve(path);
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Plan(a, path, Action.COPY, null, null);
        }
        Digests found = withBuffer(buffers, buffer -> digest(target, null, buffer));
        if (!found.digest.equals(a.digest())) {
            return new Plan(a, path, Action.REPAIR, found.digest, null);
        }
        if (!found.sha1.equals(readChecksumFile(directory.resolve(path + CHECKSUM_SUFFIX)))) {
            return new Plan(a, path, Action.CHECKSUM_FILE, null, found.sha1);
        }
        return new Plan(a, path, Action.KEEP, null, null);
    }

    /** Copies one artifact (or writes its {@code .sha1} file) into the staging directory. */
    private Staged stage(Plan plan, Path staging, Queue<byte[]> buffers, Set<Path> madeDirectories)
            throws IOException {
        Path checksum = staging.resolve(plan.path + CHECKSUM_SUFFIX);
        makeDirectories(checksum.getParent(), madeDirectories);
        if (plan.action == Action.CHECKSUM_FILE) {
            Files.writeString(checksum, plan.sha1, StandardCharsets.US_ASCII);
            return new Staged(plan, plan.path, 0, null);
        }
        Artifact a = plan.artifact;
        Path copy = staging.resolve(plan.path);
        Digests copied;
        try (OutputStream out = Files.newOutputStream(copy)) {
            copied = withBuffer(buffers, buffer -> digest(a.source(), out, buffer));
        } catch (NoSuchFileException e) {
            return new Staged(plan, plan.path, 0, a.coordinates() + ": not in the local repository (" + a.source()
                    + "). Build once online (e.g. `mvn verify`) so that Maven downloads it, then vendor again; if the "
                    + "build no longer uses it, lock again (`" + Lockfile.LOCK_COMMAND + "`).");
        }
        if (!copied.digest.equals(a.digest())) {
            String vendored = plan.action == Action.REPAIR ? " The vendored copy " + directory.resolve(plan.path)
                    + " is wrong too (" + algorithm.jcaName() + " " + plan.vendored + ")." : "";
            return new Staged(plan, plan.path, 0, a.coordinates() + ": the local repository's file " + a.source()
                    + " has " + algorithm.jcaName() + " " + copied.digest + ", the lockfile says " + a.digest() + "."
                    + vendored + " The file was altered or downloaded from another repository: delete it, build "
                    + "online to download it again, compare it with the checksum its repository publishes, and run "
                    + "`mvn hermetic:verify`; do not lock again to make this pass.");
        }
        Files.writeString(checksum, copied.sha1, StandardCharsets.US_ASCII);
        return new Staged(plan, plan.path, copied.size, null);
    }

    /**
     * Deletes the vendored files whose checksum is not the lockfile's, when they cannot be replaced: a build must not
     * find them. Says which, for the error message.
     */
    private String removeAltered(List<Plan> plans) throws IOException {
        List<String> removed = new ArrayList<>();
        for (Plan p : plans) {
            if (p.action == Action.REPAIR) {
                Files.deleteIfExists(directory.resolve(p.path + CHECKSUM_SUFFIX));
                Files.deleteIfExists(directory.resolve(p.path));
                removed.add(p.artifact.coordinates() + " (" + algorithm.jcaName() + " " + p.vendored + ")");
            }
        }
        return removed.isEmpty() ? "" : "\nVendored files with another checksum than the lockfile's were deleted, so "
                + "that no build uses them: " + String.join(", ", removed) + ".";
    }

    /** What was wrong with a vendored file that was replaced, or null. */
    private String repair(Plan plan) {
        Path target = directory.resolve(plan.path);
        return switch (plan.action) {
            case REPAIR -> plan.artifact.coordinates() + ": the vendored file " + target + " had " + algorithm.jcaName()
                    + " " + plan.vendored + ", the lockfile says " + plan.artifact.digest() + " (edited or corrupted): "
                    + "replaced by the local repository's copy " + plan.artifact.source();
            case CHECKSUM_FILE -> plan.artifact.coordinates() + ": the checksum file " + target + CHECKSUM_SUFFIX
                    + " was missing or wrong: written again";
            default -> null;
        };
    }

    private void moveIntoPlace(Path staging, String path, Set<Path> madeDirectories) throws IOException {
        Path target = directory.resolve(path);
        makeDirectories(target.getParent(), madeDirectories);
        AtomicFile.moveOver(staging.resolve(path), target);
    }

    /**
     * Removes every file and link that neither an artifact nor its {@code .sha1} file accounts for (nor the marker),
     * then the directories left empty.
     *
     * @return how many files were removed, {@code .sha1} files not counted
     */
    private int prune(Set<String> paths) throws IOException {
        Set<String> keep = new HashSet<>(paths);
        paths.forEach(p -> keep.add(p + CHECKSUM_SUFFIX));
        keep.add(MARKER);
        int removed = 0;
        List<Path> all;
        try (Stream<Path> walk = Files.walk(directory)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            if (p.equals(directory)) {
                continue;
            }
            String relative = directory.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.delete(p); // only when empty: children come first in reverse order
                } catch (DirectoryNotEmptyException kept) {
                    // holds vendored files
                }
            } else if (!keep.contains(relative)) {
                Files.delete(p);
                removed += relative.endsWith(CHECKSUM_SUFFIX) ? 0 : 1;
            }
        }
        return removed;
    }

    /**
     * A fresh directory beside the target, on its file system, so that moving out of it is a rename. Those of runs
     * that were killed are deleted first (two runs into one directory at once are not supported anyway).
     */
    private Path stagingDirectory() throws IOException {
        Path parent = directory.getParent();
        Files.createDirectories(parent);
        String prefix = "." + directory.getFileName() + ".staging-";
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteTree(stale);
            }
        }
        return Files.createTempDirectory(parent, prefix);
    }

    /**
     * Creates {@code dir} and its parents once per run: artifacts share their parents, and asking the file system
     * again costs a failed {@code mkdir} and an exception each time.
     */
    private static void makeDirectories(Path dir, Set<Path> made) throws IOException {
        if (!made.contains(dir)) {
            Files.createDirectories(dir);
            made.add(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String failure(List<String> problems) {
        StringBuilder out = new StringBuilder("hermetic:vendor wrote nothing: ").append(problems.size())
                .append(problems.size() == 1 ? " locked file cannot be vendored:" : " locked files cannot be vendored:");
        problems.stream().sorted().limit(PROBLEMS_SHOWN).forEach(p -> out.append("\n  - ").append(p));
        if (problems.size() > PROBLEMS_SHOWN) {
            out.append("\n  ... and ").append(problems.size() - PROBLEMS_SHOWN).append(" more");
        }
        return out.toString();
    }

    private static int count(List<Plan> plans, Action action) {
        return (int) plans.stream().filter(p -> p.action == action).count();
    }

    /** The first word of a {@code .sha1} file, lowercase, or null if there is none. */
    private static String readChecksumFile(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).trim();
        return text.isEmpty() ? null : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** The lockfile's digest and the SHA-1 of one file, its size. */
    private record Digests(String digest, String sha1, long size) {}

    /**
     * Reads {@code file} once, feeding the lockfile's digest and the SHA-1 Maven checks, and writing the bytes to
     * {@code copy} if given. The SHA-1 is only for Maven's {@code .sha1} file: the lockfile's digest decides.
     */
    private Digests digest(Path file, OutputStream copy, byte[] buffer) throws IOException {
        MessageDigest digest = algorithm.newMessageDigest();
        MessageDigest sha1 = sha1();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                sha1.update(buffer, 0, n);
                if (copy != null) {
                    copy.write(buffer, 0, n);
                }
                size += n;
            }
        }
        HexFormat hex = HexFormat.of();
        return new Digests(hex.formatHex(digest.digest()), hex.formatHex(sha1.digest()), size);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }

    @FunctionalInterface
    private interface IoFunction<T, R> {
        R apply(T t) throws IOException;
    }

    /** Runs {@code work} with a read buffer of this run's pool: one per worker at a time, not one per file. */
    private static <R> R withBuffer(Queue<byte[]> buffers, IoFunction<byte[], R> work) throws IOException {
        byte[] pooled = buffers.poll();
        byte[] buffer = pooled != null ? pooled : new byte[MultiDigest.BUFFER_SIZE];
        try {
            return work.apply(buffer);
        } finally {
            buffers.add(buffer);
        }
    }

    /** {@code work} over {@code items} in parallel, results in the items' order; the first I/O error is thrown. */
    private static <T, R> List<R> parallel(Collection<T> items, IoFunction<T, R> work) throws IOException {
        try {
            return items.parallelStream().map(item -> {
                try {
                    return work.apply(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
