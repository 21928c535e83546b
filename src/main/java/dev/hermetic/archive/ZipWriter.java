package dev.hermetic.archive;

import java.io.IOException;

/**
 * Writes zip structures with every variable field fixed: one DOS time and date for all entries, "made by"
 * unix 4.5, general purpose flags with only the UTF-8 bit, no extra fields except zip64 where sizes or
 * offsets need it, no data descriptors, no comments. The central directory is collected in memory (it is
 * small: about 50 bytes plus the name per entry) and written by {@link #finish()}.
 */
final class ZipWriter {

    static final int VERSION_MADE_BY = (3 << 8) | 45;
    static final int FLAG_UTF8 = 0x0800;
    /** Above this an entry's sizes go in a zip64 extra field (leaves room for deflate's expansion). */
    static final long ZIP64_SIZE_THRESHOLD = 0xFFFF0000L;
    static final int DIRECTORY_ATTRIBUTES = (040755 << 16) | 0x10;

    private final OutputSink out;
    private final int dosTime;
    private final int dosDate;
    private final OutputSink.MemorySink centralDirectory = OutputSink.inMemory(64 * 1024);
    private long entryCount;

    ZipWriter(OutputSink out, DosDateTime time) {
        this.out = out;
        this.dosTime = time.time();
        this.dosDate = time.date();
    }

    OutputSink out() {
        return out;
    }

    /** An entry being written: the local header is out, the data follows, then {@link #endEntry}. */
    record OpenEntry(byte[] name, int method, long headerPosition, boolean zip64) {}

    /**
     * Writes a local header. {@code crc}, {@code compressedSize} and {@code size} may be provisional and
     * corrected by {@link #endEntry}; {@code sizeHint} decides zip64 and must not change afterwards.
     */
    OpenEntry beginEntry(byte[] name, int method, long crc, long compressedSize, long size, long sizeHint) throws IOException {
        boolean zip64 = sizeHint >= ZIP64_SIZE_THRESHOLD || compressedSize >= ZIP64_SIZE_THRESHOLD;
        long position = out.position();
        byte[] h = new byte[30 + name.length + (zip64 ? 20 : 0)];
        put32(h, 0, ZipCentralDirectory.LOCAL_HEADER_SIGNATURE);
        put16(h, 4, zip64 ? 45 : 20);
        put16(h, 6, FLAG_UTF8);
        put16(h, 8, method);
        put16(h, 10, dosTime);
        put16(h, 12, dosDate);
        putSizes(h, crc, compressedSize, size, zip64, name.length);
        put16(h, 26, name.length);
        put16(h, 28, zip64 ? 20 : 0);
        System.arraycopy(name, 0, h, 30, name.length);
        out.write(h);
        return new OpenEntry(name, method, position, zip64);
    }

    private static void putSizes(byte[] h, long crc, long compressedSize, long size, boolean zip64, int nameLength) {
        put32(h, 14, crc);
        if (zip64) {
            put32(h, 18, 0xFFFFFFFFL);
            put32(h, 22, 0xFFFFFFFFL);
            int e = 30 + nameLength;
            put16(h, e, 1);
            put16(h, e + 2, 16);
            put64(h, e + 4, size);
            put64(h, e + 12, compressedSize);
        } else {
            put32(h, 18, compressedSize);
            put32(h, 22, size);
        }
    }

