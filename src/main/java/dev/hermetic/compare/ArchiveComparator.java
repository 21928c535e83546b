package dev.hermetic.compare;

import dev.hermetic.archive.ArchiveFormat;
import dev.hermetic.archive.ArchiveProblemException;
import dev.hermetic.archive.ZipReader;
import dev.hermetic.digest.DigestAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Compares two files entry by entry when they are archives (zip, jar, war, ear, tar, tar.gz; nested archives one
 * level deeper each, up to {@link #MAX_DEPTH}), and explains their content otherwise. Memory stays bounded: an
 * entry is held in memory only up to {@link #IN_MEMORY} bytes; larger ones are inflated to temporary files, and
 * equal compressed bytes are compared without inflating.
 */
final class ArchiveComparator {

    static final int IN_MEMORY = 8 * 1024 * 1024;
    /** As deep as the normalizer goes: deeper nesting is refused as a possible zip bomb. */
    static final int MAX_DEPTH = 8;

    private final Findings findings;
    private final ContentExplainer explainer;
    private final Path referenceFile;
    private final Path actualFile;
    private final Path spillDirectory;
    private final long maxCompressionRatio;
    private int depth;
    private final byte[] rawA = new byte[64 * 1024];
    private final byte[] rawB = new byte[64 * 1024];

    ArchiveComparator(Findings findings, Path referenceFile, Path actualFile, Path spillDirectory, long maxCompressionRatio) {
        this.findings = findings;
        this.referenceFile = referenceFile;
        this.actualFile = actualFile;
        this.spillDirectory = spillDirectory;
        this.maxCompressionRatio = maxCompressionRatio;
        this.explainer = new ContentExplainer(findings, this::compareNested);
    }

    /** Compares two top-level files whose bytes differ. */
    void compareFiles(String name) throws IOException {
        compareFiles("", name, referenceFile, actualFile);
        if (findings.isEmpty()) {
            findings.add("", DifferenceKind.HEADER, "bytes outside the entries (archive comment, central directory layout)",
                    Files.size(referenceFile) + " bytes", Files.size(actualFile) + " bytes");
        }
    }

    private void compareFiles(String container, String name, Path a, Path b) throws IOException {
        ArchiveFormat fa = ArchiveFormat.detect(a);
        ArchiveFormat fb = ArchiveFormat.detect(b);
        String prefix = container.isEmpty() ? "" : container + "!/";
        if (fa == fb && fa == ArchiveFormat.ZIP) {
            try (ZipReader ra = ZipReader.open(a, maxCompressionRatio); ZipReader rb = ZipReader.open(b, maxCompressionRatio)) {
                compareZip(container, prefix, ra, rb);
            }
        } else if (fa == fb && fa != ArchiveFormat.NONE) {
            compareTarFiles(container, prefix, a, b, fa == ArchiveFormat.TAR_GZIP);
        } else if (fa != fb) {
            findings.add(container, DifferenceKind.FORMAT, "archive format", describe(fa), describe(fb));
        } else if (Files.size(a) <= IN_MEMORY && Files.size(b) <= IN_MEMORY) {
            explainer.explain(container, name, Files.readAllBytes(a), Files.readAllBytes(b));
        } else {
            explainer.binary(container, Files.size(a), Files.size(b), Files.mismatch(a, b));
        }
    }

    private static String describe(ArchiveFormat format) {
        return switch (format) {
            case ZIP -> "zip";
            case TAR -> "tar";
            case TAR_GZIP -> "tar.gz";
            case NONE -> "not an archive";
        };
    }

    private void compareNested(String prefix, ArchiveFormat format, byte[] a, byte[] b) throws IOException {
        String container = prefix.substring(0, prefix.length() - 2);
        if (depth + 1 > MAX_DEPTH) {
            throw new ArchiveProblemException(actualFile, container,
                    "archives nested more than " + MAX_DEPTH + " deep are refused (possible zip bomb)");
        }
        depth++;
        try {
            if (format == ArchiveFormat.ZIP) {
                try (ZipReader ra = ZipReader.of(a, referenceFile, prefix, maxCompressionRatio);
                        ZipReader rb = ZipReader.of(b, actualFile, prefix, maxCompressionRatio)) {
                    compareZip(container, prefix, ra, rb);
                }
            } else {
                try (TarFile ta = new TarFile(a); TarFile tb = new TarFile(b)) {
                    compareTar(container, prefix, ta, tb);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // A nested archive that does not read (corrupt, or refused as a bomb) is still a difference of the
            // outer one: its bytes, already in memory, are compared as they are.
            findings.add(container, DifferenceKind.BINARY, "nested archive that cannot be read (" + unreadable.getMessage()
                    + "); first differing byte at offset " + Arrays.mismatch(a, b), a.length + " bytes", b.length + " bytes");
        } finally {
            depth--;
        }
    }

    /** An entry both sides hold, by name: the reference's and this build's. */
    private record Pair<E>(E reference, E actual) {}

    /** Reports entries on one side only and a changed order; returns the entries both hold, in the reference's order. */
    private <E> List<Pair<E>> match(String container, String prefix, List<E> a, List<E> b, Function<E, String> name,
            Function<E, Long> size) {
        Map<String, E> ma = byName(a, name);
        Map<String, E> mb = byName(b, name);
        List<Pair<E>> common = new ArrayList<>();
        for (E e : a) {
            String n = name.apply(e);
            E other = mb.get(n);
            if (other != null) {
                if (ma.get(n) == e) {
                    common.add(new Pair<>(e, other));
                }
            } else {
                findings.add(prefix + n, DifferenceKind.ONLY_IN_REFERENCE, "entry", size.apply(e) + " bytes", null);
            }
        }
        List<String> commonB = new ArrayList<>();
        for (E e : b) {
            String n = name.apply(e);
            if (!ma.containsKey(n)) {
                findings.add(prefix + n, DifferenceKind.ONLY_IN_ACTUAL, "entry", null, size.apply(e) + " bytes");
            } else if (mb.get(n) == e) {
                commonB.add(n);
            }
        }
        for (int i = 0; i < common.size(); i++) {
            String n = name.apply(common.get(i).reference());
            if (!n.equals(commonB.get(i))) {
                findings.add(container, DifferenceKind.ORDER, "entry order (first difference at position " + (i + 1)
                        + " of " + common.size() + " common entries)", n, commonB.get(i));
                break;
            }
        }
        return common;
    }

    private static <E> Map<String, E> byName(List<E> entries, Function<E, String> name) {
        Map<String, E> map = new HashMap<>(entries.size() * 2);
        for (E e : entries) {
            map.putIfAbsent(name.apply(e), e); // a duplicate name: the first one is compared
        }
        return map;
    }

    private void compareZip(String container, String prefix, ZipReader ra, ZipReader rb) throws IOException {
        for (Pair<ZipReader.Entry> p : match(container, prefix, ra.entries(), rb.entries(), ZipReader.Entry::name,
                ZipReader.Entry::size)) {
            compareZipEntry(prefix + p.reference().name(), ra, p.reference(), rb, p.actual());
        }
    }

    private void compareZipEntry(String path, ZipReader ra, ZipReader.Entry a, ZipReader rb, ZipReader.Entry b)
            throws IOException {
        if (a.dosTime() != b.dosTime() || a.dosDate() != b.dosDate()) {
            findings.add(path, DifferenceKind.TIMESTAMP, "modification time (DOS, local time)",
                    dosTime(a.dosDate(), a.dosTime()), dosTime(b.dosDate(), b.dosTime()));
        }
        if (a.versionMadeBy() >> 8 != b.versionMadeBy() >> 8 || a.externalAttributes() != b.externalAttributes()) {
            String pa = permissions(a);
            String pb = permissions(b);
            if (!pa.equals(pb)) {
                findings.add(path, DifferenceKind.PERMISSIONS, "external attributes", pa, pb);
            }
        }
        if (a.flags() != b.flags()) {
            findings.add(path, DifferenceKind.HEADER, "general purpose flags", flags(a.flags()), flags(b.flags()));
        }
        extraFields(path, "central", a.centralExtra(), b.centralExtra());
        extraFields(path, "local", ra.localExtra(a), rb.localExtra(b));
        if (a.isDirectory() && b.isDirectory()) {
            return;
        }
        if (a.size() == b.size() && a.crc() == b.crc()) {
            if (a.method() == b.method() && ZipReader.sameRawData(ra, a, rb, b, rawA, rawB)) {
                return;
            }
            if (MessageDigest.isEqual(sha256(ra, a), sha256(rb, b))) {
                findings.add(path, DifferenceKind.COMPRESSION, a.method() != b.method() ? "compression method"
                        : "compressed bytes only (same content)", compression(a), compression(b));
                return;
            }
        }
        compareContents(path, a.size(), b.size(), out -> ra.content(a, out), out -> rb.content(b, out));
    }

    /** Writes an entry's content to a stream. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Two contents that differ: in memory when small enough, else spilled to temporary files. */
    private void compareContents(String path, long sizeA, long sizeB, Content a, Content b) throws IOException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (sizeA <= IN_MEMORY && sizeB <= IN_MEMORY) {
            ByteArrayOutputStream ca = new ByteArrayOutputStream((int) sizeA);
            a.writeTo(ca);
            ByteArrayOutputStream cb = new ByteArrayOutputStream((int) sizeB);
            b.writeTo(cb);
            if (!Arrays.equals(ca.toByteArray(), cb.toByteArray())) {
                explainer.explain(path, name, ca.toByteArray(), cb.toByteArray());
            }
            return;
        }
        Path fa = Files.createTempFile(spillDirectory, ".hermetic-compare-", ".tmp");
        Path fb = Files.createTempFile(spillDirectory, ".hermetic-compare-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(fa)) {
                a.writeTo(out);
            }
            try (OutputStream out = Files.newOutputStream(fb)) {
                b.writeTo(out);
            }
            compareLarge(path, name, fa, fb);
        } finally {
            Files.deleteIfExists(fa);
            Files.deleteIfExists(fb);
        }
    }

    /** Two large contents spilled to files: nested archives compared, anything else by size and first byte. */
    private void compareLarge(String path, String name, Path a, Path b) throws IOException {
        long mismatch = Files.mismatch(a, b);
        if (mismatch < 0) {
            return;
        }
        if (depth + 1 > MAX_DEPTH) {
            throw new ArchiveProblemException(actualFile, path, "archives nested more than " + MAX_DEPTH
                    + " deep are refused (possible zip bomb)");
        }
        depth++;
        try {
            compareFiles(path, name, a, b);
        } finally {
            depth--;
        }
    }

    private static byte[] sha256(ZipReader reader, ZipReader.Entry e) throws IOException {
        MessageDigest digest = DigestAlgorithm.SHA_256.newMessageDigest();
        reader.content(e, new java.security.DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return digest.digest();
    }

    private static String compression(ZipReader.Entry e) {
        return (e.method() == 0 ? "stored" : e.method() == 8 ? "deflated" : "method " + e.method()) + ", "
                + e.compressedSize() + " bytes";
    }

    /** "yyyy-MM-dd HH:mm:ss" by hand: String.format was most of the time of comparing a large jar whose times all differ. */
    static String dosTime(int date, int time) {
        char[] out = "0000-00-00 00:00:00".toCharArray();
        digits(out, 0, 4, ((date >> 9) & 0x7f) + 1980);
        digits(out, 5, 2, (date >> 5) & 0xf);
        digits(out, 8, 2, date & 0x1f);
        digits(out, 11, 2, (time >> 11) & 0x1f);
        digits(out, 14, 2, (time >> 5) & 0x3f);
        digits(out, 17, 2, (time & 0x1f) * 2);
        return new String(out);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            out[i] = (char) ('0' + value % 10);
        }
    }

    private static String permissions(ZipReader.Entry e) {
        int host = e.versionMadeBy() >> 8;
        if (host == 3) {
            return String.format("unix mode %o, made by unix", (e.externalAttributes() >>> 16) & 0xFFFF);
        }
        return String.format("0x%08x, made by %s", e.externalAttributes(), host == 0 ? "MS-DOS" : "host " + host);
    }

    private static String flags(int flags) {
        return String.format("0x%04x", flags) + ((flags & 8) != 0 ? " (data descriptor)" : "")
                + ((flags & 0x800) != 0 ? " (UTF-8 names)" : "");
    }

    /** Extra fields: time fields as timestamps with their values, the others by id and length. */
    private void extraFields(String path, String where, byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return;
        }
        Map<Integer, byte[]> fa = parseExtra(a);
        Map<Integer, byte[]> fb = parseExtra(b);
        if (fa != null && fb != null && fa.keySet().equals(fb.keySet())
                && fa.entrySet().stream().allMatch(f -> Arrays.equals(f.getValue(), fb.get(f.getKey())))) {
            return;
        }
        if (fa != null && fb != null && fa.keySet().equals(fb.keySet())) {
            boolean onlyTimes = true;
            for (Map.Entry<Integer, byte[]> f : fa.entrySet()) {
                if (!Arrays.equals(f.getValue(), fb.get(f.getKey())) && f.getKey() != 0x5455 && f.getKey() != 0x000a) {
                    onlyTimes = false;
                }
            }
            if (onlyTimes) {
                for (Map.Entry<Integer, byte[]> f : fa.entrySet()) {
                    byte[] other = fb.get(f.getKey());
                    if (!Arrays.equals(f.getValue(), other)) {
                        String name = f.getKey() == 0x5455 ? "extended timestamp (0x5455)" : "NTFS times (0x000a)";
                        findings.add(path, DifferenceKind.TIMESTAMP, name + ", " + where + " header",
                                timeField(f.getKey(), f.getValue()), timeField(f.getKey(), other));
                    }
                }
                return;
            }
        }
        findings.add(path, DifferenceKind.EXTRA_FIELDS, where + " header extra fields", describeExtra(fa, a), describeExtra(fb, b));
    }

    /** Extra fields by id in stored order, or {@code null} when they do not parse. */
    private static Map<Integer, byte[]> parseExtra(byte[] extra) {
        Map<Integer, byte[]> fields = new LinkedHashMap<>();
        int p = 0;
        while (p + 4 <= extra.length) {
            int id = (extra[p] & 0xff) | (extra[p + 1] & 0xff) << 8;
            int length = (extra[p + 2] & 0xff) | (extra[p + 3] & 0xff) << 8;
            if (p + 4 + length > extra.length) {
                return null;
            }
            // zip64's field (0x0001) repeats the sizes and offset, compared elsewhere: only its presence counts
            fields.put(id, id == 0x0001 ? new byte[0] : Arrays.copyOfRange(extra, p + 4, p + 4 + length));
            p += 4 + length;
        }
        return p == extra.length ? fields : null;
    }

    private static String describeExtra(Map<Integer, byte[]> fields, byte[] raw) {
        if (fields == null) {
            return raw.length + " bytes that do not parse as extra fields";
        }
        if (fields.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Integer, byte[]> f : fields.entrySet()) {
            parts.add(f.getKey() == 0x0001 ? "0x0001 (zip64)" : String.format("0x%04x (%d bytes)", f.getKey(), f.getValue().length));
        }
        return String.join(", ", parts);
    }

    private static String timeField(int id, byte[] value) {
        if (id == 0x5455 && value.length >= 5 && (value[0] & 1) != 0) {
            long seconds = (value[1] & 0xff) | (value[2] & 0xff) << 8 | (value[3] & 0xff) << 16 | (long) value[4] << 24;
            return "mtime " + Instant.ofEpochSecond(seconds);
        }
        StringBuilder hex = new StringBuilder();
        for (byte x : value) {
            hex.append(String.format("%02x", x));
        }
        return hex.toString();
    }

    private void compareTarFiles(String container, String prefix, Path a, Path b, boolean gzipped) throws IOException {
        if (!gzipped) {
            try (TarFile ta = new TarFile(a); TarFile tb = new TarFile(b)) {
                compareTar(container, prefix, ta, tb);
            }
            return;
        }
        byte[] ha = new byte[10];
        byte[] hb = new byte[10];
        try (InputStream in = Files.newInputStream(a)) {
            in.readNBytes(ha, 0, 10);
        }
        try (InputStream in = Files.newInputStream(b)) {
            in.readNBytes(hb, 0, 10);
        }
        long timeA = (ha[4] & 0xff) | (ha[5] & 0xff) << 8 | (ha[6] & 0xff) << 16 | (long) (ha[7] & 0xff) << 24;
        long timeB = (hb[4] & 0xff) | (hb[5] & 0xff) << 8 | (hb[6] & 0xff) << 16 | (long) (hb[7] & 0xff) << 24;
        if (timeA != timeB) {
            findings.add(container, DifferenceKind.TIMESTAMP, "gzip header time",
                    timeA == 0 ? "0 (none)" : Instant.ofEpochSecond(timeA).toString(),
                    timeB == 0 ? "0 (none)" : Instant.ofEpochSecond(timeB).toString());
        }
        Path ta = gunzip(a, container);
        Path tb = null;
        try {
            tb = gunzip(b, container);
            if (Files.mismatch(ta, tb) < 0) {
                if (timeA == timeB) {
                    findings.add(container, DifferenceKind.COMPRESSION, "gzip stream (the same tar inside)",
                            Files.size(a) + " bytes", Files.size(b) + " bytes");
                }
                return;
            }
            try (TarFile fa = new TarFile(ta); TarFile fb = new TarFile(tb)) {
                compareTar(container, prefix, fa, fb);
            }
        } finally {
            Files.deleteIfExists(ta);
            if (tb != null) {
                Files.deleteIfExists(tb);
            }
        }
    }

    /** Decompresses a gzip to a temporary file, refusing more than the compression-ratio limit allows. */
    private Path gunzip(Path file, String container) throws IOException {
        Path target = Files.createTempFile(spillDirectory, ".hermetic-compare-", ".tar");
        long limit = maxCompressionRatio <= 0 ? Long.MAX_VALUE : Files.size(file) * maxCompressionRatio;
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 64 * 1024);
                OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new ArchiveProblemException(file, container.isEmpty() ? null : container, "expands more than "
                            + maxCompressionRatio + " times its compressed size: refused as a possible gzip bomb");
                }
                out.write(buffer, 0, n);
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            Files.deleteIfExists(target);
            throw new ArchiveProblemException(file, container.isEmpty() ? null : container,
                    "gzip data is corrupt or truncated (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return target;
    }

    private static String tarName(TarArchiveEntry e) {
        return e.isDirectory() && !e.getName().endsWith("/") ? e.getName() + "/" : e.getName();
    }

    private void compareTar(String container, String prefix, TarFile ta, TarFile tb) throws IOException {
        for (Pair<TarArchiveEntry> p : match(container, prefix, ta.getEntries(), tb.getEntries(),
                ArchiveComparator::tarName, TarArchiveEntry::getSize)) {
            compareTarEntry(prefix + tarName(p.reference()), ta, p.reference(), tb, p.actual());
        }
    }

    private void compareTarEntry(String path, TarFile ta, TarArchiveEntry a, TarFile tb, TarArchiveEntry b)
            throws IOException {
        long timeA = a.getModTime().getTime();
        long timeB = b.getModTime().getTime();
        if (timeA != timeB) {
            findings.add(path, DifferenceKind.TIMESTAMP, "mtime", Instant.ofEpochMilli(timeA).toString(),
                    Instant.ofEpochMilli(timeB).toString());
        }
        if (a.getMode() != b.getMode()) {
            findings.add(path, DifferenceKind.PERMISSIONS, "mode", String.format("%o", a.getMode()), String.format("%o", b.getMode()));
        }
        String ownerA = a.getLongUserId() + ":" + a.getLongGroupId() + " (" + a.getUserName() + ":" + a.getGroupName() + ")";
        String ownerB = b.getLongUserId() + ":" + b.getLongGroupId() + " (" + b.getUserName() + ":" + b.getGroupName() + ")";
        if (!ownerA.equals(ownerB)) {
            findings.add(path, DifferenceKind.OWNER, "owner", ownerA, ownerB);
        }
        String typeA = tarType(a);
        String typeB = tarType(b);
        if (!typeA.equals(typeB)) {
            findings.add(path, DifferenceKind.HEADER, "entry type", typeA, typeB);
            return;
        }
        if (!a.isFile() || a.isLink()) {
            return;
        }
        compareContents(path, a.getSize(), b.getSize(), out -> tarContent(ta, a, path, out), out -> tarContent(tb, b, path, out));
    }

    private void tarContent(TarFile tar, TarArchiveEntry e, String path, OutputStream out) throws IOException {
        try (InputStream in = tar.getInputStream(e)) {
            long copied = in.transferTo(out);
            if (copied != e.getSize()) {
                throw new ArchiveProblemException(actualFile, path, "header says " + e.getSize() + " bytes but only "
                        + copied + " are there: truncated");
            }
        }
    }

    private static String tarType(TarArchiveEntry e) {
        if (e.isSymbolicLink()) {
            return "symbolic link to " + e.getLinkName();
        }
        if (e.isLink()) {
            return "hard link to " + e.getLinkName();
        }
        return e.isDirectory() ? "directory" : e.isFile() ? "file" : "type " + (char) e.getLinkFlag();
    }
}
