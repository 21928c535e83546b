package dev.hermetic.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a zip's end-of-central-directory record (zip64 included) and its central directory. Bytes before the
 * first local header (a launch script, for instance) are the preamble; offsets written relative to the start
 * of the zip rather than of the file are detected by comparing where the central directory is with where it
 * claims to be, as java.util.zip.ZipFile does.
 *
 * @param entries entries in central-directory order
 * @param preambleLength bytes before the first local header
 * @param centralDirectoryStart absolute position of the central directory
 */
record ZipCentralDirectory(List<ZipEntryRecord> entries, long preambleLength, long centralDirectoryStart) {

    static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    static final int END_SIGNATURE = 0x06054b50;
    static final int ZIP64_END_SIGNATURE = 0x06064b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int END_LENGTH = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    /** Position of the last end-of-central-directory signature whose fields are plausible, or -1. */
    static long findEnd(RandomAccessInput in) throws IOException {
        long size = in.size();
        if (size < END_LENGTH) {
            return -1;
        }
        int window = (int) Math.min(size, END_LENGTH + MAX_COMMENT);
        byte[] tail = in.read(size - window, window);
        for (int i = window - END_LENGTH; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                long cdSize = u32(tail, i + 12);
                long cdOffset = u32(tail, i + 16);
                long position = size - window + i;
                boolean zip64 = cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL;
                if (zip64 || (cdSize <= position && cdOffset <= position)) {
                    return position;
                }
            }
        }
        return -1;
    }

    /**
     * @param file for messages
     * @param prefix entry-name prefix for messages about nested archives ("outer.jar!/"), or ""
     */
    static ZipCentralDirectory read(RandomAccessInput in, Path file, String prefix) throws IOException {
        long endPos = findEnd(in);
        if (endPos < 0) {
            throw problem(file, prefix, null, "no end of central directory record: the zip is truncated or corrupt");
        }
        byte[] end = in.read(endPos, END_LENGTH);
        long entryCount = u16(end, 10);
        long cdSize = u32(end, 12);
        long cdOffset = u32(end, 16);
        long cdEnd = endPos;
        if (entryCount == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            long locatorPos = endPos - 20;
            if (locatorPos >= 0 && u32(in.read(locatorPos, 4), 0) == ZIP64_LOCATOR_SIGNATURE) {
                long zip64EndPos = findZip64End(in, locatorPos, file, prefix);
                byte[] z = in.read(zip64EndPos, 56);
                entryCount = u64(z, 32);
                cdSize = u64(z, 40);
                cdOffset = u64(z, 48);
                cdEnd = zip64EndPos;
            }
        }
        long cdStart = cdEnd - cdSize;
        if (cdStart < 0 || cdSize > Integer.MAX_VALUE) {
            throw problem(file, prefix, null, "central directory size " + cdSize + " does not fit in the file: truncated or corrupt");
        }
        long shift = cdStart - cdOffset;
        if (shift < 0) {
            throw problem(file, prefix, null, "central directory should start at " + cdOffset
                    + " but the file only leaves room for it at " + cdStart + ": truncated or corrupt");
        }
        byte[] cd = in.read(cdStart, (int) cdSize);
        List<ZipEntryRecord> entries = new ArrayList<>((int) Math.min(entryCount, 1 << 20));
        EntryParser parser = new EntryParser(cd, cdStart, shift, file, prefix);
        while (parser.hasNext()) {
            entries.add(parser.next());
        }
        long firstLocal = parser.firstLocal;
        if (entries.size() != entryCount && (entries.size() & 0xFFFF) != (entryCount & 0xFFFF)) {
            throw problem(file, prefix, null, "end record announces " + entryCount + " entries but the central directory holds "
                    + entries.size() + ": truncated or corrupt");
        }
        return new ZipCentralDirectory(List.copyOf(entries), firstLocal, cdStart);
    }

    /**
     * Parses central directory entries one call at a time. A loop over 26,000 entries inside the one call of
     * {@link #read} would run in the interpreter (a method called once is compiled only after 60,000 loop
     * iterations); a method called per entry is compiled after a few hundred.
     */
    private static final class EntryParser {
        private final byte[] cd;
        private final long cdStart;
        private final long shift;
        private final Path file;
        private final String prefix;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private int p;
        long firstLocal;

        EntryParser(byte[] cd, long cdStart, long shift, Path file, String prefix) {
            this.cd = cd;
            this.cdStart = cdStart;
            this.shift = shift;
            this.file = file;
            this.prefix = prefix;
            this.firstLocal = cdStart;
        }

        boolean hasNext() {
            return p < cd.length;
        }

        ZipEntryRecord next() throws ArchiveProblemException {
            int p = this.p;
            if (p + 46 > cd.length || u32(cd, p) != CENTRAL_HEADER_SIGNATURE) {
                throw problem(file, prefix, null, "central directory is corrupt at byte " + (cdStart + p)
                        + " (expected an entry header): truncated or not a zip");
            }
            int nameLength = u16(cd, p + 28);
            int extraLength = u16(cd, p + 30);
            int commentLength = u16(cd, p + 32);
            int next = p + 46 + nameLength + extraLength + commentLength;
            if (next > cd.length) {
                throw problem(file, prefix, null, "central directory entry at byte " + (cdStart + p) + " runs past its end");
            }
            byte[] nameBytes = java.util.Arrays.copyOfRange(cd, p + 46, p + 46 + nameLength);
            String name;
            try {
                name = isAscii(nameBytes) ? new String(nameBytes, StandardCharsets.ISO_8859_1)
                        : decoder.decode(ByteBuffer.wrap(nameBytes)).toString();
            } catch (CharacterCodingException e) {
                throw problem(file, prefix, new String(nameBytes, StandardCharsets.ISO_8859_1),
                        "entry name is not valid UTF-8; rename the file to ASCII or UTF-8 before archiving");
            }
            long size = u32(cd, p + 24);
            long compressedSize = u32(cd, p + 20);
            long localOffset = u32(cd, p + 42);
            if (size == 0xFFFFFFFFL || compressedSize == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
                int e = p + 46 + nameLength;
                int extraEnd = e + extraLength;
                boolean found = false;
                while (e + 4 <= extraEnd) {
                    int id = u16(cd, e);
                    int len = u16(cd, e + 2);
                    if (id == 1) {
                        int q = e + 4;
                        int qEnd = Math.min(q + len, extraEnd);
                        if (size == 0xFFFFFFFFL && q + 8 <= qEnd) {
                            size = u64(cd, q);
                            q += 8;
                        }
                        if (compressedSize == 0xFFFFFFFFL && q + 8 <= qEnd) {
                            compressedSize = u64(cd, q);
                            q += 8;
                        }
                        if (localOffset == 0xFFFFFFFFL && q + 8 <= qEnd) {
                            localOffset = u64(cd, q);
                        }
                        found = true;
                        break;
                    }
                    e += 4 + len;
                }
                if (!found) {
                    throw problem(file, prefix, name, "sizes or offset are marked zip64 but the entry has no zip64 extra field");
                }
            }
            long localPos = localOffset + shift;
            if (localPos < 0 || localPos + 30 > cdStart || compressedSize < 0 || size < 0) {
                throw problem(file, prefix, name, "local header offset " + localOffset
                        + " lies outside the entry data area: truncated or corrupt");
            }
            firstLocal = Math.min(firstLocal, localPos);
            this.p = next;
            return new ZipEntryRecord(nameBytes, name, u16(cd, p + 4), u16(cd, p + 8), u16(cd, p + 10),
                    u32(cd, p + 16), compressedSize, size, localPos, u32(cd, p + 38), u16(cd, p + 12), u16(cd, p + 14),
                    java.util.Arrays.copyOfRange(cd, p + 46 + nameLength, p + 46 + nameLength + extraLength));
        }
    }

    private static long findZip64End(RandomAccessInput in, long locatorPos, Path file, String prefix) throws IOException {
        byte[] locator = in.read(locatorPos, 20);
        long declared = u64(locator, 8);
        if (declared >= 0 && declared + 56 <= in.size() && u32(in.read(declared, 4), 0) == ZIP64_END_SIGNATURE) {
            return declared;
        }
        // With a preamble the declared offset may be relative to the start of the zip: the record sits just
        // before its locator when it has no extensible data, which is what every writer we know produces.
        long guess = locatorPos - 56;
        if (guess >= 0 && u32(in.read(guess, 4), 0) == ZIP64_END_SIGNATURE) {
            return guess;
        }
        throw problem(file, prefix, null, "zip64 end of central directory record not found: truncated or corrupt");
    }

    /** Position of the entry's data, after reading and checking its local header. */
    static long dataStart(RandomAccessInput in, ZipEntryRecord entry, Path file, String prefix) throws IOException {
        return dataStart(in.read(entry.localHeaderPosition(), 30), 0, entry, file, prefix);
    }

    /** Position of the entry's data, from its local header's 30 fixed bytes at {@code bytes[at]}. */
    static long dataStart(byte[] bytes, int at, ZipEntryRecord entry, Path file, String prefix) throws ArchiveProblemException {
        if (u32(bytes, at) != LOCAL_HEADER_SIGNATURE) {
            throw problem(file, prefix, entry.name(), "no local header at offset " + entry.localHeaderPosition()
                    + " where the central directory points: truncated or corrupt");
        }
        return entry.localHeaderPosition() + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    }

    static ArchiveProblemException problem(Path file, String prefix, String entry, String message) {
        String where = entry == null
                ? (prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 2))
                : prefix + entry;
        return new ArchiveProblemException(file, where, message);
    }

    /** The first jar signature file among the entries, or {@code null}: a signed zip must be left alone. */
    String signatureFile() {
        for (ZipEntryRecord e : entries) {
            if (isSignatureFile(e.name())) {
                return e.name();
            }
        }
        return null;
    }

    /** Whether a top-level name is a jar signature file (META-INF/*.SF, .RSA, .DSA, .EC). */
    static boolean isSignatureFile(String name) {
        // Called for every entry: most names are rejected by their first character, before any case folding.
        if (name.length() < 12 || (name.charAt(0) | 0x20) != 'm') {
            return false;
        }
        if (!name.regionMatches(true, 0, "META-INF/", 0, 9) || name.indexOf('/', 9) >= 0) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC");
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static int u16(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int p) {
        return (u16(b, p) | (long) u16(b, p + 2) << 16) & 0xFFFFFFFFL;
    }

    static long u64(byte[] b, int p) {
        return u32(b, p) | u32(b, p + 4) << 32;
    }
}
