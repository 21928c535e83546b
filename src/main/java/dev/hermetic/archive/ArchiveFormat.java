package dev.hermetic.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** What a file is, judged by its bytes, never by its name. */
public enum ArchiveFormat {
    ZIP,
    TAR,
    TAR_GZIP,
    NONE;

    public static ArchiveFormat detect(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (ZipNormalizer.startsLikeZip(head, n)) {
            return ZIP;
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            byte[] inner = new byte[512];
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                int m = in.readNBytes(inner, 0, inner.length);
                return m == 512 && isTarHeader(inner) ? TAR_GZIP : NONE;
            } catch (ZipException | java.io.EOFException e) {
                throw new ArchiveProblemException(file, null, "starts like gzip but cannot be decompressed ("
                        + e.getMessage() + "): truncated or corrupt");
            }
        }
        if (n == 512 && isTarHeader(head)) {
            return TAR;
        }
        if (hasZipAtEnd(file)) {
            return ZIP; // a zip behind a preamble, such as an executable jar's launch script
        }
        return NONE;
    }

    /** What content held in memory (a nested entry) is: a zip or a plain tar, judged by its first bytes. */
    public static ArchiveFormat detect(byte[] content) {
        if (ZipNormalizer.startsLikeZip(content, content.length)) {
            return ZIP;
        }
        return content.length >= 512 && isTarHeader(content) ? TAR : NONE;
    }

    private static boolean hasZipAtEnd(Path file) throws IOException {
        try (RandomAccessInput in = RandomAccessInput.open(file)) {
            if (ZipCentralDirectory.findEnd(in) < 0) {
                return false;
            }
            try {
                ZipCentralDirectory cd = ZipCentralDirectory.read(in, file, "");
                return !cd.entries().isEmpty()
                        && ZipCentralDirectory.dataStart(in, cd.entries().get(0), file, "") > 0;
            } catch (ArchiveProblemException | java.io.EOFException e) {
                return false; // the signature bytes were a coincidence
            }
        }
    }

    /** A tar header block: a name, and a checksum that matches (ustar or old v7 format). */
    static boolean isTarHeader(byte[] h) {
        if (h[0] == 0) {
            return false;
        }
        long stored = 0;
        boolean digits = false;
        for (int i = 148; i < 156; i++) {
            int c = h[i];
            if (c >= '0' && c <= '7') {
                stored = stored * 8 + (c - '0');
                digits = true;
            } else if (c != ' ' && c != 0) {
                return false;
            } else if (digits) {
                break;
            }
        }
        if (!digits) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        return sum == stored;
    }
}
