package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hermetic.archive.NormalizationResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarNormalizerTest {

    static final long EPOCH = 1795564800L;
    static final String LONG_NAME = "dist/" + "very-long-directory-name/".repeat(6) + "file.txt";

    @TempDir
    Path dir;

    record Item(String name, byte[] content, int mode, boolean directory, String linkTarget) {}

    static List<Item> items() {
        List<Item> items = new ArrayList<>();
        items.add(new Item("dist/", new byte[0], 040700, true, null));
        items.add(new Item("dist/bin/", new byte[0], 040775, true, null));
        items.add(new Item("dist/bin/run", "#!/bin/sh\necho run\n".getBytes(StandardCharsets.UTF_8), 0100750, false, null));
        items.add(new Item("dist/lib/app.jar", TestZips.randomBytes(1, 3000), 0100600, false, null));
        items.add(new Item("dist/README", "read me".getBytes(StandardCharsets.UTF_8), 0100664, false, null));
        items.add(new Item("dist/latest", new byte[0], 0120777, false, "lib/app.jar"));
        items.add(new Item(LONG_NAME, "long".getBytes(StandardCharsets.UTF_8), 0100644, false, null));
        items.add(new Item("dist/ünïcödé.txt", "u".getBytes(StandardCharsets.UTF_8), 0100644, false, null));
        return items;
    }

    static byte[] tar(List<Item> items, long seed, long mtime, String user, boolean gzip) throws IOException {
        List<Item> order = new ArrayList<>(items);
        Collections.shuffle(order, new Random(seed));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            t.setLongFileMode(seed % 2 == 0 ? TarArchiveOutputStream.LONGFILE_GNU : TarArchiveOutputStream.LONGFILE_POSIX);
            t.setAddPaxHeadersForNonAsciiNames(seed % 2 == 1);
            for (Item i : order) {
                TarArchiveEntry e = i.linkTarget() != null ? new TarArchiveEntry(i.name(), TarArchiveEntry.LF_SYMLINK) : new TarArchiveEntry(i.name());
                if (i.linkTarget() != null) {
                    e.setLinkName(i.linkTarget());
                }
                e.setMode(i.mode());
                e.setModTime(mtime * 1000 + seed);
                e.setUserName(user);
                e.setGroupName(user);
                e.setUserId(1000 + (int) seed);
                e.setGroupId(1000 + (int) seed);
                if (!i.directory() && i.linkTarget() == null) {
                    e.setSize(i.content().length);
                }
                t.putArchiveEntry(e);
                if (!i.directory() && i.linkTarget() == null) {
                    t.write(i.content());
                }
                t.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    ArchiveNormalizer normalizer() {
        return new ArchiveNormalizer(NormalizationOptions.defaults(EPOCH));
    }

    static Map<String, TarArchiveEntry> read(Path file, boolean gzip, Map<String, byte[]> contents) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file);
                TarArchiveInputStream in = new TarArchiveInputStream(gzip ? new GZIPInputStream(raw) : raw)) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), e);
                contents.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void differentlyBuiltTarsComeOutIdentical(boolean gzip) throws IOException {
        Path a = dir.resolve(gzip ? "a.tar.gz" : "a.tar");
        Path b = dir.resolve(gzip ? "b.tgz" : "b.tar");
        Files.write(a, tar(items(), 1, 1_600_000_000L, "alice", gzip));
        Files.write(b, tar(items(), 2, 1_700_000_000L, "bob", gzip));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));

        assertThat(normalizer().normalize(a).outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(normalizer().normalize(b).outcome()).isEqualTo(Outcome.NORMALIZED);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        NormalizationResult again = normalizer().normalize(a);
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.entries()).isEqualTo(items().size());
    }

    @Test
    void entriesCarryTheFixedMetadataAndTheirContent() throws IOException {
        Path file = dir.resolve("dist.tar.gz");
        Files.write(file, tar(items(), 3, 1_650_000_000L, "carol", true));
        normalizer().normalize(file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[3]).as("gzip flags: no name").isZero();
        assertThat(Arrays4.slice(bytes, 4, 8)).as("gzip mtime 0").containsOnly(0);
        assertThat(bytes[9] & 0xff).as("gzip OS byte").isEqualTo(255);

        Map<String, byte[]> contents = new LinkedHashMap<>();
        Map<String, TarArchiveEntry> entries = read(file, true, contents);
        List<String> names = new ArrayList<>(entries.keySet());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertThat(names).isEqualTo(sorted);
        for (Item i : items()) {
            TarArchiveEntry e = entries.get(i.name());
            assertThat(e).as(i.name()).isNotNull();
            assertThat(e.getModTime().getTime()).isEqualTo(EPOCH * 1000);
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getGroupName()).isEmpty();
            int expectedMode = i.directory() ? 0755 : i.linkTarget() != null ? 0777 : (i.mode() & 0111) != 0 ? 0755 : 0644;
            assertThat(e.getMode() & 07777).as(i.name()).isEqualTo(expectedMode);
            if (i.linkTarget() != null) {
                assertThat(e.isSymbolicLink()).isTrue();
                assertThat(e.getLinkName()).isEqualTo(i.linkTarget());
            } else if (!i.directory()) {
                assertThat(contents.get(i.name())).as(i.name()).isEqualTo(i.content());
            }
        }
        assertThat(Files.size(file)).isPositive();
        Path plain = dir.resolve("plain.tar");
        Files.write(plain, tar(items(), 3, 1_650_000_000L, "carol", false));
        normalizer().normalize(plain);
        assertThat(Files.size(plain) % 10240).isZero();
    }

    @Test
    void unsafeNamesAndDuplicatesAreRefused() throws IOException {
        Path evil = dir.resolve("evil.tar");
        Files.write(evil, tar(List.of(new Item("../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8), 0100644, false, null)), 1, 1, "u", false));
        byte[] before = Files.readAllBytes(evil);
        Throwable thrown = catchThrowable(() -> normalizer().normalize(evil));
        assertThat(thrown).isInstanceOf(ArchiveProblemException.class).hasMessageContaining("evil.tar")
                .hasMessageContaining("'../../etc/passwd'").hasMessageContaining("'..' segment");
        assertThat(Files.readAllBytes(evil)).isEqualTo(before);

        Path twice = dir.resolve("twice.tar");
        Item a = new Item("a.txt", "1".getBytes(StandardCharsets.UTF_8), 0100644, false, null);
        Files.write(twice, tar(List.of(a, a), 1, 1, "u", false));
        assertThat(catchThrowable(() -> normalizer().normalize(twice))).isInstanceOf(ArchiveProblemException.class)
                .hasMessageContaining("duplicate entry name");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("evil.tar", "twice.tar");
        }
    }

    @Test
    void truncatedTarAndCorruptGzipAreRefused() throws IOException {
        byte[] full = tar(items(), 1, 1_600_000_000L, "u", false);
        Path cut = dir.resolve("cut.tar");
        Files.write(cut, java.util.Arrays.copyOf(full, 512 * 4 + 100));
        assertThat(catchThrowable(() -> normalizer().normalize(cut))).isInstanceOf(ArchiveProblemException.class)
                .hasMessageContaining("cut.tar").hasMessageContaining("truncated");

        byte[] gz = tar(items(), 1, 1_600_000_000L, "u", true);
        Path badGz = dir.resolve("bad.tgz");
        Files.write(badGz, java.util.Arrays.copyOf(gz, gz.length / 2));
        assertThat(catchThrowable(() -> normalizer().normalize(badGz))).isInstanceOf(ArchiveProblemException.class)
                .hasMessageContaining("bad.tgz").hasMessageContaining("truncated");
    }

    @Test
    void gzipOfSomethingElseIsNotAnArchive() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("plain text, not a tar".repeat(100).getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("notes.txt.gz");
        Files.write(file, bytes.toByteArray());
        assertThat(normalizer().normalize(file).outcome()).isEqualTo(Outcome.NOT_AN_ARCHIVE);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes.toByteArray());
    }

    /** Tiny array helpers for assertions. */
    static final class Arrays4 {
        static int[] slice(byte[] b, int from, int to) {
            int[] r = new int[to - from];
            for (int i = from; i < to; i++) {
                r[i - from] = b[i];
            }
            return r;
        }
    }
}
