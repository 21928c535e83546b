package dev.hermetic.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zips for tests the way messy real-world tools do. */
final class TestZips {

    /** One entry: a name, content, whether to store it, unix mode (0 for none). */
    record Entry(String name, byte[] content, boolean stored, int unixMode) {
        static Entry of(String name, String content) {
            return new Entry(name, content.getBytes(StandardCharsets.UTF_8), false, 0);
        }

        static Entry of(String name, byte[] content) {
            return new Entry(name, content, false, 0);
        }

        static Entry stored(String name, byte[] content) {
            return new Entry(name, content, true, 0);
        }

        static Entry directory(String name) {
            return new Entry(name, new byte[0], false, 0);
        }

        Entry withMode(int mode) {
            return new Entry(name, content, stored, mode);
        }
    }

    /** How a build differs: entry order, clock, extra fields, data descriptors, comments. */
    record Mess(long seed, long time, boolean extendedTimestamps, boolean dataDescriptors, String comment, int level) {
        static Mess clean() {
            return new Mess(0, 1_600_000_000_000L, false, false, null, 6);
        }
    }

    private TestZips() {}

    static byte[] zip(List<Entry> entries, Mess mess) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(entries, mess, bytes);
        return bytes.toByteArray();
    }

    static void write(List<Entry> entries, Mess mess, OutputStream target) throws IOException {
        List<Entry> order = new ArrayList<>(entries);
        if (mess.seed() != 0) {
            Collections.shuffle(order, new Random(mess.seed()));
        }
        // Written to a plain stream, commons-compress uses data descriptors for deflated entries; to a
        // seekable channel it does not.
        org.apache.commons.compress.utils.SeekableInMemoryByteChannel channel =
                mess.dataDescriptors() ? null : new org.apache.commons.compress.utils.SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream zip = channel == null ? new ZipArchiveOutputStream(target) : new ZipArchiveOutputStream(channel)) {
            zip.setLevel(mess.level());
            if (mess.comment() != null) {
                zip.setComment(mess.comment());
            }
            int i = 0;
            for (Entry e : order) {
                ZipArchiveEntry z = new ZipArchiveEntry(e.name());
                z.setTime(mess.time() + 2000L * i++);
                if (e.unixMode() != 0) {
                    z.setUnixMode(e.unixMode());
                }
                if (mess.extendedTimestamps()) {
                    X5455_ExtendedTimestamp x = new X5455_ExtendedTimestamp();
                    x.setModifyJavaTime(new java.util.Date(mess.time() + 1000L * i));
                    z.addExtraField(x);
                }
                if (mess.comment() != null) {
                    z.setComment(mess.comment() + " " + e.name());
                }
                if (e.stored() || e.name().endsWith("/")) {
                    z.setMethod(ZipArchiveEntry.STORED);
                    z.setSize(e.content().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.content());
                    z.setCrc(crc.getValue());
                } else {
                    z.setMethod(ZipArchiveEntry.DEFLATED);
                }
                zip.putArchiveEntry(z);
                zip.write(e.content());
                zip.closeArchiveEntry();
            }
        }
        if (channel != null) {
            target.write(java.util.Arrays.copyOf(channel.array(), (int) channel.size()));
        }
    }

    static byte[] randomBytes(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Compressible text of roughly {@code length} bytes. */
    static byte[] text(long seed, int length) {
        Random r = new Random(seed);
        String[] words = {"alpha", "beta", "gamma", "delta", "class", "public", "static", "void", "return", "\n"};
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(words[r.nextInt(words.length)]).append(' ');
        }
        return s.substring(0, length).getBytes(StandardCharsets.UTF_8);
    }
}
