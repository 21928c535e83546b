package dev.hermetic.compare;

import dev.hermetic.archive.ArchiveProblemException;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.buildinfo.Buildinfo;
import dev.hermetic.compare.FileComparison.Verdict;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import dev.hermetic.digest.HexDigests;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares a build's outputs with a reference: two files, or two directories whose files are matched by relative
 * path. Files whose SHA-256 is equal are identical; the others are explained by {@link ArchiveComparator}.
 */
public final class BuildComparator {

    /** Two paths that cannot be compared at all: the message says which and why. */
    public static final class CompareUsageException extends IOException {
        CompareUsageException(String message) {
            super(message);
        }
    }

    private final CauseTable causes;
    private final List<PathMatcher> ignored = new ArrayList<>();
    private final Path spillDirectory;

    /**
     * @param ignore glob patterns ({@code **}/*.asc) of relative paths not to compare
     * @param spillDirectory where entries too large for memory are inflated, briefly
     */
    public BuildComparator(CauseTable causes, List<String> ignore, Path spillDirectory) {
        this.causes = causes;
        for (String glob : ignore) {
            ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        this.spillDirectory = spillDirectory;
    }

    public CompareReport compare(Path reference, Path actual) throws IOException {
        if (!Files.exists(reference)) {
            throw new CompareUsageException("reference " + reference + " does not exist");
        }
        if (!Files.exists(actual)) {
            throw new CompareUsageException(actual + " does not exist");
        }
        if (Files.isRegularFile(reference) && reference.getFileName().toString().endsWith(".buildinfo")) {
            return compare(reference.toString(), Buildinfo.readOutputs(reference), actual.toString(), byFileName(actual));
        }
        boolean referenceIsDirectory = Files.isDirectory(reference);
        if (referenceIsDirectory != Files.isDirectory(actual)) {
            throw new CompareUsageException("cannot compare a directory with a file: " + reference + " is "
                    + (referenceIsDirectory ? "a directory" : "a file") + ", " + actual + " is "
                    + (referenceIsDirectory ? "a file" : "a directory") + "; give two files or two directories");
        }
        if (!referenceIsDirectory) {
            return new CompareReport(reference.toString(), actual.toString(),
                    List.of(compareFile(actual.getFileName().toString(), reference, actual)));
        }
        return compare(reference.toString(), actual.toString(), list(reference), list(actual));
    }

    /**
     * Compares files matched by name: a name on one side only is missing on the other.
     *
     * @param reference what the reference is, for the report
     * @param actual what the actual files are, for the report
     * @param inReference reference files by name
     * @param inActual actual files by name
     */
    public CompareReport compare(String reference, String actual, Map<String, Path> inReference,
            Map<String, Path> inActual) throws IOException {
        List<FileComparison> files = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(inReference.keySet());
        all.addAll(inActual.keySet());
        for (String path : all) {
            Path r = inReference.get(path);
            Path a = inActual.get(path);
            if (isIgnored(path)) {
                files.add(new FileComparison(path, Verdict.IGNORED, str(r), str(a), null, null, List.of(), 0, null));
            } else if (r == null) {
                files.add(new FileComparison(path, Verdict.MISSING_IN_REFERENCE, null, a.toString(), null,
                        sha256(a), List.of(), 0, null));
            } else if (a == null) {
                files.add(new FileComparison(path, Verdict.MISSING_HERE, r.toString(), null, sha256(r), null,
                        List.of(), 0, null));
            } else {
                files.add(compareFile(path, r, a));
            }
        }
        return new CompareReport(reference, actual, files);
    }

    /**
     * Compares files with a digest manifest ({@code sha256sum} format, as {@code hermetic:sign} writes): only their
     * SHA-256 can be compared, so a differing file has one difference, its checksum, and says so.
     *
     * @param reference what the manifest is, for the report
     * @param inActual actual files by the name the manifest lists them under
     */
    public CompareReport compare(String reference, DigestManifest manifest, String actual, Map<String, Path> inActual)
            throws IOException {
        return compareChecksums(reference, manifest.entries(), DigestAlgorithm.SHA_256, CHECKSUM_ONLY, false, actual,
                inActual);
    }

    /**
     * Compares files with the outputs a {@code .buildinfo} lists (ours or maven-artifact-plugin's), by file name: only
     * their SHA-512 can be compared, as with a digest manifest. A listed file this build lacks is missing here;
     * this build's own {@code .buildinfo} files and digest manifests ({@code .sha256sum}) are ignored.
     *
     * @param reference what the {@code .buildinfo} is, for the report
     * @param inActual actual files by their repository file name ({@code lib-1.0-sources.jar})
     */
    public CompareReport compare(String reference, List<Buildinfo.Output> outputs, String actual,
            Map<String, Path> inActual) throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (Buildinfo.Output output : outputs) {
            expected.putIfAbsent(output.filename(), output.sha512());
        }
        return compareChecksums(reference, expected, DigestAlgorithm.SHA_512, BUILDINFO_ONLY, true, actual, inActual);
    }

