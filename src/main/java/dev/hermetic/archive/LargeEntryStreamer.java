package dev.hermetic.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * Writes the entries of one zip that are too large for memory (above {@link ZipNormalizer#SMALL_SIZE}), on the
 * calling thread, in pieces: the local header's compressed size is patched once known. Large nested archives go
 * to {@link NestedArchives}.
 */
final class LargeEntryStreamer {

    private final ZipSource source;
    private final ZipEntryChecks checks;
    private final NestedArchives nested;
    private final CompressionMode compression;
    private final RunBuffers buffers;

    LargeEntryStreamer(ZipSource source, ZipEntryChecks checks, NestedArchives nested, CompressionMode compression,
            RunBuffers buffers) {
        this.source = source;
        this.checks = checks;
        this.nested = nested;
        this.compression = compression;
        this.buffers = buffers;
    }

    /** Streams an entry whose data starts at {@code dataStart} through to {@code writer}. */
    void write(ZipEntryRecord e, long dataStart, ZipWriter writer) throws IOException {
        if (nested.startsLikeZip(e, dataStart) && !e.isDirectory()) {
            nested.writeLarge(e, dataStart, writer);
            return;
        }
        int attributes = ZipNormalizer.externalAttributes(e);
        boolean recompress = e.method() == ZipEntryRecord.DEFLATED && compression == CompressionMode.PORTABLE;
        ZipWriter.OpenEntry open = writer.beginEntry(e.nameBytes(), e.method(), e.crc(),
                recompress ? 0 : e.compressedSize(), e.size(), e.size());
        OutputSink out = writer.out();
        long compressedSize;
        try (EntryInflater inflater = checks.inflater(e); InputStream raw = source.in().stream(dataStart, e.compressedSize())) {
            byte[] buffer = new byte[64 * 1024];
            if (recompress) {
                long start = out.position();
                PortableDeflater deflater = new PortableDeflater(out, e.size(), buffers);
                for (int n; (n = raw.read(buffer)) > 0; ) {
                    inflater.feed(buffer, 0, n, deflater::write);
                }
                inflater.finish();
                deflater.finish();
                compressedSize = out.position() - start;
            } else if (e.method() == ZipEntryRecord.STORED) {
                // The bytes go out as they are, and are checked on the way.
                for (int n; (n = raw.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    inflater.feed(buffer, 0, n, (b, o, l) -> { });
                }
                inflater.finish();
                compressedSize = e.compressedSize();
            } else {
                // FAST: deflated bytes are carried over without inflating them.
                long copied = 0;
                for (int n; (n = raw.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    copied += n;
                }
                if (copied != e.compressedSize()) {
                    throw source.problem(e, "only " + copied + " of " + e.compressedSize() + " compressed bytes could be read: truncated");
                }
                compressedSize = e.compressedSize();
            }
        }
        writer.endEntry(open, e.crc(), compressedSize, e.size(), attributes, recompress);
    }
}
