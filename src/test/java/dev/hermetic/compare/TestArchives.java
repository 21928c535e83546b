package dev.hermetic.compare;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Small zips and tars written the way build tools write them, with each field under the test's control. */
final class TestArchives {

    /** One zip entry and the header fields a test varies. */
    static final class Entry {
        final String name;
        final byte[] content;
        long time = 1_700_000_000_000L;
        int unixMode;
        boolean stored;
        int level = 6;

        Entry(String name, byte[] content) {
            this.name = name;
            this.content = content;
        }

        Entry time(long millis) {
            this.time = millis;
            return this;
        }

        Entry mode(int mode) {
            this.unixMode = mode;
            return this;
        }

        Entry stored() {
            this.stored = true;
            return this;
        }

        Entry level(int level) {
            this.level = level;
            return this;
        }
    }

    private TestArchives() {}

    static Entry entry(String name, String content) {
        return new Entry(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Entry entry(String name, byte[] content) {
        return new Entry(name, content);
    }

    static byte[] zip(Entry... entries) throws IOException {
        return zip(List.of(entries));
    }

    static byte[] zip(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        org.apache.commons.compress.utils.SeekableInMemoryByteChannel channel =
                new org.apache.commons.compress.utils.SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            for (Entry e : entries) {
                ZipArchiveEntry z = new ZipArchiveEntry(e.name);
                // DOS time is local time: the same wall-clock fields (those of e.time in UTC) in every time zone
                z.setTime(java.time.LocalDateTime.ofEpochSecond(e.time / 1000, 0, java.time.ZoneOffset.UTC)
                        .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli());
                if (e.unixMode != 0) {
                    z.setUnixMode(e.unixMode);
                }
                if (e.stored) {
                    z.setMethod(ZipArchiveEntry.STORED);
                    z.setSize(e.content.length);
                    CRC32 crc = new CRC32();
                    crc.update(e.content);
                    z.setCrc(crc.getValue());
                }
                zip.setLevel(e.level);
                zip.putArchiveEntry(z);
                zip.write(e.content);
                zip.closeArchiveEntry();
            }
        }
        bytes.write(channel.array(), 0, (int) channel.size());
        return bytes.toByteArray();
    }

    /** One tar entry. */
    record TarEntry(String name, byte[] content, long time, int mode, int uid, String user) {
        static TarEntry of(String name, String content) {
            return new TarEntry(name, content.getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L, 0644, 0, "");
        }

        TarEntry time(long millis) {
            return new TarEntry(name, content, millis, mode, uid, user);
        }

        TarEntry mode(int m) {
            return new TarEntry(name, content, time, m, uid, user);
        }

        TarEntry owner(int id, String name) {
            return new TarEntry(this.name, content, time, mode, id, name);
        }
    }

    static byte[] tar(TarEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTar(bytes, entries);
        return bytes.toByteArray();
    }

    static byte[] tarGz(TarEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            writeTar(gz, entries);
        }
        return bytes.toByteArray();
    }

    private static void writeTar(OutputStream out, TarEntry... entries) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        for (TarEntry e : entries) {
            TarArchiveEntry t = new TarArchiveEntry(e.name());
            t.setSize(e.content().length);
            t.setModTime(e.time());
            t.setMode(0100000 | e.mode());
            t.setUserId(e.uid());
            t.setUserName(e.user());
            tar.putArchiveEntry(t);
            tar.write(e.content());
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** Class files compiled from {@code source} by the running JDK's javac, by simple name. */
    static java.util.Map<String, byte[]> compile(Path dir, String className, String source, String release) throws IOException {
        Path src = dir.resolve("src-" + release + "-" + Integer.toHexString(source.hashCode())).resolve(className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path out = src.getParent().resolve("classes");
        Files.createDirectories(out);
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", release, "-d", out.toString(), src.toString());
        if (status != 0) {
            throw new IOException("javac failed on " + src);
        }
        java.util.Map<String, byte[]> classes = new java.util.TreeMap<>();
        try (var files = Files.list(out)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                classes.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return classes;
    }

    static List<Entry> list(Entry... entries) {
        return new ArrayList<>(List.of(entries));
    }
}
