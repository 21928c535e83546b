package dev.hermetic.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The zips inside one zip (a Spring Boot jar's libraries, a war's WEB-INF/lib): recognised by their first bytes
 * whatever their name, normalized by the same run one level deeper, unless signed. Up to
 * {@link ZipNormalizer#SMALL_SIZE} in memory, larger ones through temporary files in the run's spill directory.
 */
final class NestedArchives {

    /** Nested archives deeper than this are refused (42.zip-style recursion). */
    static final int MAX_DEPTH = 8;

    private final ZipNormalizer run;
    private final ZipSource source;
    private final ZipEntryChecks checks;

    NestedArchives(ZipNormalizer run, ZipSource source, ZipEntryChecks checks) {
        this.run = run;
        this.source = source;
        this.checks = checks;
    }

    /** Whether the deflated {@code raw[rawOffset, rawOffset + rawLength)} starts like a zip; inflates four bytes. */
    boolean startsLikeZip(ZipEntryRecord e, byte[] raw, int rawOffset, int rawLength, Inflater inflater) throws IOException {
        return ZipNormalizer.startsLikeZip(head(e, raw, rawOffset, rawLength, inflater), 0, 4);
    }

    /** Whether the content of the entry whose data starts at {@code dataStart} starts like a zip. */
    boolean startsLikeZip(ZipEntryRecord e, long dataStart) throws IOException {
        return ZipNormalizer.startsLikeZip(head(e, dataStart), 4);
    }

    /** The first four bytes of the entry's content (fewer if it is shorter). */
    private byte[] head(ZipEntryRecord e, long dataStart) throws IOException {
        if (e.method() == ZipEntryRecord.STORED) {
            byte[] head = new byte[4];
            source.in().readFully(dataStart, head, 0, (int) Math.min(4, e.compressedSize()));
            return head;
        }
        Inflater inflater = new Inflater(true);
        try {
            byte[] raw = source.in().read(dataStart, (int) Math.min(e.compressedSize(), 64 * 1024));
            return head(e, raw, 0, raw.length, inflater);
        } finally {
            inflater.end();
        }
    }

    /** The first four bytes of a deflated entry's content, inflating no more than that. */
    private byte[] head(ZipEntryRecord e, byte[] raw, int rawOffset, int rawLength, Inflater inflater) throws IOException {
        byte[] head = new byte[4];
        inflater.reset();
        inflater.setInput(raw, rawOffset, rawLength);
        try {
            int got = 0;
            while (got < 4 && !inflater.finished() && !inflater.needsInput()) {
                got += inflater.inflate(head, got, 4 - got);
            }
        } catch (DataFormatException x) {
            throw source.problem(e, "corrupt deflate data (" + x.getMessage() + ")");
        }
        return head;
    }

    private String nestedPrefix(ZipEntryRecord e) throws ArchiveProblemException {
        if (source.depth() + 1 > MAX_DEPTH) {
            throw source.problem(e, "archives nested more than " + MAX_DEPTH + " deep are refused (possible zip bomb)");
        }
        return source.prefix() + e.name() + "!/";
    }

    /** The normalized form of a nested archive held in memory ({@code content} itself if signed). */
    byte[] normalizeInMemory(ZipEntryRecord e, byte[] content) throws IOException {
        String nestedPrefix = nestedPrefix(e);
        RandomAccessInput nested = RandomAccessInput.of(content);
        ZipCentralDirectory nestedCd = ZipCentralDirectory.read(nested, source.file(), nestedPrefix);
        if (nestedCd.signatureFile() != null) {
            return content;
        }
        OutputSink.MemorySink sink = OutputSink.inMemory(content.length + 1024);
        run.normalize(nested, nestedCd, sink, source.file(), nestedPrefix, source.depth() + 1, null);
        return sink.toByteArray();
    }

    /** Writes a nested archive too large for memory: inflated to a file, normalized to another, stored from it. */
    void writeLarge(ZipEntryRecord e, long dataStart, ZipWriter writer) throws IOException {
        String nestedPrefix = nestedPrefix(e);
        Path extracted = Files.createTempFile(run.spillDirectory(), ".hermetic-nested-", ".zip");
        Path normalized = null;
        try {
            try (OutputStream spill = Files.newOutputStream(extracted);
                    EntryInflater inflater = checks.inflater(e);
                    InputStream raw = source.in().stream(dataStart, e.compressedSize())) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = raw.read(buffer)) > 0; ) {
                    inflater.feed(buffer, 0, n, spill::write);
                }
                inflater.finish();
            }
            Path content = extracted;
            try (RandomAccessInput nested = RandomAccessInput.open(extracted)) {
                ZipCentralDirectory nestedCd = ZipCentralDirectory.read(nested, source.file(), nestedPrefix);
                if (nestedCd.signatureFile() == null) {
                    normalized = Files.createTempFile(run.spillDirectory(), ".hermetic-nested-", ".zip");
                    try (FileChannel channel = FileChannel.open(normalized, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                            OutputSink sink = OutputSink.of(channel)) {
                        run.normalize(nested, nestedCd, sink, source.file(), nestedPrefix, source.depth() + 1, null);
                    }
                    if (Files.mismatch(extracted, normalized) != -1) {
                        content = normalized;
                    }
                }
            }
            boolean changed = content != extracted;
            int attributes = ZipNormalizer.externalAttributes(e);
            long size = Files.size(content);
            if (!changed && (e.method() == ZipEntryRecord.STORED || run.options().compression() == CompressionMode.FAST)) {
                ZipWriter.OpenEntry open = writer.beginEntry(e.nameBytes(), e.method(), e.crc(), e.compressedSize(), size, size);
                source.in().copyTo(dataStart, e.compressedSize(), writer.out());
                writer.endEntry(open, e.crc(), e.compressedSize(), size, attributes, false);
                return;
            }
            ZipWriter.OpenEntry open = writer.beginEntry(e.nameBytes(), e.method(), 0, 0, size, size);
            OutputSink out = writer.out();
            long start = out.position();
            CRC32 crc = new CRC32();
            try (InputStream stream = Files.newInputStream(content)) {
                byte[] buffer = new byte[64 * 1024];
                OutputStream target = e.method() == ZipEntryRecord.STORED ? out : new PortableDeflater(out, size, run.buffers());
                for (int n; (n = stream.read(buffer)) > 0; ) {
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
