package dev.hermetic.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Throughput of PortableDeflater's encoder against jzlib 1.1.3 level 3 (what PortableDeflater used before)
 * on the uncompressed entries of real jars, in one JVM: pass 1 is the cold figure, later passes are warm.
 * Usage: DeflateBench (encoder|jzlib) PASSES JAR... ; prints one line per pass, then sizes.
 * Run through bench/deflate/run.sh, which compiles this against a build's classes.
 */
public final class DeflateBench {

    public static void main(String[] args) throws Exception {
        String which = args[0];
        int passes = Integer.parseInt(args[1]);
        List<byte[]> entries = new ArrayList<>();
        long total = 0;
        for (int i = 2; i < args.length; i++) {
            try (ZipFile zip = new ZipFile(args[i])) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] b = in.readAllBytes();
                        entries.add(b);
                        total += b.length;
                    }
                }
            }
        }
        CountingSink sink = new CountingSink();
        RunBuffers buffers = new RunBuffers();
        for (int pass = 1; pass <= passes; pass++) {
            sink.count = 0;
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            for (byte[] b : entries) {
                if (which.equals("jzlib")) {
                    JzlibLevel3.deflate(b, sink);
                } else {
                    try (PortableDeflater d = new PortableDeflater(sink, b.length, buffers)) {
                        d.write(b, 0, b.length);
                    }
                }
            }
            long wall = System.nanoTime() - t0;
            long cpu = cpuNanos() - cpu0;
            System.out.printf("%s pass %d: %d entries, %d bytes in, %d bytes out (%.2f%%), %.0f ms, %.1f MB/s, thread cpu %.0f ms%n",
                    which, pass, entries.size(), total, sink.count, 100.0 * sink.count / total, wall / 1e6,
                    total / 1e6 / (wall / 1e9), cpu / 1e6);
        }
        if (!which.equals("jzlib") && !Boolean.getBoolean("bench.noVerify")) {
            // Not timed: every entry inflates back to itself.
            for (byte[] b : entries) {
                byte[] z = PortableDeflater.deflate(b, 0, b.length, buffers);
                Inflater inflater = new Inflater(true);
                inflater.setInput(z);
                byte[] back = new byte[b.length + 1];
                int n = 0;
                while (!inflater.finished() && n < back.length) {
                    int k = inflater.inflate(back, n, back.length - n);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IllegalStateException("truncated stream");
                    }
                    n += k;
                }
                inflater.end();
                if (n != b.length || !java.util.Arrays.equals(back, 0, n, b, 0, n)) {
                    throw new IllegalStateException("round trip failed for an entry of " + b.length + " bytes");
                }
            }
            System.out.println(which + ": every entry inflates back to its content");
        }
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** jzlib level 3 with the window chosen from the size, as PortableDeflater did up to version 0.1.0's issue 2. */
    static final class JzlibLevel3 {
        private static final byte[] BUFFER = new byte[64 * 1024];

        static void deflate(byte[] data, OutputStream out) throws IOException {
            int windowBits = 9;
            while (windowBits < 15 && (1L << windowBits) < data.length + 262) {
                windowBits++;
            }
            int memLevel = Math.max(1, Math.min(8, windowBits - 7));
            com.jcraft.jzlib.Deflater d;
            try {
                d = new com.jcraft.jzlib.Deflater(3, windowBits, memLevel, com.jcraft.jzlib.JZlib.WrapperType.NONE);
            } catch (com.jcraft.jzlib.GZIPException e) {
                throw new IOException(e);
            }
            d.setInput(data, 0, data.length, false);
            int status;
            do {
                d.setOutput(BUFFER, 0, BUFFER.length);
                status = d.deflate(com.jcraft.jzlib.JZlib.Z_FINISH);
                out.write(BUFFER, 0, BUFFER.length - d.avail_out);
            } while (status != com.jcraft.jzlib.JZlib.Z_STREAM_END);
            d.end();
        }
    }
}
