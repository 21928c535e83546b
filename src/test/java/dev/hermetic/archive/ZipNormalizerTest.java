package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.archive.NormalizationResult.Outcome;
import dev.hermetic.archive.TestZips.Entry;
import dev.hermetic.archive.TestZips.Mess;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ZipNormalizerTest {

    /** 2026-11-25T00:00:00Z */
    static final long EPOCH = 1795564800L;

    @TempDir
    Path dir;

    static NormalizationOptions options(CompressionMode mode) {
        return NormalizationOptions.defaults(EPOCH).withCompression(mode);
    }

    static List<Entry> jarEntries(String builtBy, int fileMode, String pomDate, boolean pomSorted) {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.directory("META-INF/"));
        entries.add(Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\n"
                + "Built-By: " + builtBy + "\r\nBuild-Jdk-Spec: 17\r\nMain-Class: com.example.App\r\n"
                + "Implementation-Title: a title long enough to need a continuation line once the name is put before it\r\n\r\n"
                + "Name: com/example/\r\nSealed: true\r\n\r\n"));
        entries.add(Entry.directory("META-INF/maven/"));
        entries.add(Entry.directory("META-INF/maven/com.example/"));
        entries.add(Entry.directory("META-INF/maven/com.example/app/"));
        String props = pomSorted ? "artifactId=app\ngroupId=com.example\nversion=1.0\n"
                : "version=1.0\r\ngroupId=com.example\r\nartifactId=app\r\n";
        entries.add(Entry.of("META-INF/maven/com.example/app/pom.properties", "#Created by Apache Maven 3.9.6\n#" + pomDate + "\n" + props));
        entries.add(Entry.directory("com/"));
        entries.add(Entry.directory("com/example/"));
        for (int i = 0; i < 30; i++) {
            entries.add(Entry.of("com/example/C" + i + ".class", TestZips.text(i, 100 + 300 * i)).withMode(fileMode));
        }
        entries.add(Entry.of("com/example/app.properties", "#" + pomDate + "\nkey=value\nother=1\n"));
        entries.add(Entry.stored("com/example/stored.bin", TestZips.randomBytes(7, 5000)).withMode(fileMode));
        entries.add(Entry.of("bin/run.sh", "#!/bin/sh\necho hi\n").withMode(0100755));
        entries.add(Entry.of("Ünïcode/名前.txt", "utf-8 names"));
        return entries;
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void messyBuildsOfTheSameContentComeOutIdentical(CompressionMode mode) throws IOException {
        Path a = write("a.jar", TestZips.zip(jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false),
                Mess.clean()));
        Path b = write("b.jar", TestZips.zip(jarEntries("bob", 0100600, "Wed Nov 25 23:59:59 UTC 2026", true),
                new Mess(42, 1_700_000_000_000L, true, true, "built on host-17", 9)));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));

        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(mode));
        assertThat(normalizer.normalize(a).outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(normalizer.normalize(b).outcome()).isEqualTo(Outcome.NORMALIZED);

        if (mode == CompressionMode.PORTABLE) {
            assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        } else {
            // FAST keeps each input's compressed bytes, and a and b were compressed at different levels:
            // the metadata and every uncompressed byte agree, the compressed bytes need not.
            assertThat(ArchiveContents.of(a)).isEqualTo(ArchiveContents.of(b));
            assertThat(ArchiveContents.names(a)).isEqualTo(ArchiveContents.names(b));
        }
    }

    @Test
    void fastModeGivesIdenticalBytesWhenOnlyMetadataDiffers() throws IOException {
        Mess one = new Mess(1, 1_600_000_000_000L, false, false, null, 6);
        Mess two = new Mess(99, 1_700_000_000_000L, true, true, "comment", 6);
        Path a = write("a.jar", TestZips.zip(jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false), one));
        Path b = write("b.jar", TestZips.zip(jarEntries("bob", 0100600, "Wed Nov 25 23:59:59 UTC 2026", true), two));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(CompressionMode.FAST));
        normalizer.normalize(a);
        normalizer.normalize(b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void secondPassChangesNothingAndDoesNotTouchTheFile(CompressionMode mode) throws IOException {
        Path jar = write("app.jar", TestZips.zip(jarEntries("alice", 0100664, "Tue Nov 24 10:00:00 CET 2026", false),
                new Mess(3, 1_650_000_000_000L, true, true, "c", 1)));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(mode));
        assertThat(normalizer.normalize(jar).outcome()).isEqualTo(Outcome.NORMALIZED);
        byte[] once = Files.readAllBytes(jar);
        FileTime stamp = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(jar, stamp);

        NormalizationResult again = normalizer.normalize(jar);

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.entries()).isEqualTo(jarEntries("x", 0, "x", true).size());
        assertThat(Files.readAllBytes(jar)).isEqualTo(once);
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(stamp);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("app.jar");
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void everyEntryKeepsItsContentAndOnlyMetadataIsScrubbed(CompressionMode mode) throws IOException {
        byte[] input = TestZips.zip(jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false),
                new Mess(5, 1_650_000_000_000L, true, false, "c", 6));
        Path jar = write("app.jar", input);
        new ArchiveNormalizer(options(mode)).normalize(jar);

        assertThat(ArchiveContents.of(jar)).isEqualTo(ArchiveContents.of(input));
        try (ZipFile z = ZipFile.builder().setPath(jar).get()) {
            String manifest = ArchiveContents.text(z.getInputStream(z.getEntry("META-INF/MANIFEST.MF")).readAllBytes());
            assertThat(manifest).startsWith("Manifest-Version: 1.0\r\n")
                    .doesNotContain("Built-By", "Created-By", "Build-Jdk-Spec")
                    .contains("Main-Class: com.example.App\r\n", "\r\n\r\nName: com/example/\r\nSealed: true\r\n\r\n");
            assertThat(manifest.lines()).allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 72);
            String pom = ArchiveContents.text(z.getInputStream(z.getEntry("META-INF/maven/com.example/app/pom.properties")).readAllBytes());
            assertThat(pom).isEqualTo("artifactId=app\ngroupId=com.example\nversion=1.0\n");
            String other = ArchiveContents.text(z.getInputStream(z.getEntry("com/example/app.properties")).readAllBytes());
            assertThat(other).isEqualTo("key=value\nother=1\n");
        }
    }

    @Test
    void writesFixedMetadataInTheDocumentedOrder() throws IOException {
        Path jar = write("app.jar", TestZips.zip(jarEntries("alice", 0100600, "Tue Nov 24 10:00:00 CET 2026", false),
                new Mess(11, 1_650_000_000_000L, true, true, "a comment", 6)));
        new ArchiveNormalizer(options(CompressionMode.PORTABLE)).normalize(jar);

        List<String> names = ArchiveContents.names(jar);
        assertThat(names.subList(0, 2)).containsExactly("META-INF/", "META-INF/MANIFEST.MF");
        List<String> rest = new ArrayList<>(names.subList(2, names.size()));
        List<String> sorted = new ArrayList<>(rest);
        sorted.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertThat(rest).isEqualTo(sorted);

        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(jar.toFile())) {
            assertThat(jdk.getComment()).isNullOrEmpty();
        }
        try (ZipFile z = ZipFile.builder().setPath(jar).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                assertThat(e.getExtraFields(true)).as(e.getName()).isEmpty();
                assertThat(e.getLocalFileDataExtra()).as(e.getName()).isEmpty();
                assertThat(e.getComment()).as(e.getName()).isNullOrEmpty();
                assertThat(e.getGeneralPurposeBit().usesUTF8ForNames()).isTrue();
                assertThat(e.getGeneralPurposeBit().usesDataDescriptor()).isFalse();
                assertThat(e.getPlatform()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
                int expected = e.isDirectory() ? 040755 : e.getName().equals("bin/run.sh") ? 0100755 : 0100644;
                assertThat(e.getUnixMode()).as(e.getName()).isEqualTo(expected);
            }
        }
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            assertThat(in.getManifest()).isNotNull();
            assertThat(in.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("com.example.App");
        }
    }

    @Test
    void dosTimeFieldsDoNotDependOnTheDefaultTimeZone() throws IOException {
        byte[] input = TestZips.zip(jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false), Mess.clean());
        TimeZone original = TimeZone.getDefault();
        List<byte[]> results = new ArrayList<>();
        try {
            for (String zone : List.of("UTC", "Pacific/Kiritimati", "America/Los_Angeles")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Path jar = write("tz-" + results.size() + ".jar", input);
                new ArchiveNormalizer(options(CompressionMode.PORTABLE)).normalize(jar);
                results.add(Files.readAllBytes(jar));
            }
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
        // The first local header's DOS time and date fields hold 2026-11-25 00:00:00 as UTC.
        byte[] zip = results.get(0);
        assertThat(ZipCentralDirectory.u16(zip, 10)).isZero();
        assertThat(ZipCentralDirectory.u16(zip, 12)).isEqualTo((2026 - 1980) << 9 | 11 << 5 | 25);
    }

    @Test
    void portableModeOutputDoesNotDependOnTheCompressorThatMadeTheInput() throws IOException {
        List<Entry> entries = jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false);
        Path fast = write("level1.jar", TestZips.zip(entries, new Mess(0, 1_600_000_000_000L, false, false, null, 1)));
        Path best = write("level9.jar", TestZips.zip(entries, new Mess(0, 1_600_000_000_000L, false, false, null, 9)));
        assertThat(Files.readAllBytes(fast)).isNotEqualTo(Files.readAllBytes(best));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(CompressionMode.PORTABLE));
        normalizer.normalize(fast);
        normalizer.normalize(best);
        assertThat(Files.readAllBytes(fast)).isEqualTo(Files.readAllBytes(best));
    }

    @Test
    void fastModeKeepsCompressedBytesOfUnchangedEntriesAndMethodsOfAll() throws IOException {
        byte[] input = TestZips.zip(jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false),
                new Mess(0, 1_600_000_000_000L, false, false, null, 1));
        Path jar = write("app.jar", input);
        new ArchiveNormalizer(options(CompressionMode.FAST)).normalize(jar);
        try (ZipFile before = ZipFile.builder().setByteArray(input).get(); ZipFile after = ZipFile.builder().setPath(jar).get()) {
            ZipArchiveEntry classBefore = before.getEntry("com/example/C7.class");
            ZipArchiveEntry classAfter = after.getEntry("com/example/C7.class");
            assertThat(after.getRawInputStream(classAfter).readAllBytes())
                    .isEqualTo(before.getRawInputStream(classBefore).readAllBytes());
            assertThat(after.getEntry("com/example/stored.bin").getMethod()).isEqualTo(ZipArchiveEntry.STORED);
            assertThat(classAfter.getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
            assertThat(after.getEntry("META-INF/MANIFEST.MF").getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
        }
    }

    @Test
    void signedJarIsLeftByteForByteAlone() throws IOException {
        List<Entry> entries = new ArrayList<>(jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false));
        entries.add(Entry.of("META-INF/SIGNER.SF", "Signature-Version: 1.0\r\n"));
        entries.add(Entry.of("META-INF/SIGNER.RSA", TestZips.randomBytes(3, 300)));
        byte[] input = TestZips.zip(entries, new Mess(3, 1_650_000_000_000L, true, true, "c", 6));
        Path jar = write("signed.jar", input);
        NormalizationResult result = new ArchiveNormalizer(options(CompressionMode.PORTABLE)).normalize(jar);
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED_SIGNED);
        assertThat(result.detail()).contains("META-INF/SIGNER", "signature");
        assertThat(Files.readAllBytes(jar)).isEqualTo(input);
    }

    @Test
    void notAnArchiveIsDetectedByContentNotByName() throws IOException {
        Path text = write("looks-like.jar", "just text".getBytes(StandardCharsets.UTF_8));
        Path zipAsTxt = write("really-a-zip.txt", TestZips.zip(List.of(Entry.of("a.txt", "a")), Mess.clean()));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(CompressionMode.PORTABLE));
        assertThat(normalizer.normalize(text).outcome()).isEqualTo(Outcome.NOT_AN_ARCHIVE);
        assertThat(normalizer.normalize(zipAsTxt).outcome()).isEqualTo(Outcome.NORMALIZED);
    }

    @Test
    void emptyZipAndManyEntriesNeedingZip64AreHandled() throws IOException {
        Path empty = write("empty.zip", TestZips.zip(List.of(), Mess.clean()));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(CompressionMode.FAST));
        normalizer.normalize(empty);
        assertThat(normalizer.normalize(empty).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(Files.size(empty)).isEqualTo(22);

        // More than 65,535 entries: the end record needs zip64.
        Path big = dir.resolve("many.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(big)))) {
            for (int i = 0; i < 70_000; i++) {
                z.putNextEntry(new java.util.zip.ZipEntry("e/" + i));
                z.write(i);
                z.closeEntry();
            }
        }
        assertThat(normalizer.normalize(big).outcome()).isEqualTo(Outcome.NORMALIZED);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(big.toFile())) {
            assertThat(z.size()).isEqualTo(70_000);
            assertThat(z.getInputStream(z.getEntry("e/69999")).readAllBytes()).containsExactly((byte) 69999);
        }
        assertThat(normalizer.normalize(big).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void oneNormalizerServesManyThreads() throws Exception {
        byte[] input = TestZips.zip(jarEntries("alice", 0100644, "Tue Nov 24 10:00:00 CET 2026", false),
                new Mess(8, 1_650_000_000_000L, true, true, "c", 6));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(CompressionMode.PORTABLE));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path jar = write("t" + i + ".jar", input);
                results.add(pool.submit(() -> {
                    normalizer.normalize(jar);
                    return Files.readAllBytes(jar);
                }));
            }
            byte[] first = results.get(0).get();
            for (Future<byte[]> f : results) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void resultCarriesTheSha256OfTheFileAsLeft(CompressionMode mode) throws IOException {
        // Over 256 KiB, so the digest is computed from several flushed buffers on the worker threads.
        List<Entry> entries = new ArrayList<>(jarEntries("a", 0100755, "x", true));
        for (int i = 0; i < 40; i++) {
            entries.add(Entry.of("r/" + i + ".bin", TestZips.randomBytes(i, 20_000)));
        }
        Path jar = write("d.jar", TestZips.zip(entries, new Mess(4, 1_650_000_000_000L, true, true, null, 1)));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(options(mode));
        NormalizationResult first = normalizer.normalize(jar);
        assertThat(first.outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(first.sha256()).isEqualTo(HexDigests.digest(jar, DigestAlgorithm.SHA_256));
        NormalizationResult again = normalizer.normalize(jar);
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.sha256()).isEqualTo(first.sha256());
        Path text = write("notes.txt", "not an archive".getBytes(StandardCharsets.UTF_8));
        assertThat(normalizer.normalize(text).sha256()).isEqualTo(HexDigests.digest(text, DigestAlgorithm.SHA_256));
    }

    @Test
    void largeEntriesAreStreamedWithTheSameResultInBothModes() throws IOException {
        byte[] big = TestZips.text(1, 12 << 20); // above the in-memory limit
        byte[] bigRandom = TestZips.randomBytes(2, 9 << 20);
        List<Entry> entries = List.of(Entry.of("big.txt", big), Entry.stored("big.bin", bigRandom), Entry.of("small.txt", "s"));
        byte[] input = TestZips.zip(entries, new Mess(4, 1_650_000_000_000L, true, true, null, 1));
        Path portable = write("p.zip", input);
        Path fast = write("f.zip", input);
        // Streaming patches local headers already written: the digest comes from the file then, and must match it.
        assertThat(new ArchiveNormalizer(options(CompressionMode.PORTABLE)).normalize(portable).sha256())
                .isEqualTo(HexDigests.digest(portable, DigestAlgorithm.SHA_256));
        assertThat(new ArchiveNormalizer(options(CompressionMode.FAST)).normalize(fast).sha256())
                .isEqualTo(HexDigests.digest(fast, DigestAlgorithm.SHA_256));
        assertThat(ArchiveContents.of(portable)).isEqualTo(ArchiveContents.of(input));
        assertThat(ArchiveContents.of(fast)).isEqualTo(ArchiveContents.of(input));
        // Portable output of the fast output equals portable output of the input: bytes depend on content only.
        new ArchiveNormalizer(options(CompressionMode.PORTABLE)).normalize(fast);
        assertThat(Files.readAllBytes(fast)).isEqualTo(Files.readAllBytes(portable));
        assertThat(new ArchiveNormalizer(options(CompressionMode.PORTABLE)).normalize(portable).outcome())
                .isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void timestampOptionIsWhatEveryEntryCarries() throws IOException {
        Path jar = write("app.jar", TestZips.zip(jarEntries("a", 0100644, "x", true), Mess.clean()));
        new ArchiveNormalizer(NormalizationOptions.defaults(BuildTimestamp.DEFAULT_EPOCH_SECONDS)).normalize(jar);
        try (ZipFile z = ZipFile.builder().setPath(jar).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                // DOS fields are read back in the local zone: compare the fields, not the instant.
                java.time.LocalDateTime t = java.time.LocalDateTime.ofInstant(e.getLastModifiedDate().toInstant(),
                        java.time.ZoneId.systemDefault());
                assertThat(t).isEqualTo(java.time.LocalDateTime.of(1980, 2, 1, 0, 0));
            }
        }
    }

    static String manifestOf(Path jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(Files.readAllBytes(jar)))) {
            return in.getManifest() == null ? null : in.getManifest().getMainAttributes().keySet().toString();
        }
    }
}
