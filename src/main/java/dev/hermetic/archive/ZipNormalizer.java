package dev.hermetic.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Rewrites one zip (jar, war, ear, ...) deterministically; see docs/normalize-format.md for the rules.
 *
 * <p>Entries up to {@link #SMALL_SIZE} are read, checked and re-encoded in memory, on worker threads when an
 * executor is given, and written in sorted order; larger ones are streamed through on the calling thread
 * with a local header whose compressed size is patched afterwards. Nested archives up to
 * {@link #SMALL_SIZE} are normalized in memory, larger ones through temporary files in the spill directory.
 * Memory therefore stays bounded whatever the archive's size: the in-flight window, plus the central
 * directory (about 100 bytes per entry).
 */
final class ZipNormalizer {

    /** Entries whose uncompressed size is at most this are processed in memory. */
    static final long SMALL_SIZE = 8L << 20;
    /** Nested archives deeper than this are refused (42.zip-style recursion). */
    static final int MAX_DEPTH = 8;
    private static final long WINDOW_BYTES = 8L << 20;
    private static final int WINDOW_BATCHES = 16;
    private static final long BATCH_BYTES = 1L << 20;
    /** Local header bytes besides the name that a span read allows for (30 fixed, plus a typical extra field). */
    private static final int LOCAL_SLACK = 30 + 64;
    private static final int BATCH_ENTRIES = 256;

    private final NormalizationOptions options;
    private final DosDateTime time;
    private final ManifestRewriter manifestRewriter;
    private final Path spillDirectory;
    /** This run's encoders and buffers (nested archives included), dropped with it. */
    private final RunBuffers buffers = new RunBuffers();

    ZipNormalizer(NormalizationOptions options, Path spillDirectory) {
        this.options = options;
        this.time = DosDateTime.ofEpochSeconds(options.epochSeconds());
        this.manifestRewriter = new ManifestRewriter(options.manifestAttributesToRemove());
        this.spillDirectory = spillDirectory;
    }

    /** Whether the archive is signed at its top level (then it must be left alone). */
    static boolean isSigned(ZipCentralDirectory cd) {
        for (ZipEntryRecord e : cd.entries()) {
            if (ZipCentralDirectory.isSignatureFile(e.name())) {
                return true;
            }
        }
        return false;
    }

    private static int rank(String name) {
        if (name.equalsIgnoreCase("META-INF/")) {
            return 0;
        }
        return name.equalsIgnoreCase("META-INF/MANIFEST.MF") ? 1 : 2;
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
        Archive archive = new Archive(in, cd, file, prefix, depth);
        List<ZipEntryRecord> sorted = sorted(cd.entries());
        for (int i = 0; i < sorted.size(); i++) {
            check(archive, sorted, i);
        }
        copy(in, 0, cd.preambleLength(), out);
        ZipWriter writer = new ZipWriter(out, time);
        Pipeline pipeline = new Pipeline(archive, writer, executor);
        try {
            for (ZipEntryRecord e : sorted) {
                pipeline.add(e);
            }
            pipeline.finish();
        } finally {
            pipeline.cancel();
            archive.close();
        }
        writer.finish();
        return sorted.size();
    }

    /** Checks the {@code i}-th sorted entry: its own fields, and that its name differs from the previous one. */
    private static void check(Archive archive, List<ZipEntryRecord> sorted, int i) throws ArchiveProblemException {
        ZipEntryRecord e = sorted.get(i);
        archive.check(e);
        if (i > 0 && Arrays.equals(e.nameBytes(), sorted.get(i - 1).nameBytes())) {
            throw archive.problem(e, "duplicate entry name: the archive holds it twice; remove one before normalizing");
        }
    }

    /**
     * Takes the sorted entries one {@link #add} call at a time: small ones are gathered into batches for the
     * workers, large ones are streamed by the calling thread, and whatever is ready is written in order. Per
     * entry work sits in methods called per entry, not in the body of a loop that runs once per archive: such
     * a loop stays in the interpreter (a method runs 60,000 loop iterations before it is compiled), and that
     * was most of FAST mode's time on a 26,000-entry jar.
     */
    private final class Pipeline {
        private final Archive archive;
        private final ZipWriter writer;
        private final Executor executor;
        private final Deque<Pending> window = new ArrayDeque<>();
        private long inFlight;
        private List<ZipEntryRecord> batch = new ArrayList<>();
        private long batchWeight;
        /** Whether every entry of {@link #batch} is {@link Archive#isCheap cheap}. */
        private boolean copyOnly = true;

        Pipeline(Archive archive, ZipWriter writer, Executor executor) {
            this.archive = archive;
            this.writer = writer;
            this.executor = executor;
        }

        void add(ZipEntryRecord e) throws IOException {
            boolean small = e.size() <= SMALL_SIZE && e.compressedSize() <= SMALL_SIZE;
            if (small) {
                // Read, checked and encoded by a worker: the calling thread only writes, in order.
                batch.add(e);
                copyOnly &= archive.isCheap(e);
                batchWeight += e.compressedSize() + e.size();
                if (batchWeight < BATCH_BYTES && batch.size() < BATCH_ENTRIES) {
                    return;
                }
            }
            if (!batch.isEmpty()) {
                Pending p = submit(archive, batch, batchWeight, copyOnly, executor);
                window.add(p);
                inFlight += p.weight;
                batch = new ArrayList<>();
                batchWeight = 0;
                copyOnly = true;
            }
            if (!small) {
                long dataStart = ZipCentralDirectory.dataStart(archive.in, e, archive.file, archive.prefix);
                archive.checkDataEnd(e, dataStart);
                window.add(new Pending(List.of(e), dataStart, null, 0));
            }
            // Whatever is ready at the head goes out now, which keeps few batches (and buffers) in flight.
            while (!window.isEmpty() && (inFlight > WINDOW_BYTES || window.size() > WINDOW_BATCHES || window.peek().isReady())) {
                inFlight -= drain(window.poll(), archive, writer);
            }
        }

        void finish() throws IOException {
            if (!batch.isEmpty()) {
                window.add(submit(archive, batch, batchWeight, copyOnly, executor));
                batch = new ArrayList<>();
            }
            while (!window.isEmpty()) {
                drain(window.poll(), archive, writer);
            }
        }

        /** Cancels what is still in flight (after a failure). */
        void cancel() {
            for (Pending p : window) {
                if (p.encoded != null) {
                    p.encoded.cancel(false);
                }
            }
        }
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

    /** An entry with its sort key. */
    private record Keyed(int rank, byte[] name, ZipEntryRecord entry) {
        static Keyed of(ZipEntryRecord e) {
            return new Keyed(ZipNormalizer.rank(e.name()), e.nameBytes(), e);
        }
    }

    /** Consecutive small entries encoded together (one task, one Inflater), or one large entry. */
    private record Pending(List<ZipEntryRecord> entries, long dataStart, CompletableFuture<EncodedBatch> encoded, long weight) {
        /** Whether draining it now would not wait for a worker. */
        boolean isReady() {
            return encoded == null || encoded.isDone();
        }
    }

    /**
     * Starts encoding a batch on a worker; on the calling thread when there is no executor, or when the batch
     * is only copied ({@link Archive#isCheap}: handing it over would cost more than the copy).
     */
    private static Pending submit(Archive archive, List<ZipEntryRecord> batch, long weight, boolean copyOnly,
            Executor executor) throws IOException {
        if (executor == null || copyOnly) {
            return new Pending(batch, 0, CompletableFuture.completedFuture(archive.encode(batch)), weight);
        }
        return new Pending(batch, 0, CompletableFuture.supplyAsync(() -> {
            try {
                return archive.encode(batch);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }, executor), weight);
    }

    /**
     * An entry ready to write: method, CRC, size, and where its stored bytes are in its batch's buffer
     * ({@code length} is its compressed size).
     */
    private record Encoded(int method, long crc, long size, int offset, int length, int externalAttributes) {}

    /** A batch's entries, their stored bytes one after the other in {@code data} (a pooled buffer). */
    private record EncodedBatch(List<Encoded> entries, OutputSink.MemorySink data) {}

    private long drain(Pending p, Archive archive, ZipWriter writer) throws IOException {
        if (p.encoded == null) {
            archive.writeLarge(p.entries.get(0), p.dataStart, writer);
            return 0;
        }
        EncodedBatch batch;
        try {
            batch = p.encoded.get();
        } catch (ExecutionException x) {
            Throwable cause = x.getCause() instanceof UncheckedIOException u ? u.getCause() : x.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while normalizing", x);
        } catch (CancellationException x) {
            throw new IOException("normalization cancelled", x);
        }
        for (int i = 0; i < batch.entries().size(); i++) {
            write(writer, p.entries.get(i).nameBytes(), batch.entries().get(i), batch.data().buffer());
        }
        archive.release(batch.data());
        return p.weight;
    }

    /** Writes one encoded entry (a method per entry, so that it is compiled early: see {@link Pipeline}). */
    private static void write(ZipWriter writer, byte[] name, Encoded e, byte[] data) throws IOException {
        ZipWriter.OpenEntry open = writer.beginEntry(name, e.method, e.crc, e.length, e.size, e.size);
        writer.out().write(data, e.offset, e.length);
        writer.endEntry(open, e.crc, e.length, e.size, e.externalAttributes, false);
    }

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

    static boolean startsLikeZip(byte[] b, int offset, int length) {
        return length >= 4 && b[offset] == 'P' && b[offset + 1] == 'K'
                && ((b[offset + 2] == 3 && b[offset + 3] == 4) || (b[offset + 2] == 5 && b[offset + 3] == 6));
    }

    private static void copy(RandomAccessInput in, long from, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(256 * 1024, Math.max(length, 1))];
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(buffer.length, length - done);
            in.readFully(from + done, buffer, 0, n);
            out.write(buffer, 0, n);
            done += n;
        }
    }

    /** One archive being normalized (the top-level one or a nested one). */
    private final class Archive implements AutoCloseable {
        private final RandomAccessInput in;
        private final ZipCentralDirectory cd;
        private final Path file;
        private final String prefix;
        private final int depth;
        /**
         * Batch output buffers, handed back once written: the window holds at most a few dozen batches, so a few
         * dozen buffers serve the whole archive instead of one new array per entry (garbage grows Maven's heap).
         */
        private final Queue<OutputSink.MemorySink> batchBuffers = new ConcurrentLinkedQueue<>();
        /** Buffers for the compressed bytes a batch reads, pooled like {@link #batchBuffers}. */
        private final Queue<byte[]> regionBuffers = new ConcurrentLinkedQueue<>();

        Archive(RandomAccessInput in, ZipCentralDirectory cd, Path file, String prefix, int depth) {
            this.in = in;
            this.cd = cd;
            this.file = file;
            this.prefix = prefix;
            this.depth = depth;
        }

        @Override
        public void close() {
            batchBuffers.clear();
            regionBuffers.clear();
        }

        void checkDataEnd(ZipEntryRecord e, long dataStart) throws ArchiveProblemException {
            if (dataStart + e.compressedSize() > cd.centralDirectoryStart()) {
                throw problem(e, "compressed size " + e.compressedSize() + " runs past the start of the central directory: sizes lie or truncated");
            }
        }

        ArchiveProblemException problem(ZipEntryRecord e, String message) {
            return ZipCentralDirectory.problem(file, prefix, e.name(), message);
        }

        void check(ZipEntryRecord e) throws ArchiveProblemException {
            String unsafe = EntryNames.unsafeReason(e.name());
            if (unsafe != null) {
                throw problem(e, "unsafe entry name: " + unsafe + "; rebuild the archive without it");
            }
            if ((e.flags() & 0x41) != 0) {
                throw problem(e, "entry is encrypted: encrypted archives cannot be normalized; build it unencrypted");
            }
            if (e.method() != ZipEntryRecord.STORED && e.method() != ZipEntryRecord.DEFLATED) {
                throw problem(e, "compression method " + e.method() + " (" + methodName(e.method())
                        + ") is not supported: only stored (0) and deflated (8) are; rebuild with deflate");
            }
            if (e.method() == ZipEntryRecord.STORED && e.compressedSize() != e.size()) {
                throw problem(e, "stored entry has compressed size " + e.compressedSize() + " but size " + e.size() + ": sizes lie");
            }
            long ratio = options.maxCompressionRatio();
            if (ratio > 0 && e.size() > Math.max(e.compressedSize(), 1) * ratio) {
                throw problem(e, "declares " + e.size() + " bytes from " + e.compressedSize()
                        + " compressed, a ratio above " + ratio + ": refused as a possible zip bomb;"
                        + " raise maxCompressionRatio if the archive is trusted");
            }
        }

        private EntryInflater inflater(ZipEntryRecord e) {
            return new EntryInflater(e, options.maxCompressionRatio(), message -> problem(e, message));
        }

        void release(OutputSink.MemorySink buffer) {
            if (buffer.buffer().length <= 4 * BATCH_BYTES) {
                buffer.reset();
                batchBuffers.add(buffer);
            }
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
            hi = Math.min(hi, cd.centralDirectoryStart());
            boolean spanRead = hi > lo && hi - lo <= 2 * needed + (64 << 10) && hi - lo <= 4 * BATCH_BYTES;
            // Not a thread-local: normalizing a nested archive on this thread must not overwrite it.
            byte[] region = regionBuffers.poll();
            if (region == null || region.length < (spanRead ? hi - lo : 0)) {
                region = new byte[(int) Math.max(spanRead ? hi - lo : 0, 2 * BATCH_BYTES)];
            }
            if (spanRead) {
                in.readUnbuffered(lo, region, 0, (int) (hi - lo));
            }
            List<Encoded> result = new ArrayList<>(entries.size());
            OutputSink.MemorySink data = batchBuffers.poll();
            if (data == null) {
                data = OutputSink.inMemory((int) BATCH_BYTES);
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
                if (region.length <= 4 * BATCH_BYTES) {
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
                dataStart = ZipCentralDirectory.dataStart(region, (int) headerAt, e, file, prefix);
                checkDataEnd(e, dataStart);
                raw = region;
                rawOffset = (int) (dataStart - lo);
                if (dataStart + length > hi) { // a long local extra field: read this one alone
                    raw = new byte[length];
                    rawOffset = 0;
                    in.readUnbuffered(dataStart, raw, 0, length);
                }
            } else {
                dataStart = ZipCentralDirectory.dataStart(in, e, file, prefix);
                checkDataEnd(e, dataStart);
                raw = spanRead || region.length < length ? new byte[length] : region;
                rawOffset = 0;
                in.readUnbuffered(dataStart, raw, 0, length);
            }
            return encode(e, raw, rawOffset, length, tools, data);
        }

        /**
         * Checks and re-encodes an entry whose compressed bytes are {@code raw[rawOffset, rawOffset + rawLength)},
         * appending the bytes to store to {@code data}.
         */
        Encoded encode(ZipEntryRecord e, byte[] raw, int rawOffset, int rawLength, BatchTools tools, OutputSink.MemorySink data)
                throws IOException {
            int offset = data.size();
            if (e.isDirectory() && e.size() != 0) {
                throw problem(e, "directory entry declares " + e.size() + " bytes of data: corrupt");
            }
            if (isCopiedAsIs(e)) {
                // FAST carries deflated entries over without inflating them (that is its speed): only a
                // nested archive, recognised by its first bytes, needs its content. Reading those costs zlib a
                // Huffman table build (about 20 us): it is skipped for class files, which start with 0xCAFEBABE.
                if (e.isDirectory()) {
                    return new Encoded(ZipEntryRecord.STORED, 0, 0, offset, 0, ZipWriter.DIRECTORY_ATTRIBUTES);
                }
                if (e.name().endsWith(".class") || !startsLikeZip(peek(e, raw, rawOffset, rawLength, tools.inflater()), 0, 4)) {
                    data.write(raw, rawOffset, rawLength);
                    return new Encoded(ZipEntryRecord.DEFLATED, e.crc(), e.size(), offset, rawLength, externalAttributes(e));
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
                try (EntryInflater check = inflater(e)) {
                    check.feed(raw, rawOffset, rawLength, (b, o, l) -> { });
                    check.finish();
                }
                content = raw;
                contentOffset = rawOffset;
                length = rawLength;
            } else {
                OutputSink.MemorySink inflatedSink = tools.content();
                inflatedSink.reset();
                try (EntryInflater inflater = new EntryInflater(e, options.maxCompressionRatio(), message -> problem(e, message),
                        tools.inflater(), tools.inflateOutput())) {
                    inflater.feed(raw, rawOffset, rawLength, inflatedSink::write);
                    inflater.finish();
                }
                content = inflatedSink.buffer();
                contentOffset = 0;
                length = inflatedSink.size();
            }
            if (e.isDirectory()) {
                if (length > 0) {
                    throw problem(e, "directory entry holds " + length + " bytes of data: corrupt");
                }
                return new Encoded(ZipEntryRecord.STORED, 0, 0, offset, 0, ZipWriter.DIRECTORY_ATTRIBUTES);
            }
            int attributes = externalAttributes(e);
            if (hasMetadataName(e.name()) || startsLikeZip(content, contentOffset, length)) {
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
                if (!changed && options.compression() == CompressionMode.FAST) {
                    data.write(rawCopy, 0, rawCopy.length);
                    return new Encoded(ZipEntryRecord.DEFLATED, crc, e.size(), offset, rawCopy.length, attributes);
                }
                PortableDeflater.deflate(transformed, 0, transformed.length, data, buffers);
                return new Encoded(ZipEntryRecord.DEFLATED, crc, transformed.length, offset, data.size() - offset, attributes);
            }
            // Content that stays as it is.
            if (e.method() == ZipEntryRecord.STORED || options.compression() == CompressionMode.FAST) {
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
        boolean isCopiedAsIs(ZipEntryRecord e) {
            return e.method() == ZipEntryRecord.DEFLATED && options.compression() == CompressionMode.FAST
                    && !hasMetadataName(e.name());
        }

        /**
         * Whether encoding the entry is a mere copy: a directory, or in FAST a deflated class file (whatever
         * else is deflated might be a nested archive, whose normalizing is work for a worker).
         */
        boolean isCheap(ZipEntryRecord e) {
            return e.isDirectory() || (isCopiedAsIs(e) && e.name().endsWith(".class"));
        }

        /** Names whose content the normalizer rewrites (so it must be read, in any mode). */
        private boolean hasMetadataName(String name) {
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
                    throw problem(e, "malformed manifest: " + x.getMessage() + "; fix the manifest so that `jar` accepts it");
                }
            } else if (PropertiesRewriter.isPomProperties(name)) {
                result = PropertiesRewriter.rewritePomProperties(content);
            } else if (PropertiesRewriter.isProperties(name)) {
                result = PropertiesRewriter.dropStoreDate(content);
            } else if (startsLikeZip(content, content.length)) {
                result = nestedInMemory(e, content);
            }
            return Arrays.equals(result, content) ? content : result;
        }

        private String nestedPrefix(ZipEntryRecord e) throws ArchiveProblemException {
            if (depth + 1 > MAX_DEPTH) {
                throw problem(e, "archives nested more than " + MAX_DEPTH + " deep are refused (possible zip bomb)");
            }
            return prefix + e.name() + "!/";
        }

        private byte[] nestedInMemory(ZipEntryRecord e, byte[] content) throws IOException {
            String nestedPrefix = nestedPrefix(e);
            RandomAccessInput nested = RandomAccessInput.of(content);
            ZipCentralDirectory nestedCd = ZipCentralDirectory.read(nested, file, nestedPrefix);
            if (isSigned(nestedCd)) {
                return content;
            }
            OutputSink.MemorySink sink = OutputSink.inMemory(content.length + 1024);
            normalize(nested, nestedCd, sink, file, nestedPrefix, depth + 1, null);
            return sink.toByteArray();
        }

        /** Streams an entry too large for memory. */
        void writeLarge(ZipEntryRecord e, long dataStart, ZipWriter writer) throws IOException {
            if (startsLikeZip(peek(e, dataStart), 4) && !e.isDirectory()) {
                writeLargeNested(e, dataStart, writer);
                return;
            }
            int attributes = externalAttributes(e);
            boolean recompress = e.method() == ZipEntryRecord.DEFLATED && options.compression() == CompressionMode.PORTABLE;
            ZipWriter.OpenEntry open = writer.beginEntry(e.nameBytes(), e.method(), e.crc(),
                    recompress ? 0 : e.compressedSize(), e.size(), e.size());
            OutputSink out = writer.out();
            long compressedSize;
            try (EntryInflater inflater = inflater(e); InputStream raw = in.stream(dataStart, e.compressedSize())) {
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
                        throw problem(e, "only " + copied + " of " + e.compressedSize() + " compressed bytes could be read: truncated");
                    }
                    compressedSize = e.compressedSize();
                }
            }
            writer.endEntry(open, e.crc(), compressedSize, e.size(), attributes, recompress);
        }

        /** The first four bytes of the entry's content (fewer if it is shorter). */
        private byte[] peek(ZipEntryRecord e, long dataStart) throws IOException {
            if (e.method() == ZipEntryRecord.STORED) {
                byte[] head = new byte[4];
                in.readFully(dataStart, head, 0, (int) Math.min(4, e.compressedSize()));
                return head;
            }
            Inflater inflater = new Inflater(true);
            try {
                byte[] raw = in.read(dataStart, (int) Math.min(e.compressedSize(), 64 * 1024));
                return peek(e, raw, 0, raw.length, inflater);
            } finally {
                inflater.end();
            }
        }

        /** The first four bytes of a deflated entry's content, inflating no more than that. */
        private byte[] peek(ZipEntryRecord e, byte[] raw, int rawOffset, int rawLength, Inflater inflater) throws IOException {
            byte[] head = new byte[4];
            inflater.reset();
            inflater.setInput(raw, rawOffset, rawLength);
            try {
                int got = 0;
                while (got < 4 && !inflater.finished() && !inflater.needsInput()) {
                    got += inflater.inflate(head, got, 4 - got);
                }
            } catch (DataFormatException x) {
                throw problem(e, "corrupt deflate data (" + x.getMessage() + ")");
            }
            return head;
        }

        private void writeLargeNested(ZipEntryRecord e, long dataStart, ZipWriter writer) throws IOException {
            String nestedPrefix = nestedPrefix(e);
            Path extracted = Files.createTempFile(spillDirectory, ".hermetic-nested-", ".zip");
            Path normalized = null;
            try {
                try (OutputStream spill = Files.newOutputStream(extracted);
                        EntryInflater inflater = inflater(e);
                        InputStream raw = in.stream(dataStart, e.compressedSize())) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = raw.read(buffer)) > 0; ) {
                        inflater.feed(buffer, 0, n, spill::write);
                    }
                    inflater.finish();
                }
                Path content = extracted;
                try (RandomAccessInput nested = RandomAccessInput.open(extracted)) {
                    ZipCentralDirectory nestedCd = ZipCentralDirectory.read(nested, file, nestedPrefix);
                    if (!isSigned(nestedCd)) {
                        normalized = Files.createTempFile(spillDirectory, ".hermetic-nested-", ".zip");
                        try (FileChannel channel = FileChannel.open(normalized, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING);
                                OutputSink sink = OutputSink.of(channel)) {
                            normalize(nested, nestedCd, sink, file, nestedPrefix, depth + 1, null);
                        }
                        if (Files.mismatch(extracted, normalized) != -1) {
                            content = normalized;
                        }
                    }
                }
                boolean changed = content != extracted;
                int attributes = externalAttributes(e);
                long size = Files.size(content);
                if (!changed && (e.method() == ZipEntryRecord.STORED || options.compression() == CompressionMode.FAST)) {
                    ZipWriter.OpenEntry open = writer.beginEntry(e.nameBytes(), e.method(), e.crc(), e.compressedSize(), size, size);
                    copy(in, dataStart, e.compressedSize(), writer.out());
                    writer.endEntry(open, e.crc(), e.compressedSize(), size, attributes, false);
                    return;
                }
                ZipWriter.OpenEntry open = writer.beginEntry(e.nameBytes(), e.method(), 0, 0, size, size);
                OutputSink out = writer.out();
                long start = out.position();
                CRC32 crc = new CRC32();
                try (InputStream source = Files.newInputStream(content)) {
                    byte[] buffer = new byte[64 * 1024];
                    OutputStream target = e.method() == ZipEntryRecord.STORED ? out : new PortableDeflater(out, size, buffers);
                    for (int n; (n = source.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                        target.write(buffer, 0, n);
                    }
                    if (target instanceof PortableDeflater d) {
                        d.finish();
                    }
                }
                writer.endEntry(open, crc.getValue(), out.position() - start, size, attributes, true);
            } finally {
                Files.deleteIfExists(extracted);
                if (normalized != null) {
                    Files.deleteIfExists(normalized);
                }
            }
        }
    }

    /**
     * What one batch's entries are inflated with, taken from the run's {@link RunBuffers} for the batch and handed
     * back after it: the inflated content is reused from entry to entry (one buffer per entry made ~160 MB of garbage
     * on a 59 MB jar, and Maven's JVM, without -Xmx, grows its heap and its RSS with garbage).
     */
    private record BatchTools(Inflater inflater, byte[] inflateOutput, OutputSink.MemorySink content) {}

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String methodName(int method) {
        return switch (method) {
            case 1 -> "shrunk";
            case 6 -> "imploded";
            case 9 -> "deflate64";
            case 12 -> "bzip2";
            case 14 -> "LZMA";
            case 93 -> "Zstandard";
            case 95 -> "xz";
            case 99 -> "AES-encrypted";
            default -> "unknown";
        };
    }
}
