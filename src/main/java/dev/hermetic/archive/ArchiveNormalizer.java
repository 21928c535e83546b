package dev.hermetic.archive;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.io.AtomicFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Normalizes one file in place: detects by content whether it is a zip (jar, war, ear, zip, ...), a tar or a
 * gzip-compressed tar, and rewrites it deterministically. Writes to a temporary file next to the original
 * and moves it into place atomically; on any failure the original is untouched. Thread-safe: one instance may
 * normalize many files concurrently.
 */
public final class ArchiveNormalizer {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final NormalizationOptions options;

    public ArchiveNormalizer(NormalizationOptions options) {
        this.options = options;
        DosDateTime.ofEpochSeconds(options.epochSeconds()); // fail now, not at the first archive
    }

    public NormalizationOptions options() {
        return options;
    }

    /**
     * @throws ArchiveProblemException for corrupt, truncated, unsafe or otherwise unacceptable input
     * @throws IOException when the file cannot be read or written
     */
    public NormalizationResult normalize(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "not a regular file");
        }
        return switch (ArchiveFormat.detect(file)) {
            case ZIP -> normalizeZip(file);
            case TAR -> rewrite(file, tmp -> new Written(new TarNormalizer(options).normalize(file, false, tmp), null), "tar");
            case TAR_GZIP -> rewrite(file, tmp -> new Written(new TarNormalizer(options).normalize(file, true, tmp), null),
                    "gzip-compressed tar");
            case NONE -> new NormalizationResult(file, NormalizationResult.Outcome.NOT_AN_ARCHIVE, 0,
                    "neither a zip nor a tar by content", sha256(file));
        };
    }

    private static String sha256(Path file) throws IOException {
        return HexDigests.digest(file, DigestAlgorithm.SHA_256);
    }

    private NormalizationResult normalizeZip(Path file) throws IOException {
        // The central directory is read once: for the signature check, then for the rewrite.
        RandomAccessInput in = RandomAccessInput.open(file);
        try {
            ZipCentralDirectory cd = ZipCentralDirectory.read(in, file, "");
            String signature = cd.signatureFile();
            if (signature != null) {
                return new NormalizationResult(file, NormalizationResult.Outcome.SKIPPED_SIGNED, cd.entries().size(),
                        "signed jar (" + signature + "): rewriting any byte would invalidate its signature;"
                                + " normalize before signing", sha256(file));
            }
            return rewrite(file, tmp -> {
                ExecutorService executor = Executors.newFixedThreadPool(
                        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                            Thread t = new Thread(r, "hermetic-normalize-" + THREADS.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
                // The input is closed before the result is moved over it (Windows refuses to replace an open file).
                try (in; FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    OutputSink.FileSink sink = OutputSink.digesting(channel, executor);
                    int entries;
                    try (sink) {
                        entries = new ZipNormalizer(options, tmp.getParent()).normalize(in, cd, sink, file, "", 0, executor);
                    }
                    return new Written(entries, sink.sha256());
                } finally {
                    executor.shutdownNow();
                }
            }, "zip");
        } finally {
            in.close();
        }
    }

    /** What a rewrite wrote: its entry count, and its SHA-256 when computed on the way ({@code null}: not). */
    private record Written(int entries, String sha256) {}

    /** Writes the normalized form to a temporary file beside {@code file}. */
    private interface Rewrite {
        Written writeTo(Path temporary) throws IOException;
    }

    private NormalizationResult rewrite(Path file, Rewrite rewrite, String kind) throws IOException {
        Path tmp = AtomicFile.temporaryBeside(file);
        boolean moved = false;
        try {
            Written written = rewrite.writeTo(tmp);
            String sha256 = written.sha256() != null ? written.sha256() : sha256(tmp);
            if (Files.mismatch(file, tmp) == -1L) {
                return new NormalizationResult(file, NormalizationResult.Outcome.UNCHANGED, written.entries(),
                        kind + " already normalized", sha256);
            }
            copyPermissions(file, tmp);
            AtomicFile.moveOver(tmp, file);
            moved = true;
            return new NormalizationResult(file, NormalizationResult.Outcome.NORMALIZED, written.entries(),
                    kind + " rewritten", sha256);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Temporary files are created private (0600); the result keeps the original's permissions. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && target != null) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }
}
