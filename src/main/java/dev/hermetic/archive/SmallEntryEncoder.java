package dev.hermetic.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

/**
 * Reads, checks and re-encodes batches of one zip's small entries (up to {@link ZipNormalizer#SMALL_SIZE}) in
 * memory, on whichever thread is given a batch: the content is inflated, the manifest and properties files are
 * rewritten, nested archives normalized, and the result stored or deflated as the compression mode says.
 * Thread-safe: batches may be encoded concurrently.
 */
final class SmallEntryEncoder implements AutoCloseable {

    /** Local header bytes besides the name that a span read allows for (30 fixed, plus a typical extra field). */
    private static final int LOCAL_SLACK = 30 + 64;

    /**
     * An entry ready to write: method, CRC, size, and where its stored bytes are in its batch's buffer
     * ({@code length} is its compressed size).
     */
    record Encoded(int method, long crc, long size, int offset, int length, int externalAttributes) {}

    /** A batch's entries, their stored bytes one after the other in {@code data} (a pooled buffer). */
    record EncodedBatch(List<Encoded> entries, OutputSink.MemorySink data) {}

    /**
     * What one batch's entries are inflated with, taken from the run's {@link RunBuffers} for the batch and handed
     * back after it: the inflated content is reused from entry to entry, since garbage grows the heap and the RSS
     * of Maven's JVM, which runs without -Xmx.
     */
    private record BatchTools(Inflater inflater, byte[] inflateOutput, OutputSink.MemorySink content) {}

    private final ZipSource source;
    private final ZipEntryChecks checks;
    private final NestedArchives nested;
    private final CompressionMode compression;
    private final ManifestRewriter manifestRewriter;
    private final RunBuffers buffers;
    /**
     * Batch output buffers, handed back once written: the window holds at most a few dozen batches, so a few
     * dozen buffers serve the whole archive instead of one new array per entry (garbage grows Maven's heap).
     */
    private final Queue<OutputSink.MemorySink> batchBuffers = new ConcurrentLinkedQueue<>();
    /** Buffers for the compressed bytes a batch reads, pooled like {@link #batchBuffers}. */
    private final Queue<byte[]> regionBuffers = new ConcurrentLinkedQueue<>();

    SmallEntryEncoder(ZipSource source, ZipEntryChecks checks, NestedArchives nested, CompressionMode compression,
            ManifestRewriter manifestRewriter, RunBuffers buffers) {
        this.source = source;
        this.checks = checks;
        this.nested = nested;
        this.compression = compression;
        this.manifestRewriter = manifestRewriter;
        this.buffers = buffers;
    }

    @Override
    public void close() {
        batchBuffers.clear();
        regionBuffers.clear();
    }

    /** Takes back a batch's buffer once its entries are written. */
    void release(OutputSink.MemorySink buffer) {
        if (buffer.buffer().length <= 4 * ZipEntryPipeline.BATCH_BYTES) {
            buffer.reset();
            batchBuffers.add(buffer);
        }
    }

    /**
     * Whether encoding the entry is a mere copy: a directory, or in FAST a deflated class file (whatever
     * else is deflated might be a nested archive, whose normalizing is work for a worker).
     */
    boolean isCheap(ZipEntryRecord e) {
        return e.isDirectory() || (isCopiedAsIs(e) && e.name().endsWith(".class"));
    }

