package dev.hermetic.archive;

import java.util.Arrays;
import java.util.List;
import java.util.zip.Inflater;

/**
 * What an entry of one zip must satisfy before its bytes are trusted, and the refusal, naming the entry, what is
 * wrong and what to do, when it does not. Its content is checked while it is inflated ({@link #inflater}).
 */
final class ZipEntryChecks {

    private final ZipSource source;
    private final long maxCompressionRatio;

    ZipEntryChecks(ZipSource source, long maxCompressionRatio) {
        this.source = source;
        this.maxCompressionRatio = maxCompressionRatio;
    }

    /** Checks every entry's headers, and that no two have the same name; {@code sorted} is in output order. */
    void checkAll(List<ZipEntryRecord> sorted) throws ArchiveProblemException {
        for (int i = 0; i < sorted.size(); i++) {
            check(sorted, i);
        }
    }

    /** Checks the {@code i}-th sorted entry: its own fields, and that its name differs from the previous one. */
    private void check(List<ZipEntryRecord> sorted, int i) throws ArchiveProblemException {
        ZipEntryRecord e = sorted.get(i);
        check(e);
        if (i > 0 && Arrays.equals(e.nameBytes(), sorted.get(i - 1).nameBytes())) {
            throw source.problem(e, "duplicate entry name: the archive holds it twice; remove one before normalizing");
        }
    }

    private void check(ZipEntryRecord e) throws ArchiveProblemException {
        String unsafe = EntryNames.unsafeReason(e.name());
        if (unsafe != null) {
            throw source.problem(e, "unsafe entry name: " + unsafe + "; rebuild the archive without it");
        }
        if ((e.flags() & 0x41) != 0) {
            throw source.problem(e, "entry is encrypted: encrypted archives cannot be normalized; build it unencrypted");
        }
        if (e.method() != ZipEntryRecord.STORED && e.method() != ZipEntryRecord.DEFLATED) {
            throw source.problem(e, "compression method " + e.method() + " (" + methodName(e.method())
                    + ") is not supported: only stored (0) and deflated (8) are; rebuild with deflate");
        }
        if (e.method() == ZipEntryRecord.STORED && e.compressedSize() != e.size()) {
            throw source.problem(e, "stored entry has compressed size " + e.compressedSize() + " but size " + e.size() + ": sizes lie");
        }
        long ratio = maxCompressionRatio;
        if (ratio > 0 && e.size() > Math.max(e.compressedSize(), 1) * ratio) {
            throw source.problem(e, "declares " + e.size() + " bytes from " + e.compressedSize()
                    + " compressed, a ratio above " + ratio + ": refused as a possible zip bomb;"
                    + " raise maxCompressionRatio if the archive is trusted");
        }
    }

    /** Refuses compressed data that would run into the central directory. */
    void checkDataEnd(ZipEntryRecord e, long dataStart) throws ArchiveProblemException {
        if (dataStart + e.compressedSize() > source.cd().centralDirectoryStart()) {
            throw source.problem(e, "compressed size " + e.compressedSize() + " runs past the start of the central directory: sizes lie or truncated");
        }
    }

    /** Refuses a directory entry that declares data. */
    void checkDirectorySize(ZipEntryRecord e) throws ArchiveProblemException {
        if (e.isDirectory() && e.size() != 0) {
            throw source.problem(e, "directory entry declares " + e.size() + " bytes of data: corrupt");
        }
    }

    /** Refuses a directory entry whose stored bytes hold data. */
    void checkDirectoryContent(ZipEntryRecord e, int length) throws ArchiveProblemException {
        if (length > 0) {
            throw source.problem(e, "directory entry holds " + length + " bytes of data: corrupt");
        }
    }

    /** Inflates (or, if stored, passes through) the entry's bytes, checking CRC, size, end and ratio. */
    EntryInflater inflater(ZipEntryRecord e) {
        return new EntryInflater(e, maxCompressionRatio, message -> source.problem(e, message));
    }

    /** {@link #inflater(ZipEntryRecord)} with a reused Inflater and output buffer (see EntryInflater's constructor). */
    EntryInflater inflater(ZipEntryRecord e, Inflater shared, byte[] sharedOutput) {
        return new EntryInflater(e, maxCompressionRatio, message -> source.problem(e, message), shared, sharedOutput);
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
