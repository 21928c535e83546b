package dev.hermetic.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Rewrites zips (jar, war, ear, ...) deterministically, one normalization run's worth: the top-level archive and
 * the archives nested in it. See docs/normalize-format.md for the rules; the entry order and the permissions are
 * here, the rest is done per archive by
 * <ul>
 *   <li>{@link ZipEntryChecks}: what an entry must satisfy, and the refusals;</li>
 *   <li>{@link ZipEntryPipeline}: batches, the window of work in flight, writing in order;</li>
 *   <li>{@link SmallEntryEncoder}: entries up to {@link #SMALL_SIZE}, re-encoded in memory on worker threads;</li>
 *   <li>{@link LargeEntryStreamer}: larger entries, streamed through on the calling thread;</li>
 *   <li>{@link NestedArchives}: zips inside the zip, normalized by this run one level deeper.</li>
 * </ul>
 * Memory stays bounded whatever the archive's size: the in-flight window, plus the central directory (about 100
 * bytes per entry).
 */
final class ZipNormalizer {

    /** Entries whose uncompressed size is at most this are processed in memory. */
    static final long SMALL_SIZE = 8L << 20;

    private final NormalizationOptions options;
    private final DosDateTime time;
    private final ManifestRewriter manifestRewriter;
    private final Path spillDirectory;
    /** This run's encoders and buffers (nested archives included), dropped with it. */
    private final RunBuffers buffers = new RunBuffers();

    /** @param spillDirectory where nested archives too large for memory are unpacked */
    ZipNormalizer(NormalizationOptions options, Path spillDirectory) {
        this.options = options;
        this.time = DosDateTime.ofEpochSeconds(options.epochSeconds());
        this.manifestRewriter = new ManifestRewriter(options.manifestAttributesToRemove());
        this.spillDirectory = spillDirectory;
    }

    NormalizationOptions options() {
        return options;
    }

    RunBuffers buffers() {
        return buffers;
    }

    Path spillDirectory() {
        return spillDirectory;
    }

    /**
     * Writes the normalized form of {@code in} to {@code out}.
     *
     * @param file the file named in messages
     * @param prefix entry-name path of a nested archive ("BOOT-INF/lib/a.jar!/"), "" at the top level
     * @param executor workers for in-memory entries, or {@code null} to work on the calling thread only
     * @return number of entries written
     */
    int normalize(RandomAccessInput in, ZipCentralDirectory cd, OutputSink out, Path file, String prefix, int depth,
            Executor executor) throws IOException {
        ZipSource source = new ZipSource(in, cd, file, prefix, depth);
        ZipEntryChecks checks = new ZipEntryChecks(source, options.maxCompressionRatio());
        List<ZipEntryRecord> sorted = sorted(cd.entries());
        checks.checkAll(sorted);
        in.copyTo(0, cd.preambleLength(), out);
        ZipWriter writer = new ZipWriter(out, time);
        NestedArchives nested = new NestedArchives(this, source, checks);
        SmallEntryEncoder encoder = new SmallEntryEncoder(source, checks, nested, options.compression(),
                manifestRewriter, buffers);
        LargeEntryStreamer streamer = new LargeEntryStreamer(source, checks, nested, options.compression(), buffers);
        ZipEntryPipeline pipeline = new ZipEntryPipeline(source, checks, encoder, streamer, writer, executor);
        try {
            for (ZipEntryRecord e : sorted) {
                pipeline.add(e);
            }
            pipeline.finish();
        } finally {
            pipeline.cancel();
            encoder.close();
        }
        writer.finish();
        return sorted.size();
    }

    /**
     * The entries in output order: META-INF/ and the manifest first (JarInputStream looks only there), then by
     * the unsigned bytes of the UTF-8 names. Each entry's rank is computed once, not per comparison.
     */
    static List<ZipEntryRecord> sorted(List<ZipEntryRecord> entries) {
        Keyed[] keyed = new Keyed[entries.size()];
        for (int i = 0; i < keyed.length; i++) {
            keyed[i] = Keyed.of(entries.get(i));
        }
        Arrays.sort(keyed, (a, b) -> a.rank != b.rank ? Integer.compare(a.rank, b.rank) : Arrays.compareUnsigned(a.name, b.name));
        List<ZipEntryRecord> result = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            result.add(k.entry);
        }
        return result;
    }

    private static int rank(String name) {
        if (name.equalsIgnoreCase("META-INF/")) {
            return 0;
        }
        return name.equalsIgnoreCase("META-INF/MANIFEST.MF") ? 1 : 2;
    }

    /** An entry with its sort key. */
    private record Keyed(int rank, byte[] name, ZipEntryRecord entry) {
        static Keyed of(ZipEntryRecord e) {
            return new Keyed(ZipNormalizer.rank(e.name()), e.nameBytes(), e);
        }
    }

    /** The external attributes every entry gets: 0755 or 0644 by its executable bit, a symbolic link kept. */
    static int externalAttributes(ZipEntryRecord e) {
        if (e.isDirectory()) {
            return ZipWriter.DIRECTORY_ATTRIBUTES;
        }
        int mode = e.unixMode();
        if ((mode & 0170000) == 0120000) {
            return 0120777 << 16; // a symbolic link stays one
        }
        return ((mode & 0111) != 0 ? 0100755 : 0100644) << 16;
    }

    static boolean startsLikeZip(byte[] content, int length) {
        return startsLikeZip(content, 0, length);
    }

    /** Whether the bytes start with a local header or an empty zip's end record. */
    static boolean startsLikeZip(byte[] b, int offset, int length) {
        return length >= 4 && b[offset] == 'P' && b[offset + 1] == 'K'
                && ((b[offset + 2] == 3 && b[offset + 3] == 4) || (b[offset + 2] == 5 && b[offset + 3] == 6));
    }
}
