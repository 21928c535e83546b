package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.archive.TestZips.Entry;
import dev.hermetic.archive.TestZips.Mess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad input: each case names the file, the entry and the problem, and leaves the original untouched. */
class ZipProblemsTest {

    @TempDir
    Path dir;

    static byte[] base() throws IOException {
        return TestZips.zip(List.of(
                Entry.of("a.txt", TestZips.text(1, 20_000)),
                Entry.stored("b.bin", TestZips.randomBytes(2, 1000)),
                Entry.of("c.txt", "third")), Mess.clean());
    }

    /** Position of the central directory header of {@code name}. */
    static int central(byte[] zip, String name) {
        return find(zip, name, 0x02014b50, 46, 28);
    }

    static int local(byte[] zip, String name) {
        return find(zip, name, 0x04034b50, 30, 26);
    }

    private static int find(byte[] zip, String name, int signature, int fixed, int nameLengthAt) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + fixed + n.length <= zip.length; i++) {
            if (ZipCentralDirectory.u32(zip, i) == (signature & 0xFFFFFFFFL) && ZipCentralDirectory.u16(zip, i + nameLengthAt) == n.length
                    && Arrays.equals(zip, i + fixed, i + fixed + n.length, n, 0, n.length)) {
                return i;
            }
        }
        throw new AssertionError(name + " not found");
    }

    static byte[] rename(byte[] zip, String from, String to) {
        byte[] copy = zip.clone();
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        assertThat(t).hasSameSizeAs(f);
        System.arraycopy(t, 0, copy, local(zip, from) + 30, t.length);
        System.arraycopy(t, 0, copy, central(zip, from) + 46, t.length);
        return copy;
    }

    ArchiveProblemException refuse(byte[] zip, NormalizationOptions options, String entry, String... messageParts) throws IOException {
        Path file = dir.resolve("bad.jar");
        Files.write(file, zip);
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> normalizer.normalize(file));
        assertThat(thrown).isInstanceOf(ArchiveProblemException.class);
        ArchiveProblemException problem = (ArchiveProblemException) thrown;
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.entry()).isEqualTo(entry);
        assertThat(problem.getMessage()).contains(file.toString());
        if (messageParts.length > 0) {
            assertThat(problem.getMessage()).contains(messageParts);
        }
        assertThat(Files.readAllBytes(file)).as("original untouched").isEqualTo(zip);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("bad.jar");
        }
        return problem;
    }

    static NormalizationOptions options(CompressionMode mode) {
        return NormalizationOptions.defaults(BuildTimestamp.DEFAULT_EPOCH_SECONDS).withCompression(mode);
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void truncatedArchive(CompressionMode mode) throws IOException {
        byte[] zip = base();
        refuse(Arrays.copyOf(zip, zip.length - 10), options(mode), null, "no end of central directory record", "truncated");
        refuse(Arrays.copyOf(zip, zip.length / 2), options(mode), null, "truncated");
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void missingCentralDirectory(CompressionMode mode) throws IOException {
        byte[] zip = base();
        int cd = central(zip, "a.txt");
        byte[] cut = new byte[cd + 22];
        System.arraycopy(zip, 0, cut, 0, cd);
        System.arraycopy(zip, zip.length - 22, cut, cd, 22);
        refuse(cut, options(mode), null, "central directory", "truncated or corrupt");
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void badCrcOfStoredEntryInBothModes(CompressionMode mode) throws IOException {
        byte[] zip = base();
        byte[] stored = zip.clone();
        stored[local(zip, "b.bin") + 30 + 5 + 100] ^= 1;
        refuse(stored, options(mode), "b.bin", "CRC mismatch");
        byte[] storedLie = zip.clone();
        ZipWriter.put32(storedLie, central(zip, "b.bin") + 24, 999);
        refuse(storedLie, options(mode), "b.bin", "stored entry has compressed size 1000 but size 999");
    }

    @Test
    void portableModeChecksEveryDeflatedEntry() throws IOException {
        NormalizationOptions portable = options(CompressionMode.PORTABLE);
        byte[] zip = base();
        byte[] crc = zip.clone();
        crc[central(zip, "a.txt") + 16] ^= 1;
        refuse(crc, portable, "a.txt", "CRC mismatch");
        byte[] smaller = zip.clone();
        ZipWriter.put32(smaller, central(zip, "a.txt") + 24, 10_000);
        refuse(smaller, portable, "a.txt", "more than the 10000 bytes its header declares");
        byte[] larger = zip.clone();
        ZipWriter.put32(larger, central(zip, "a.txt") + 24, 30_000);
        refuse(larger, portable, "a.txt", "content is 20000 bytes but the header says 30000");
        byte[] compressed = zip.clone();
        int c = central(zip, "a.txt");
        ZipWriter.put32(compressed, c + 20, ZipCentralDirectory.u32(zip, c + 20) + 7);
        refuse(compressed, portable, "a.txt", "continues after the end of its deflate stream");
        byte[] corrupt = zip.clone();
        int data = local(zip, "a.txt") + 30 + 5;
        for (int i = 0; i < 16; i++) {
            corrupt[data + 40 + i] = (byte) 0xff;
        }
        ArchiveProblemException e = refuse(corrupt, portable, "a.txt");
        assertThat(e.getMessage()).containsAnyOf("corrupt deflate data", "CRC mismatch", "sizes lie", "header says");
    }

    @Test
    void fastModeCarriesDeflatedBytesOverWithoutInflatingThem() throws IOException {
        // Documented trade-off: FAST does not inflate entries it copies raw, so a wrong CRC inside one is
        // carried over as it was (never made worse), while every structural check still applies.
        byte[] zip = base();
        byte[] crc = zip.clone();
        crc[central(zip, "a.txt") + 16] ^= 1;
        Path file = dir.resolve("fast.jar");
        Files.write(file, crc);
        new ArchiveNormalizer(options(CompressionMode.FAST)).normalize(file);
        try (var z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(file).get()) {
            assertThat(z.getEntry("a.txt").getCrc()).isEqualTo(ZipCentralDirectory.u32(crc, central(zip, "a.txt") + 16));
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void unsafeNames(CompressionMode mode) throws IOException {
        byte[] zip = TestZips.zip(List.of(Entry.of("xx/yy/a.txt", "a"), Entry.of("b.txt", "b")), Mess.clean());
        refuse(rename(zip, "xx/yy/a.txt", "../../a.txt"), options(mode), "../../a.txt", "unsafe entry name", "'..' segment");
        refuse(rename(zip, "xx/yy/a.txt", "xx/../../.t"), options(mode), "xx/../../.t", "unsafe entry name", "'..' segment");
        refuse(rename(zip, "xx/yy/a.txt", "/tmp/evil.x"), options(mode), "/tmp/evil.x", "absolute path");
        refuse(rename(zip, "xx/yy/a.txt", "C:/evil.txt"), options(mode), "C:/evil.txt", "drive letter");
        refuse(rename(zip, "xx/yy/a.txt", "..\\..\\a.txt"), options(mode), "..\\..\\a.txt", "backslash");
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void duplicateNames(CompressionMode mode) throws IOException {
        byte[] zip = TestZips.zip(List.of(Entry.of("a.txt", "first"), Entry.of("b.txt", "second")), Mess.clean());
        refuse(rename(zip, "b.txt", "a.txt"), options(mode), "a.txt", "duplicate entry name");
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void encryptedEntry(CompressionMode mode) throws IOException {
        byte[] zip = base();
        zip[central(zip, "c.txt") + 8] |= 1;
        refuse(zip, options(mode), "c.txt", "encrypted");
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void unknownCompressionMethod(CompressionMode mode) throws IOException {
        byte[] zip = base();
        zip[central(zip, "a.txt") + 10] = 12;
        refuse(zip, options(mode), "a.txt", "compression method 12 (bzip2) is not supported");
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void compressionRatioAboveTheLimit(CompressionMode mode) throws IOException {
        byte[] zip = TestZips.zip(List.of(Entry.of("zeros.bin", new byte[4 << 20]), Entry.of("ok.txt", "ok")), Mess.clean());
        NormalizationOptions strict = new NormalizationOptions(BuildTimestamp.DEFAULT_EPOCH_SECONDS, mode,
                NormalizationOptions.DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE, 100);
        refuse(zip, strict, "zeros.bin", "possible zip bomb", "maxCompressionRatio");
        if (mode == CompressionMode.PORTABLE) {
            // The header claims a modest size, the data expands far beyond it: stopped while inflating.
            byte[] lying = zip.clone();
            int c = central(zip, "zeros.bin");
            ZipWriter.put32(lying, c + 24, ZipCentralDirectory.u32(zip, c + 20) * 50);
            refuse(lying, strict, "zeros.bin", "more than the");
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void corruptNestedArchiveNamesTheNestedPath(CompressionMode mode) throws IOException {
        byte[] inner = base();
        byte[] badInner = inner.clone();
        badInner[local(inner, "b.bin") + 30 + 5 + 10] ^= 1;
        byte[] outer = TestZips.zip(List.of(Entry.stored("WEB-INF/lib/inner.jar", badInner), Entry.of("x.txt", "x")), Mess.clean());
        refuse(outer, options(mode), "WEB-INF/lib/inner.jar!/b.bin", "CRC mismatch");
    }
}