    private CompareReport compareChecksums(String reference, Map<String, String> expectedDigests,
            DigestAlgorithm algorithm, Cause cause, boolean listsEveryFile, String actual, Map<String, Path> inActual)
            throws IOException {
        List<FileComparison> files = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(inActual.keySet());
        if (listsEveryFile) {
            all.addAll(expectedDigests.keySet());
        }
        for (String path : all) {
            Path file = inActual.get(path);
            String a = file == null ? null : file.toString();
            String expected = expectedDigests.get(path);
            String referenceSha256 = algorithm == DigestAlgorithm.SHA_256 ? expected : null;
            // Files that describe the outputs: a .buildinfo cannot list itself, nor the one this build attached, nor
            // hermetic:sign's digest manifest (written after it); a digest manifest cannot list itself.
            if (isIgnored(path) || path.endsWith(".sha256sum") || (cause == BUILDINFO_ONLY && path.endsWith(".buildinfo"))) {
                files.add(new FileComparison(path, Verdict.IGNORED, null, a, null, null, List.of(), 0, null));
                continue;
            }
            if (file == null) {
                files.add(new FileComparison(path, Verdict.MISSING_HERE, reference, null, referenceSha256, null,
                        List.of(), 0, null));
                continue;
            }
            String actualSha = sha256(file);
            String actualDigest = algorithm == DigestAlgorithm.SHA_256 ? actualSha : HexDigests.digest(file, algorithm);
            if (expected == null) {
                files.add(new FileComparison(path, Verdict.MISSING_IN_REFERENCE, null, a, null, actualSha, List.of(), 0,
                        null));
            } else if (expected.equals(actualDigest)) {
                files.add(new FileComparison(path, Verdict.IDENTICAL, reference, a, referenceSha256, actualSha,
                        List.of(), 0, null));
            } else {
                Difference checksum = new Difference("", DifferenceKind.BINARY, algorithm.jcaName(), expected,
                        actualDigest, null, cause);
                files.add(new FileComparison(path, Verdict.DIFFERENT, reference, a, referenceSha256, actualSha,
                        List.of(checksum), 0, null));
            }
        }
        return new CompareReport(reference, actual, files);
    }

    /** The cause of a difference against a digest manifest: nothing but the checksums is known. */
    static final Cause CHECKSUM_ONLY = new Cause("checksum-only",
            "the reference is a digest manifest, which holds checksums only: what differs inside cannot be shown",
            "compare against the reference's files themselves (a directory, or the repository they were deployed to)"
                    + " to see which entries differ and why");

    /** The cause of a difference against a {@code .buildinfo}: nothing but lengths and checksums is known. */
    static final Cause BUILDINFO_ONLY = new Cause("checksum-only",
            "the reference is a .buildinfo, which holds lengths and checksums only: what differs inside cannot be"
                    + " shown",
            "compare against the reference's files themselves (a directory, or the repository they were deployed to)"
                    + " to see which entries differ and why");

    private static String str(Path path) {
        return path == null ? null : path.toString();
    }

    private boolean isIgnored(String relative) {
        Path path = Path.of(relative);
        return ignored.stream().anyMatch(m -> m.matches(path));
    }

    /** A file, or a directory's files, by file name: a {@code .buildinfo} names files, not paths. */
    private static Map<String, Path> byFileName(Path actual) throws IOException {
        if (!Files.isDirectory(actual)) {
            return Map.of(actual.getFileName().toString(), actual);
        }
        Map<String, Path> files = new TreeMap<>();
        for (Path file : list(actual).values()) {
            Path other = files.put(file.getFileName().toString(), file);
            if (other != null) {
                throw new CompareUsageException("two files in " + actual + " are named " + file.getFileName() + " ("
                        + other + ", " + file + "), and a .buildinfo names files only: give a directory holding one");
            }
        }
        return files;
    }

    private static TreeMap<String, Path> list(Path directory) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(directory.relativize(p).toString().replace('\\', '/'), p);
                }
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        return HexDigests.digest(file, DigestAlgorithm.SHA_256);
    }

    private FileComparison compareFile(String path, Path reference, Path actual) throws IOException {
        if (isIgnored(path)) {
            return new FileComparison(path, Verdict.IGNORED, reference.toString(), actual.toString(), null, null, List.of(), 0, null);
        }
        String referenceSha = sha256(reference);
        String actualSha = sha256(actual);
        if (referenceSha.equals(actualSha)) {
            return new FileComparison(path, Verdict.IDENTICAL, reference.toString(), actual.toString(), referenceSha,
                    actualSha, List.of(), 0, null);
        }
        Findings findings = new Findings(causes);
        String error = null;
        try {
            new ArchiveComparator(findings, reference, actual, spillDirectory,
                    NormalizationOptions.DEFAULT_MAX_COMPRESSION_RATIO).compareFiles(path.substring(path.lastIndexOf('/') + 1));
        } catch (ArchiveProblemException e) {
            error = e.getMessage();
        } catch (IOException | RuntimeException e) {
            // commons-compress reports a corrupt tar with an IOException or an IllegalArgumentException
            error = "cannot compare " + reference + " with " + actual + ": " + e.getMessage()
                    + " (is one of them truncated or corrupt?)";
        }
        return new FileComparison(path, error == null ? Verdict.DIFFERENT : Verdict.ERROR, reference.toString(),
                actual.toString(), referenceSha, actualSha, findings.kept(), findings.omitted(), error);
    }
}
