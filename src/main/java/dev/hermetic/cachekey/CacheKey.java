package dev.hermetic.cachekey;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.lock.BuildEnvironment;
import dev.hermetic.lock.Lockfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cache key of a build: {@code sha256:<hex>} over seven components, each hashed on its own (docs/cache-key.md
 * has the exact encoding). Paths count relative to the root and sorted by their UTF-8 bytes; file times, owners and
 * permissions do not count; text files count with LF line ends ({@link ContentDigest}).
 */
public final class CacheKey {

    /** First line of what the key hashes: a change of encoding changes every key. */
    static final String FORMAT = "hermetic-cache-key 1\n";

    /** From how many files a list is hashed by several threads. */
    static final int PARALLEL_FROM = 4096;
    private static final int MAX_THREADS = 4;
    // Files one thread claims at a time.
    private static final int SLICE = 64;

    /** Where the Maven build's own configuration lives, relative to the root. */
    static final String MVN_DIRECTORY = ".mvn/";

    /**
     * What a key is computed from.
     *
     * @param root the build's root: the directory of the POM Maven starts on
     * @param lockfile the lockfile, or null for {@code hermetic.lock} in the root
     * @param environment Maven's version, the JDK's version and vendor, the wrapper's {@code distributionSha256Sum}
     * @param command the command's counted properties and profiles
     */
    public record Inputs(Path root, Path lockfile, BuildEnvironment environment, CommandProperties command) {}

    /** One named part of the key: its own hash (hex) and a short description of what it holds. */
    public record Component(String name, String hex, String summary) {}

    /** The key and its components, in the order they are hashed. */
    public record Result(String key, List<Component> components) {

        /** One line per component, for {@code -Ddetail} and {@code --detail}. */
        public List<String> detailLines() {
            List<String> lines = new ArrayList<>();
            for (Component c : components) {
                lines.add(String.format("  %-11s sha256:%s  %s", c.name(), c.hex(), c.summary()));
            }
            return lines;
        }
    }

    private CacheKey() {}

    public static Result compute(Inputs inputs) throws CacheKeyException {
        Path root = inputs.root().toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new CacheKeyException(root + " holds no pom.xml: give the directory of the build's root POM "
                    + "(where you run mvn).");
        }
        Path lockfile = (inputs.lockfile() != null ? inputs.lockfile() : root.resolve(Lockfile.DEFAULT_FILE_NAME))
                .toAbsolutePath().normalize();
        String lockfilePath = lockfile.startsWith(root) ? SourceFiles.slashes(root.relativize(lockfile)) : null;

