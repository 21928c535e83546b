package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar larger than the heap normalizes with -Xmx256m: entries are streamed, not held in memory. */
class BoundedMemoryNormalizeTest {

    static final int MB = 1 << 20;

    @TempDir
    Path dir;

    static byte[] random(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8 && i + j < length; j++) {
                b[i + j] = (byte) (v >>> (8 * j));
            }
        }
        return b;
    }

    static void putStored(ZipOutputStream z, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(content);
    }

    @Test
    void threeHundredMegabyteJarWithSmallHeap() throws Exception {
        Path jar = dir.resolve("big.jar");
        SplittableRandom random = new SplittableRandom(300);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(jar), MB);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(1);
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\r\nBuilt-By: ci\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = random(random, 72 * MB);
            for (int i = 0; i < 4; i++) {
                chunk[0] = (byte) i; // four different big incompressible entries, 288 MB
                putStored(z, "data/blob" + i + ".bin", chunk);
            }
            // A big deflated entry (streamed through the encoder) and a nested jar above the in-memory limit.
            z.putNextEntry(new ZipEntry("data/text.txt"));
            byte[] line = "a line of text that compresses well, repeated with a counter: ".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200_000; i++) {
                z.write(line);
                z.write(Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            }
            java.io.ByteArrayOutputStream nested = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream n = new ZipOutputStream(nested)) {
                putStored(n, "inner.bin", random(random, 12 * MB));
            }
            putStored(z, "lib/nested.jar", nested.toByteArray());
            for (int i = 0; i < 3000; i++) {
                z.putNextEntry(new ZipEntry("classes/C" + i + ".class"));
                z.write(random(random, 1500 + i % 500));
            }
        }
        assertThat(Files.size(jar)).isGreaterThan(300L * 1000 * 1000);
        Map<String, Long> crcs = crcs(jar);

        ChildJvm.Result result = ChildJvm.run(ChildJvm.currentJava(), List.of("-Xmx256m"), Map.of(), dir.resolve("child.log"),
                "normalize", jar.toString());

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).startsWith("NORMALIZED").contains("3007 entries");
        assertThat(crcs(jar)).isEqualTo(crcs);
    }

    private static Map<String, Long> crcs(Path jar) throws IOException {
        Map<String, Long> crcs = new HashMap<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                if (!e.getName().endsWith(".MF") && !e.getName().endsWith(".jar")) {
                    crcs.put(e.getName(), e.getCrc());
                }
            }
        }
        return crcs;
    }
}
