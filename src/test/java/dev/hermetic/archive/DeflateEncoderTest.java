package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeflateEncoderTest {

    /** The tests' run: its encoders are reused from test to test, as a normalization run reuses them. */
    static final RunBuffers BUFFERS = new RunBuffers();

    /** Inflates a raw deflate stream, requiring that it ends exactly at the last byte. */
    static byte[] inflate(byte[] deflated, int expectedLength) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] out = new byte[expectedLength + 1];
            int n = 0;
            while (true) {
                int k = inflater.inflate(out, n, out.length - n);
                n += k;
                if (inflater.finished()) {
                    break;
                }
                if (k == 0 && (inflater.needsInput() || n == out.length)) {
                    throw new AssertionError("stream not finished after " + n + " bytes (expected " + expectedLength + ")");
                }
            }
            assertThat(inflater.getRemaining()).as("bytes after the final block").isZero();
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new AssertionError("invalid deflate stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    static byte[] deflate(byte[] input) {
        return PortableDeflater.deflate(input, 0, input.length, BUFFERS);
    }

    static byte[] roundTrip(byte[] input) {
        byte[] deflated = deflate(input);
        assertThat(inflate(deflated, input.length)).isEqualTo(input);
        return deflated;
    }

    static byte[] streamed(byte[] input, int[] chunks) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PortableDeflater d = new PortableDeflater(sink, input.length, BUFFERS)) {
            int off = 0;
            for (int i = 0; off < input.length; i++) {
                int n = Math.min(chunks[i % chunks.length], input.length - off);
                if (n == 1 && i % 2 == 0) {
                    d.write(input[off]);
                } else {
                    d.write(input, off, n);
                }
                off += n;
            }
        }
        return sink.toByteArray();
    }

    static byte[] text(int length) {
        return TestZips.text(length, length);
    }

    @Test
    void emptyInputIsOneFinalEmptyBlock() {
        byte[] deflated = roundTrip(new byte[0]);
        assertThat(deflated).containsExactly(0x03, 0x00);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 257, 258, 259})
    void tinyInputs(int length) {
        roundTrip(Arrays.copyOf("abcdefgh".repeat(40).getBytes(StandardCharsets.US_ASCII), length));
        roundTrip(TestZips.randomBytes(length, length));
        roundTrip(new byte[length]);
    }

    @Test
    void megabyteOfZerosShrinksToAFewKilobytes() {
        byte[] deflated = roundTrip(new byte[1 << 20]);
        assertThat(deflated.length).isLessThan(4096);
    }

    @Test
    void incompressibleInputIsStoredWithLittleOverhead() {
        byte[] input = TestZips.randomBytes(7, 1 << 20);
        byte[] deflated = roundTrip(input);
        // A stored block costs 5 bytes (a block holds at most BLOCK_SYMBOLS bytes); Huffman would cost more.
        assertThat(deflated.length).isBetween(input.length, input.length + 5 * (input.length / DeflateBlockWriter.BLOCK_SYMBOLS + 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {65535, 65536, 65537, Lz77Matcher.SEGMENT - 1, Lz77Matcher.SEGMENT,
        Lz77Matcher.SEGMENT + 1, 2 * Lz77Matcher.SEGMENT + 3})
    void sizesAroundBlockAndSegmentBoundaries(int length) {
        roundTrip(TestZips.randomBytes(length, length));
        byte[] deflated = roundTrip(text(length));
        assertThat(deflated.length).as("text compresses").isLessThan(length / 2);
    }

    @Test
    void textCompressesAboutAsWellAsZlibLevel1() {
        byte[] input = text(1 << 20);
        byte[] deflated = roundTrip(input);
        java.util.zip.Deflater zlib = new java.util.zip.Deflater(1, true);
        zlib.setInput(input);
        zlib.finish();
        byte[] buffer = new byte[input.length];
        int zlibSize = zlib.deflate(buffer);
        zlib.end();
        assertThat((double) deflated.length).isLessThan(zlibSize * 1.10);
    }

    @Test
    void codesLongerThan15BitsAreLimited() {
        // Fibonacci frequencies give an unlimited Huffman code a depth of about 25.
        List<Byte> symbols = new ArrayList<>();
        long a = 1;
        long b = 1;
        for (int s = 0; s < 25; s++) {
            for (long i = 0; i < a; i++) {
                symbols.add((byte) (s * 7));
            }
            long c = a + b;
            a = b;
            b = c;
        }
        java.util.Collections.shuffle(symbols, new Random(3));
        byte[] input = new byte[symbols.size()];
        for (int i = 0; i < input.length; i++) {
            input[i] = symbols.get(i);
        }
        roundTrip(input);

        int[] freq = new int[286];
        long f1 = 1;
        long f2 = 1;
        for (int s = 0; s < 30; s++) {
            freq[s * 9] = (int) f1;
            long f3 = f1 + f2;
            f1 = f2;
            f2 = f3;
        }
        byte[] lengths = new byte[286];
        new HuffmanCodeBuilder().build(freq, 286, 15, lengths);
        double kraft = 0;
        for (int s = 0; s < 286; s++) {
            assertThat(lengths[s] != 0).isEqualTo(freq[s] != 0);
            assertThat((int) lengths[s]).isLessThanOrEqualTo(15);
            if (lengths[s] != 0) {
                kraft += Math.pow(2, -lengths[s]);
            }
        }
        assertThat(kraft).as("a complete prefix code").isEqualTo(1.0);
    }

    @Test
    void huffmanCodeOfOneOrNoSymbolsIsStillComplete() {
        byte[] lengths = new byte[30];
        HuffmanCodeBuilder builder = new HuffmanCodeBuilder();
        builder.build(new int[30], 30, 15, lengths);
        assertThat(lengths[0]).isEqualTo((byte) 1);
        assertThat(lengths[1]).isEqualTo((byte) 1);
        int[] one = new int[30];
        one[0] = 5;
        builder.build(one, 30, 15, lengths);
        assertThat(lengths[0]).isEqualTo((byte) 1);
        assertThat(lengths[1]).isEqualTo((byte) 1);
        one[0] = 0;
        one[29] = 5;
        builder.build(one, 30, 15, lengths);
        assertThat(lengths[29]).isEqualTo((byte) 1);
        assertThat(lengths[0]).isEqualTo((byte) 1);
    }

    @Test
    void streamingInChunksGivesTheBytesOfOneCall() throws IOException {
        Random random = new Random(10);
        byte[] input = randomShape(random, 10 << 20);
        byte[] oneShot = roundTrip(input);
        int[] randomChunks = new int[1000];
        for (int i = 0; i < randomChunks.length; i++) {
            randomChunks[i] = 1 + random.nextInt(random.nextBoolean() ? 100 : 200_000);
        }
        for (int[] chunks : List.of(new int[] {1}, new int[] {7}, new int[] {4096}, new int[] {65536}, randomChunks)) {
            assertThat(streamed(input, chunks)).as("chunks of %s", chunks.length == 1 ? chunks[0] : "random sizes")
                    .isEqualTo(oneShot);
        }
    }

    /** Runs, repeats at every distance, random and text stretches, of random lengths. */
    static byte[] randomShape(Random random, int length) {
        byte[] b = new byte[length];
        int p = 0;
        while (p < length) {
            int n = Math.min(length - p, 1 + (random.nextInt(4) == 0 ? random.nextInt(5000) : random.nextInt(300)));
            switch (random.nextInt(5)) {
                case 0 -> Arrays.fill(b, p, p + n, (byte) random.nextInt(4));
                case 1 -> {
                    for (int i = p; i < p + n; i++) {
                        b[i] = (byte) random.nextInt();
                    }
                }
                case 2 -> {
                    int distance = 1 + (random.nextBoolean() ? random.nextInt(40) : random.nextInt(32768));
                    for (int i = p; i < p + n; i++) {
                        b[i] = i >= distance ? b[i - distance] : (byte) i;
                    }
                }
                case 3 -> {
                    int distance = random.nextBoolean() ? 32768 : 32768 + random.nextInt(10); // at and beyond the window
                    for (int i = p; i < p + n; i++) {
                        b[i] = i >= distance ? b[i - distance] : (byte) (i * 31);
                    }
                }
                default -> {
                    byte[] t = TestZips.text(random.nextLong(), n);
                    System.arraycopy(t, 0, b, p, n);
                }
            }
            p += n;
        }
        return b;
    }

    @Test
    void thousandsOfRandomShapesInflateBack() {
        Random random = new Random(2026);
        long total = 0;
        for (int i = 0; i < 3000; i++) {
            int length = switch (i % 10) {
                case 0 -> random.nextInt(Lz77Matcher.SEGMENT * 3);
                case 1, 2 -> random.nextInt(40_000);
                default -> random.nextInt(3000);
            };
            byte[] input = randomShape(random, length);
            roundTrip(input);
            total += length;
        }
        assertThat(total).isGreaterThan(30_000_000L);
    }

    @Test
    void sameBytesTwiceOnOneThreadAndOnOthers() throws Exception {
        Random random = new Random(5);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inputs.add(randomShape(random, random.nextInt(i % 20 == 0 ? 400_000 : 20_000)));
        }
        List<byte[]> here = new ArrayList<>();
        for (byte[] input : inputs) {
            here.add(deflate(input));
        }
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(deflate(inputs.get(i))).isEqualTo(here.get(i));
        }
        // Other threads, each starting with a fresh encoder and then reusing it, in another order.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = inputs.size() - 1; i >= 0; i--) {
                byte[] input = inputs.get(i);
                results.add(pool.submit(() -> deflate(input)));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(here.get(inputs.size() - 1 - i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nestedStreamsOnOneThreadDoNotShareState() throws IOException {
        byte[] outer = randomShape(new Random(8), 300_000);
        byte[] inner = text(50_000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PortableDeflater d = new PortableDeflater(sink, outer.length, BUFFERS)) {
            d.write(outer, 0, 150_000);
            assertThat(roundTrip(inner)).isEqualTo(deflate(inner));
            d.write(outer, 150_000, outer.length - 150_000);
        }
        assertThat(sink.toByteArray()).isEqualTo(deflate(outer));
    }

    @Test
    void positionsAreRebasedBeforeTheyOverflow() throws IOException {
        byte[] input = randomShape(new Random(9), 3 * Lz77Matcher.SEGMENT + 5);
        byte[] expected = deflate(input);
        DeflateEncoder encoder = BUFFERS.encoder(OutputStream.nullOutputStream());
        encoder.finish();
        BUFFERS.release(encoder); // the next stream of the run uses it
        encoder.skipPositions(Integer.MAX_VALUE / 2 - Lz77Matcher.SEGMENT);
        assertThat(deflate(input)).isEqualTo(expected);
        assertThat(deflate(input)).isEqualTo(expected);
    }

    @Test
    void aFailedStreamIsNotReused() {
        byte[] input = TestZips.randomBytes(11, 400_000); // stored blocks: written out before the input ends
        byte[] expected = deflate(input);
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        PortableDeflater d = new PortableDeflater(failing, input.length, BUFFERS);
        assertThatThrownBy(() -> d.write(input, 0, input.length)).hasMessage("disk full");
        assertThatThrownBy(d::finish).isInstanceOf(IOException.class).hasMessageContaining("failed earlier");
        assertThat(deflate(input)).isEqualTo(expected);
    }

    @Test
    void aWholeStreamThatFailsLeavesTheNextOneIntact() {
        byte[] input = TestZips.randomBytes(12, 400_000);
        byte[] expected = deflate(input);
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> PortableDeflater.deflate(input, 0, input.length, failing, BUFFERS)).hasMessage("disk full");
        assertThat(deflate(input)).isEqualTo(expected);
        assertThatThrownBy(() -> PortableDeflater.deflate(input, 1, input.length, OutputStream.nullOutputStream(), BUFFERS))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void compressedSizeCountsEveryByteWritten() throws IOException {
        byte[] input = randomShape(new Random(4), 500_000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PortableDeflater d = new PortableDeflater(sink, input.length, BUFFERS);
        d.write(input, 0, input.length);
        d.finish();
        assertThat(d.compressedSize()).isEqualTo(sink.size());
        assertThatThrownBy(() -> d.write(input, 0, 1)).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"guava-33.4.0-jre.jar", "log4j-api-2.24.3.jar", "jackson-databind-2.18.2.jar",
        "bcprov-jdk18on-1.86.jar", "jolokia-war-1.7.2.war"})
    void everyEntryOfRealJarsInflatesBack(String name) throws IOException {
        Path jar = RealJarsTest.real(name);
        int entries = 0;
        long compressed = 0;
        long jdkLevel6 = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                compressed += roundTrip(content).length;
                jdkLevel6 += entry.getCompressedSize();
                entries++;
                if (entry.getName().endsWith(".jar")) {
                    entries += nestedEntriesInflateBack(content);
                }
            }
        }
        assertThat(entries).isGreaterThan(name.endsWith(".war") ? 100 : 50);
        // Greedy and fast: within 15% of what the original compressor (zlib, mostly level 6) made of it.
        assertThat((double) compressed).isLessThan(jdkLevel6 * 1.15);
    }

    private static int nestedEntriesInflateBack(byte[] jar) throws IOException {
        int n = 0;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                roundTrip(in.readAllBytes());
                n++;
            }
        }
        assertThat(n).isPositive();
        return n;
    }
}