        SourceFiles.Listing listing = SourceFiles.list(root);
        List<SourceFiles.Listed> sources = new ArrayList<>();
        List<SourceFiles.Listed> mvnConfig = new ArrayList<>();
        for (SourceFiles.Listed f : listing.files()) {
            if (f.path().startsWith(MVN_DIRECTORY)) {
                mvnConfig.add(f);
            } else if (!f.path().equals(lockfilePath)) {
                sources.add(f);
            }
        }
        BuildEnvironment env = inputs.environment();
        CommandProperties command = inputs.command();
        List<Component> components = List.of(
                new Component("sources", sha256(manifest(root, sources)),
                        sources.size() + " files " + listing.origin().description),
                lockfileComponent(lockfile, lockfilePath),
                new Component("maven", sha256(framed(env.mavenVersion()) + "\n"), env.mavenVersion()),
                new Component("jdk", sha256(framed(env.javaVersion()) + "\n" + framed(env.javaVendor()) + "\n"),
                        env.javaVersion() + " (" + env.javaVendor() + ")"),
                new Component("wrapper", sha256(framed(env.wrapperDistributionSha256()) + "\n"),
                        env.wrapperDistributionSha256().isEmpty() ? "no distributionSha256Sum"
                                : "distributionSha256Sum " + env.wrapperDistributionSha256()),
                new Component("mvn-config", sha256(manifest(root, mvnConfig)),
                        mvnConfig.size() + " files under " + MVN_DIRECTORY),
                new Component("command", sha256(command.canonical()), command.summary()));
        StringBuilder all = new StringBuilder(FORMAT);
        for (Component c : components) {
            all.append(c.name()).append(' ').append(c.hex()).append('\n');
        }
        return new Result("sha256:" + sha256(all.toString()), components);
    }

    private static Component lockfileComponent(Path lockfile, String relative) throws CacheKeyException {
        String shown = relative != null ? relative : lockfile.toString();
        if (!Files.isRegularFile(lockfile)) {
            return new Component("lockfile", sha256("absent\n"), "none (" + shown + " does not exist)");
        }
        try {
            return new Component("lockfile", sha256("F " + new ContentDigest().hex(lockfile) + "\n"), shown);
        } catch (IOException e) {
            throw unreadable(lockfile, e);
        }
    }

    /**
     * One line per file, sorted by path: {@code F <sha256 of content> <length>:<path>} for a file, {@code L} and the
     * SHA-256 of the link's target for a symbolic link, {@code G} and the commit for a git submodule, {@code T} and
     * the tree for a sparse-checkout directory, {@code M -} for a tracked file missing from the work tree.
     */
    private static String manifest(Path root, List<SourceFiles.Listed> files) throws CacheKeyException {
        Utf8Path[] sorted = new Utf8Path[files.size()];
        for (int i = 0; i < sorted.length; i++) {
            SourceFiles.Listed f = files.get(i);
            sorted[i] = new Utf8Path(f.path().getBytes(StandardCharsets.UTF_8), f);
        }
        Arrays.sort(sorted, UTF8_ORDER);
        // Lines are joined in path order whatever the order of hashing. A second thread pays off on large trees
        // only: on a small one it mostly waits for the same JIT compilations as the first.
        FileHasher hasher = new FileHasher(root, sorted);
        int threads = sorted.length >= PARALLEL_FROM ? Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())
                : 1;
        Thread[] helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(hasher, "hermetic-cache-key-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        hasher.run();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
        } catch (InterruptedException e) {
            hasher.failure.compareAndSet(null, new java.io.InterruptedIOException("interrupted"));
            Thread.currentThread().interrupt();
        }
        IOException failure = hasher.failure.get();
        if (failure != null) {
            throw unreadable(root, failure);
        }
        StringBuilder text = new StringBuilder();
        for (String line : hasher.lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /**
     * Hashes the files of a sorted list into their lines, slice by slice, on however many threads run it; the first
     * error stops every thread. Each run has its own digest and buffers: no ThreadLocal, which would outlive the build
     * on a pool's threads and keep this plugin's class loader alive (NoThreadLocalsTest).
     */
    private static final class FileHasher implements Runnable {
        final Path root;
        final Utf8Path[] files;
        final String[] lines;
        final AtomicInteger next = new AtomicInteger();
        final AtomicReference<IOException> failure = new AtomicReference<>();

        FileHasher(Path root, Utf8Path[] files) {
            this.root = root;
            this.files = files;
            this.lines = new String[files.length];
        }

        @Override
        public void run() {
            ContentDigest digest = new ContentDigest();
            for (int from; failure.get() == null && (from = next.getAndAdd(SLICE)) < files.length; ) {
                for (int i = from; i < Math.min(files.length, from + SLICE); i++) {
                    try {
                        lines[i] = line(root, files[i], digest);
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                }
            }
        }
    }

    private record Utf8Path(byte[] utf8, SourceFiles.Listed listed) {}

    /** Sorted on the UTF-8 bytes themselves: comparing code points of Strings costs more than the hashing here. */
    private static final Comparator<Utf8Path> UTF8_ORDER = new Comparator<>() {
        @Override
        public int compare(Utf8Path a, Utf8Path b) {
            return Arrays.compareUnsigned(a.utf8(), b.utf8());
        }
    };

    private static String line(Path root, Utf8Path named, ContentDigest digest) throws IOException {
        SourceFiles.Listed listed = named.listed();
        String path = named.utf8().length + ":" + listed.path();
        GitIndex.Entry entry = listed.entry();
        if (entry != null && entry.mode() == GitIndex.Entry.GITLINK) {
            return "G " + entry.objectId() + " " + path;
        }
        if (entry != null && entry.mode() == GitIndex.Entry.SPARSE_DIRECTORY) {
            return "T " + entry.objectId() + " " + path;
        }
        Path file = root.resolve(listed.path());
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return "M - " + path;
        }
        if (attributes.isSymbolicLink()) {
            String target = Files.readSymbolicLink(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            return "L " + sha256(target) + " " + path;
        }
        if (!attributes.isRegularFile()) {
            return "M - " + path;
        }
        return "F " + digest.hex(file) + " " + path;
    }

    /** {@code <length in UTF-8 bytes>:<value>}: a value framed by its length cannot run into the next field. */
    static String framed(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }

    static String sha256(String text) {
        return HexDigests.digest(text.getBytes(StandardCharsets.UTF_8), DigestAlgorithm.SHA_256);
    }

    /** The error for a file or tree that cannot be read: which, why, and what to do. */
    static CacheKeyException unreadable(Path where, IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return new CacheKeyException("Cannot read " + denied.getFile() + ": permission denied. Make it readable "
                    + "(chmod a+r), or delete it if it is not part of the build.", e);
        }
        return new CacheKeyException("Cannot read " + where + " to compute the cache key: " + e, e);
    }
}
