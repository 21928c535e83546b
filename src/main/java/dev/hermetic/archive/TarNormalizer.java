package dev.hermetic.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Rewrites a tar or gzip-compressed tar deterministically: entries sorted by the UTF-8 bytes of their names,
 * every mtime set to the timestamp, uid/gid 0 with empty user and group names, modes 0644 (0755 when any
 * execute bit was set) for files, 0755 for directories, 0777 for symbolic links. Headers are POSIX ustar;
 * names or link targets longer than 100 bytes get a PAX extended header with only the path. Other PAX data
 * (access times, extended attributes) is dropped. The archive ends with two zero blocks, padded to 10240
 * bytes as GNU tar does. Compressed tars get a fixed gzip header (no name, mtime 0, OS byte 255) and
 * deflate by this plugin's own {@link DeflateEncoder} (the same bytes on every JDK).
 */
final class TarNormalizer {

    private static final int BLOCK = 512;
    private static final int RECORD = 10240;
    private static final long MAX_OCTAL_SIZE = 077777777777L;

    private final NormalizationOptions options;

    TarNormalizer(NormalizationOptions options) {
        this.options = options;
    }

    /** Writes the normalized form of {@code file} to {@code target}; returns the number of entries. */
    int normalize(Path file, boolean gzipped, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (!gzipped) {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 256 * 1024)) {
                return writeTar(file, file, out);
            }
        }
        Path tar = Files.createTempFile(directory, ".hermetic-tar-", ".tar");
        Path normalizedTar = Files.createTempFile(directory, ".hermetic-tar-", ".tar");
        try {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
                Files.copy(in, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new ArchiveProblemException(file, null, "gzip data is corrupt or truncated (" + e.getMessage() + ")");
            }
            int entries;
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(normalizedTar), 256 * 1024)) {
                entries = writeTar(file, tar, out);
            }
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 256 * 1024)) {
                gzip(normalizedTar, out);
            }
            return entries;
        } finally {
            Files.deleteIfExists(tar);
            Files.deleteIfExists(normalizedTar);
        }
    }

    private int writeTar(Path file, Path tar, OutputStream out) throws IOException {
        try (SeekableByteChannel channel = FileChannel.open(tar, StandardOpenOption.READ);
                TarFile tarFile = open(file, channel)) {
            List<TarArchiveEntry> entries = new ArrayList<>(tarFile.getEntries());
            record Named(byte[] name, TarArchiveEntry entry) {}
            List<Named> named = new ArrayList<>(entries.size());
            for (TarArchiveEntry e : entries) {
                // A directory's name ends in '/': commons-compress adds it when reading ustar but not old GNU
                // headers, so without it a normalized tar would read back under another name.
                String name = e.isDirectory() && !e.getName().endsWith("/") ? e.getName() + "/" : e.getName();
                named.add(new Named(name.getBytes(StandardCharsets.UTF_8), e));
            }
            named.sort(Comparator.comparing(Named::name, Arrays::compareUnsigned));
            for (int i = 0; i < named.size(); i++) {
                TarArchiveEntry e = named.get(i).entry();
                check(file, e);
                if (i > 0 && Arrays.equals(named.get(i).name(), named.get(i - 1).name())) {
                    throw new ArchiveProblemException(file, e.getName(),
                            "duplicate entry name: the archive holds it twice; remove one before normalizing");
                }
            }
            long written = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Named n : named) {
                TarArchiveEntry e = n.entry();
                long size = e.isFile() && !e.isLink() ? e.getSize() : 0;
                written += writeHeader(out, e, n.name(), size);
                if (size > 0) {
                    long copied = 0;
                    try (InputStream in = tarFile.getInputStream(e)) {
                        for (int r; copied < size && (r = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied))) > 0; ) {
                            out.write(buffer, 0, r);
                            copied += r;
                        }
                    } catch (IOException x) {
                        throw new ArchiveProblemException(file, e.getName(), "cannot be read (" + x.getMessage() + "): truncated or corrupt", x);
                    }
                    if (copied != size) {
                        throw new ArchiveProblemException(file, e.getName(), "header says " + size + " bytes but only "
                                + copied + " are there: truncated");
                    }
                    written += copied;
                    int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
                    out.write(new byte[pad]);
                    written += pad;
                }
            }
            out.write(new byte[2 * BLOCK]);
            written += 2 * BLOCK;
            out.write(new byte[(int) ((RECORD - written % RECORD) % RECORD)]);
            return named.size();
        }
    }

    private static TarFile open(Path file, SeekableByteChannel channel) throws IOException {
        try {
            return new TarFile(channel, BLOCK, BLOCK, "UTF-8", false);
        } catch (IOException | IllegalArgumentException e) {
            throw new ArchiveProblemException(file, null, "tar headers are corrupt or truncated (" + e.getMessage() + ")");
        }
    }

    private static void check(Path file, TarArchiveEntry e) throws ArchiveProblemException {
        String unsafe = EntryNames.unsafeReason(e.getName());
        if (unsafe != null) {
            throw new ArchiveProblemException(file, e.getName(), "unsafe entry name: " + unsafe + "; rebuild the archive without it");
        }
        if (e.isSparse()) {
            throw new ArchiveProblemException(file, e.getName(), "sparse files are not supported; archive it as a regular file");
        }
        // commons-compress calls any entry whose name ends in '/' a directory, whatever its header's type: a link
        // or a file with data named so is ambiguous (an empty file named so is an old-style directory).
        if (e.isDirectory() && (e.isSymbolicLink() || e.isLink() || (e.isFile() && e.getSize() > 0))) {
            throw new ArchiveProblemException(file, e.getName(), "named like a directory (trailing '/') but its header"
                    + " makes it a " + (e.isSymbolicLink() ? "symbolic link" : e.isLink() ? "hard link"
                            : "file of " + e.getSize() + " bytes") + "; rebuild the archive without it");
        }
        if (!(e.isFile() || e.isDirectory() || e.isSymbolicLink() || e.isLink())) {
            throw new ArchiveProblemException(file, e.getName(), "devices and FIFOs have no place in a build output: "
                    + "only files, directories and links can be normalized");
        }
    }

    private long writeHeader(OutputStream out, TarArchiveEntry e, byte[] name, long size) throws IOException {
        byte[] link = e.isSymbolicLink() || e.isLink() ? e.getLinkName().getBytes(StandardCharsets.UTF_8) : new byte[0];
        long written = 0;
        StringBuilder pax = new StringBuilder();
        if (name.length > 100) {
            pax.append(paxRecord("path", new String(name, StandardCharsets.UTF_8)));
        }
        if (link.length > 100) {
            pax.append(paxRecord("linkpath", e.getLinkName()));
        }
        if (size > MAX_OCTAL_SIZE) {
            pax.append(paxRecord("size", Long.toString(size)));
        }
        if (pax.length() > 0) {
            byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
            byte[] paxName = "PaxHeader".getBytes(StandardCharsets.US_ASCII);
            out.write(header(paxName, new byte[0], 'x', 0644, records.length));
            out.write(records);
            int pad = (BLOCK - records.length % BLOCK) % BLOCK;
            out.write(new byte[pad]);
            written += BLOCK + records.length + pad;
        }
        int mode;
        char type;
        if (e.isDirectory()) {
            type = '5';
            mode = 0755;
        } else if (e.isSymbolicLink()) {
            type = '2';
            mode = 0777;
        } else if (e.isLink()) {
            type = '1';
            mode = (e.getMode() & 0111) != 0 ? 0755 : 0644;
        } else {
            type = '0';
            mode = (e.getMode() & 0111) != 0 ? 0755 : 0644;
        }
        out.write(header(Arrays.copyOf(name, Math.min(100, name.length)), Arrays.copyOf(link, Math.min(100, link.length)),
                type, mode, size > MAX_OCTAL_SIZE ? 0 : size));
        return written + BLOCK;
    }

    /** One PAX record: "LEN key=value\n", where LEN counts the whole record including itself. */
    static String paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length = body + Integer.toString(length).length();
        }
        return length + " " + key + "=" + value + "\n";
    }

    private byte[] header(byte[] name, byte[] link, char type, int mode, long size) {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, name.length);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, options.epochSeconds());
        h[156] = (byte) type;
        System.arraycopy(link, 0, h, 157, link.length);
        System.arraycopy("ustar\00000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String checksum = String.format("%06o", sum);
        System.arraycopy(checksum.getBytes(StandardCharsets.US_ASCII), 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    /** Zero-padded octal digits followed by a NUL, filling {@code length} bytes. */
    private static void octal(byte[] h, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, offset, length - 1);
        h[offset + length - 1] = 0;
    }

    /** gzip with a fixed header: no file name, no mtime (0), no extra flags, OS 255 ("unknown"). */
    private static void gzip(Path tar, OutputStream out) throws IOException {
        long size = Files.size(tar);
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
        CRC32 crc = new CRC32();
        // One stream per tar: an encoder of its own, dropped with it.
        PortableDeflater deflater = new PortableDeflater(out, size, new RunBuffers());
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                deflater.write(buffer, 0, n);
            }
        }
        deflater.finish();
        byte[] trailer = new byte[8];
        ZipWriter.put32(trailer, 0, crc.getValue());
        ZipWriter.put32(trailer, 4, size & 0xFFFFFFFFL);
        out.write(trailer);
    }
}