    /** Completes an entry: patches the local header if the values differ from the provisional ones. */
    void endEntry(OpenEntry entry, long crc, long compressedSize, long size, int externalAttributes,
            boolean patchLocalHeader) throws IOException {
        if (!entry.zip64() && (compressedSize >= 0xFFFFFFFFL || size >= 0xFFFFFFFFL)) {
            throw new IOException("entry " + new String(entry.name(), java.nio.charset.StandardCharsets.UTF_8)
                    + " grew past 4 GiB after it was started without zip64");
        }
        if (patchLocalHeader) {
            byte[] h = new byte[30 + entry.name().length + (entry.zip64() ? 20 : 0)];
            putSizes(h, crc, compressedSize, size, entry.zip64(), entry.name().length);
            out.patch(entry.headerPosition() + 14, java.util.Arrays.copyOfRange(h, 14, 26));
            if (entry.zip64()) {
                int e = 30 + entry.name().length + 4;
                out.patch(entry.headerPosition() + e, java.util.Arrays.copyOfRange(h, e, e + 16));
            }
        }
        long offset = entry.headerPosition();
        boolean offset64 = offset >= 0xFFFFFFFFL;
        int extraLength = (entry.zip64() ? 16 : 0) + (offset64 ? 8 : 0);
        byte[] c = new byte[46 + entry.name().length + (extraLength > 0 ? 4 + extraLength : 0)];
        put32(c, 0, ZipCentralDirectory.CENTRAL_HEADER_SIGNATURE);
        put16(c, 4, VERSION_MADE_BY);
        put16(c, 6, entry.zip64() || offset64 ? 45 : 20);
        put16(c, 8, FLAG_UTF8);
        put16(c, 10, entry.method());
        put16(c, 12, dosTime);
        put16(c, 14, dosDate);
        put32(c, 16, crc);
        put32(c, 20, entry.zip64() ? 0xFFFFFFFFL : compressedSize);
        put32(c, 24, entry.zip64() ? 0xFFFFFFFFL : size);
        put16(c, 28, entry.name().length);
        put16(c, 30, extraLength > 0 ? 4 + extraLength : 0);
        put32(c, 38, externalAttributes & 0xFFFFFFFFL);
        put32(c, 42, offset64 ? 0xFFFFFFFFL : offset);
        System.arraycopy(entry.name(), 0, c, 46, entry.name().length);
        if (extraLength > 0) {
            int e = 46 + entry.name().length;
            put16(c, e, 1);
            put16(c, e + 2, extraLength);
            e += 4;
            if (entry.zip64()) {
                put64(c, e, size);
                put64(c, e + 8, compressedSize);
                e += 16;
            }
            if (offset64) {
                put64(c, e, offset);
            }
        }
        centralDirectory.write(c);
        entryCount++;
    }

    long entryCount() {
        return entryCount;
    }

    /** Writes the central directory and end records (zip64 ones only when needed). */
    void finish() throws IOException {
        long cdStart = out.position();
        long cdSize = centralDirectory.size();
        out.write(centralDirectory.buffer(), 0, centralDirectory.size());
        boolean zip64 = entryCount >= 0xFFFF || cdStart >= 0xFFFFFFFFL || cdSize >= 0xFFFFFFFFL;
        if (zip64) {
            long zip64End = out.position();
            byte[] z = new byte[56 + 20];
            put32(z, 0, ZipCentralDirectory.ZIP64_END_SIGNATURE);
            put64(z, 4, 44);
            put16(z, 12, VERSION_MADE_BY);
            put16(z, 14, 45);
            put64(z, 24, entryCount);
            put64(z, 32, entryCount);
            put64(z, 40, cdSize);
            put64(z, 48, cdStart);
            put32(z, 56, ZipCentralDirectory.ZIP64_LOCATOR_SIGNATURE);
            put64(z, 64, zip64End);
            put32(z, 72, 1);
            out.write(z);
        }
        byte[] e = new byte[22];
        put32(e, 0, ZipCentralDirectory.END_SIGNATURE);
        put16(e, 8, zip64 ? 0xFFFF : (int) entryCount);
        put16(e, 10, zip64 ? 0xFFFF : (int) entryCount);
        put32(e, 12, zip64 ? 0xFFFFFFFFL : cdSize);
        put32(e, 16, zip64 ? 0xFFFFFFFFL : cdStart);
        out.write(e);
    }

    static void put16(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int p, long v) {
        put16(b, p, (int) v & 0xFFFF);
        put16(b, p + 2, (int) (v >>> 16) & 0xFFFF);
    }

    static void put64(byte[] b, int p, long v) {
        put32(b, p, v & 0xFFFFFFFFL);
        put32(b, p + 4, v >>> 32);
    }
}
