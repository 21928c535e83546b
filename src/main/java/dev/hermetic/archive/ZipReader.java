package dev.hermetic.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only access to a zip's entries for tools that inspect archives rather than rewrite them (the compare
 * engine): every header field as stored, the compressed bytes, and the content inflated under the same checks
 * the normalizer applies (CRC, sizes, compression ratio, so a zip bomb is refused, never expanded).
 */
public final class ZipReader implements Closeable {

    /**
     * One entry, as the central directory describes it.
     *
     * @param index position in the central directory
     * @param versionMadeBy "version made by" (high byte: host system, 3 = unix)
     * @param externalAttributes external attributes (unix mode in the high 16 bits when made on unix)
     * @param centralExtra the central directory's extra fields, as stored
     */
    public record Entry(int index, String name, int versionMadeBy, int flags, int method, long crc,
            long compressedSize, long size, int dosTime, int dosDate, long externalAttributes, byte[] centralExtra) {

        public boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    private final ZipSource source;
    private final ZipEntryChecks checks;
    private final List<Entry> entries;

    private ZipReader(RandomAccessInput in, Path file, String prefix, long maxCompressionRatio) throws IOException {
        try {
            ZipCentralDirectory cd = ZipCentralDirectory.read(in, file, prefix);
            this.source = new ZipSource(in, cd, file, prefix, 0);
            this.checks = new ZipEntryChecks(source, maxCompressionRatio);
            List<Entry> list = new ArrayList<>(cd.entries().size());
            for (ZipEntryRecord e : cd.entries()) {
                list.add(new Entry(list.size(), e.name(), e.versionMadeBy(), e.flags(), e.method(), e.crc(),
                        e.compressedSize(), e.size(), e.dosTime(), e.dosDate(), e.externalAttributes(), e.centralExtra()));
            }
            this.entries = List.copyOf(list);
        } catch (java.io.EOFException e) {
            in.close();
            throw new ArchiveProblemException(file, prefix.isEmpty() ? null : prefix,
                    "ends before its headers do (" + e.getMessage() + "): truncated or corrupt");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a zip file. */
    public static ZipReader open(Path file, long maxCompressionRatio) throws IOException {
        return new ZipReader(RandomAccessInput.open(file), file, "", maxCompressionRatio);
    }

    /**
     * Opens a zip held in memory.
     *
     * @param file the outer file, for messages
     * @param prefix where this zip sits inside {@code file} ("lib/a.jar!/"), for messages
     */
    public static ZipReader of(byte[] content, Path file, String prefix, long maxCompressionRatio) throws IOException {
        return new ZipReader(RandomAccessInput.of(content), file, prefix, maxCompressionRatio);
    }

    /** Entries in central-directory order. */
    public List<Entry> entries() {
        return entries;
    }

    private ZipEntryRecord record(Entry e) {
        return source.cd().entries().get(e.index());
    }

    /** The local header's extra fields, as stored. */
    public byte[] localExtra(Entry e) throws IOException {
        ZipEntryRecord r = record(e);
        byte[] fixed = source.in().read(r.localHeaderPosition(), 30);
        long dataStart = source.dataStart(fixed, 0, r);
        int extraLength = ZipCentralDirectory.u16(fixed, 28);
        return source.in().read(dataStart - extraLength, extraLength);
    }

    /** The entry's stored (compressed) bytes. */
    public InputStream rawData(Entry e) throws IOException {
        ZipEntryRecord r = record(e);
        long start = source.dataStart(r);
        checks.checkDataEnd(r, start);
        return source.in().stream(start, r.compressedSize());
    }

    /**
     * Whether two entries' stored bytes are equal, read in chunks into the two buffers (of equal length) the
     * caller reuses from entry to entry.
     */
    public static boolean sameRawData(ZipReader ra, Entry a, ZipReader rb, Entry b, byte[] bufferA, byte[] bufferB)
            throws IOException {
        if (a.compressedSize() != b.compressedSize()) {
            return false;
        }
        ZipEntryRecord recordA = ra.record(a);
        ZipEntryRecord recordB = rb.record(b);
        long startA = ra.source.dataStart(recordA);
        long startB = rb.source.dataStart(recordB);
        ra.checks.checkDataEnd(recordA, startA);
        rb.checks.checkDataEnd(recordB, startB);
        for (long done = 0; done < a.compressedSize(); ) {
            int n = (int) Math.min(bufferA.length, a.compressedSize() - done);
            ra.source.in().readFully(startA + done, bufferA, 0, n);
            rb.source.in().readFully(startB + done, bufferB, 0, n);
            if (!java.util.Arrays.equals(bufferA, 0, n, bufferB, 0, n)) {
                return false;
            }
            done += n;
        }
        return true;
    }

    /** Writes the entry's content to {@code out}, checking its CRC, size and compression ratio. */
    public void content(Entry e, OutputStream out) throws IOException {
        ZipEntryRecord r = record(e);
        if ((r.flags() & 0x41) != 0) {
            throw source.problem(r, "entry is encrypted: its content cannot be read");
        }
        if (r.method() != ZipEntryRecord.STORED && r.method() != ZipEntryRecord.DEFLATED) {
            throw source.problem(r, "compression method " + r.method() + " is not supported: only stored (0) and deflated (8) are");
        }
        long start = source.dataStart(r);
        checks.checkDataEnd(r, start);
        try (EntryInflater inflater = checks.inflater(r)) {
            if (r.compressedSize() <= 64 * 1024) {
                // most entries: one read, no stream
                byte[] raw = source.in().read(start, (int) r.compressedSize());
                inflater.feed(raw, 0, raw.length, out::write);
            } else {
                try (InputStream raw = source.in().stream(start, r.compressedSize())) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = raw.read(buffer)) > 0; ) {
                        inflater.feed(buffer, 0, n, out::write);
                    }
                }
            }
            inflater.finish();
        }
    }

    @Override
    public void close() throws IOException {
        source.in().close();
    }
}