    /**
     * Reads (on the worker's thread, unbuffered: the calling thread's read-ahead window is its own), checks
     * and re-encodes a batch of small entries. Entries in name order usually lie one after the other in the
     * file, so the batch's whole span is read at once when it is not much larger than the entries themselves.
     */
    EncodedBatch encode(List<ZipEntryRecord> entries) throws IOException {
        long lo = Long.MAX_VALUE;
        long hi = 0;
        long needed = 0;
        for (ZipEntryRecord e : entries) {
            long end = e.localHeaderPosition() + LOCAL_SLACK + e.nameBytes().length + e.compressedSize();
            lo = Math.min(lo, e.localHeaderPosition());
            hi = Math.max(hi, end);
            needed += end - e.localHeaderPosition();
        }
        hi = Math.min(hi, source.cd().centralDirectoryStart());
        long batchBytes = ZipEntryPipeline.BATCH_BYTES;
        boolean spanRead = hi > lo && hi - lo <= 2 * needed + (64 << 10) && hi - lo <= 4 * batchBytes;
        // Not a thread-local: normalizing a nested archive on this thread must not overwrite it.
        byte[] region = regionBuffers.poll();
        if (region == null || region.length < (spanRead ? hi - lo : 0)) {
            region = new byte[(int) Math.max(spanRead ? hi - lo : 0, 2 * batchBytes)];
        }
        if (spanRead) {
            source.in().readUnbuffered(lo, region, 0, (int) (hi - lo));
        }
        List<Encoded> result = new ArrayList<>(entries.size());
        OutputSink.MemorySink data = batchBuffers.poll();
        if (data == null) {
            data = OutputSink.inMemory((int) batchBytes);
        }
        BatchTools tools = new BatchTools(new Inflater(true), buffers.inflateBuffer(), buffers.content());
        try {
            for (ZipEntryRecord e : entries) {
                result.add(encode(e, region, spanRead, lo, hi, tools, data));
            }
        } finally {
            tools.inflater().end();
            buffers.release(tools.inflateOutput());
            buffers.release(tools.content());
            if (region.length <= 4 * batchBytes) {
                regionBuffers.add(region);
            }
        }
        return new EncodedBatch(result, data);
    }

    /** Reads (from the batch's span when it holds the entry), checks and re-encodes one entry of a batch. */
    private Encoded encode(ZipEntryRecord e, byte[] region, boolean spanRead, long lo, long hi, BatchTools tools,
            OutputSink.MemorySink data) throws IOException {
        int length = (int) e.compressedSize();
        long dataStart;
        byte[] raw;
        int rawOffset;
        long headerAt = e.localHeaderPosition() - lo;
        if (spanRead && headerAt + 30 <= hi - lo) {
            dataStart = source.dataStart(region, (int) headerAt, e);
            checks.checkDataEnd(e, dataStart);
            raw = region;
            rawOffset = (int) (dataStart - lo);
            if (dataStart + length > hi) { // a long local extra field: read this one alone
                raw = new byte[length];
                rawOffset = 0;
                source.in().readUnbuffered(dataStart, raw, 0, length);
            }
        } else {
            dataStart = source.dataStart(e);
            checks.checkDataEnd(e, dataStart);
            raw = spanRead || region.length < length ? new byte[length] : region;
            rawOffset = 0;
            source.in().readUnbuffered(dataStart, raw, 0, length);
        }
        return encode(e, raw, rawOffset, length, tools, data);
    }

    /**
     * Checks and re-encodes an entry whose compressed bytes are {@code raw[rawOffset, rawOffset + rawLength)},
     * appending the bytes to store to {@code data}.
     */
    private Encoded encode(ZipEntryRecord e, byte[] raw, int rawOffset, int rawLength, BatchTools tools,
            OutputSink.MemorySink data) throws IOException {
        int offset = data.size();
        checks.checkDirectorySize(e);
        if (isCopiedAsIs(e)) {
            // FAST carries deflated entries over without inflating them (that is its speed): only a nested
            // archive, recognised by its first bytes, needs its content. Reading those costs zlib a Huffman
            // table build: it is skipped for class files, which start with 0xCAFEBABE.
            if (e.isDirectory()) {
                return new Encoded(ZipEntryRecord.STORED, 0, 0, offset, 0, ZipWriter.DIRECTORY_ATTRIBUTES);
            }
            if (e.name().endsWith(".class") || !nested.startsLikeZip(e, raw, rawOffset, rawLength, tools.inflater())) {
                data.write(raw, rawOffset, rawLength);
                return new Encoded(ZipEntryRecord.DEFLATED, e.crc(), e.size(), offset, rawLength,
                        ZipNormalizer.externalAttributes(e));
            }
        }
        return encodeContent(e, raw, rawOffset, rawLength, tools, data);
    }

    /**
     * {@link #encode} for entries whose content must be read: all in PORTABLE, stored entries, metadata and
     * nested archives in FAST. Kept apart so that FAST's path above compiles small and early.
     */
    private Encoded encodeContent(ZipEntryRecord e, byte[] raw, int rawOffset, int rawLength, BatchTools tools,
            OutputSink.MemorySink data) throws IOException {
        int offset = data.size();
        // The content, in a buffer that is reused (stored entries: the raw bytes themselves).
        byte[] content;
        int contentOffset;
        int length;
        if (e.method() == ZipEntryRecord.STORED) {
            try (EntryInflater check = checks.inflater(e)) {
                check.feed(raw, rawOffset, rawLength, (b, o, l) -> { });
                check.finish();
            }
            content = raw;
            contentOffset = rawOffset;
            length = rawLength;
        } else {
            OutputSink.MemorySink inflatedSink = tools.content();
            inflatedSink.reset();
            try (EntryInflater inflater = checks.inflater(e, tools.inflater(), tools.inflateOutput())) {
                inflater.feed(raw, rawOffset, rawLength, inflatedSink::write);
                inflater.finish();
            }
            content = inflatedSink.buffer();
            contentOffset = 0;
            length = inflatedSink.size();
        }
        if (e.isDirectory()) {
            checks.checkDirectoryContent(e, length);
            return new Encoded(ZipEntryRecord.STORED, 0, 0, offset, 0, ZipWriter.DIRECTORY_ATTRIBUTES);
        }
        int attributes = ZipNormalizer.externalAttributes(e);
        if (hasMetadataName(e.name()) || ZipNormalizer.startsLikeZip(content, contentOffset, length)) {
            // An array of its own: transform may hand it back as it is.
            byte[] exact = Arrays.copyOfRange(content, contentOffset, contentOffset + length);
            byte[] rawCopy = e.method() == ZipEntryRecord.STORED ? exact : Arrays.copyOfRange(raw, rawOffset, rawOffset + rawLength);
            byte[] transformed = transform(e, exact);
            boolean changed = transformed != exact;
            long crc = changed ? crc(transformed) : e.crc();
            if (e.method() == ZipEntryRecord.STORED) {
                data.write(transformed, 0, transformed.length);
                return new Encoded(ZipEntryRecord.STORED, crc, transformed.length, offset, transformed.length, attributes);
            }
            if (!changed && compression == CompressionMode.FAST) {
                data.write(rawCopy, 0, rawCopy.length);
                return new Encoded(ZipEntryRecord.DEFLATED, crc, e.size(), offset, rawCopy.length, attributes);
            }
            PortableDeflater.deflate(transformed, 0, transformed.length, data, buffers);
            return new Encoded(ZipEntryRecord.DEFLATED, crc, transformed.length, offset, data.size() - offset, attributes);
        }
        // Content that stays as it is.
        if (e.method() == ZipEntryRecord.STORED || compression == CompressionMode.FAST) {
            data.write(raw, rawOffset, rawLength);
            return new Encoded(e.method(), e.crc(), e.size(), offset, rawLength, attributes);
        }
        PortableDeflater.deflate(content, contentOffset, length, data, buffers);
        return new Encoded(ZipEntryRecord.DEFLATED, e.crc(), length, offset, data.size() - offset, attributes);
    }

    /**
     * Whether the entry's stored bytes are carried over without inflating it: FAST, deflated, no metadata
     * (a nested archive among these is recognised by its first bytes, which costs little).
     */
    private boolean isCopiedAsIs(ZipEntryRecord e) {
        return e.method() == ZipEntryRecord.DEFLATED && compression == CompressionMode.FAST
                && !hasMetadataName(e.name());
    }

    /** Names whose content the normalizer rewrites (so it must be read, in any mode). */
    private static boolean hasMetadataName(String name) {
        return name.endsWith(".properties") || name.equalsIgnoreCase("META-INF/MANIFEST.MF");
    }

    /** The content to store: the same array when nothing changes. */
    private byte[] transform(ZipEntryRecord e, byte[] content) throws IOException {
        String name = e.name();
        byte[] result = content;
        if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
            try {
                result = manifestRewriter.rewrite(content);
            } catch (IllegalArgumentException x) {
                throw source.problem(e, "malformed manifest: " + x.getMessage() + "; fix the manifest so that `jar` accepts it");
            }
        } else if (PropertiesRewriter.isPomProperties(name)) {
            result = PropertiesRewriter.rewritePomProperties(content);
        } else if (PropertiesRewriter.isProperties(name)) {
            result = PropertiesRewriter.dropStoreDate(content);
        } else if (ZipNormalizer.startsLikeZip(content, content.length)) {
            result = nested.normalizeInMemory(e, content);
        }
        return Arrays.equals(result, content) ? content : result;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
