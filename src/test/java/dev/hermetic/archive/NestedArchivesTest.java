package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.NormalizationResult.Outcome;
import dev.hermetic.archive.TestZips.Entry;
import dev.hermetic.archive.TestZips.Mess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Executable jars with a launch script and stored nested jars, as Spring Boot writes them. */
class NestedArchivesTest {

    static final byte[] LAUNCH_SCRIPT = ("#!/bin/bash\n# Spring-Boot-style launch script\n"
            + "exec java -jar \"$0\" \"$@\"\nexit 0\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static byte[] executableJar(Mess mess, String builtBy, boolean bigNested) throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.directory("META-INF/"));
        entries.add(Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\n"
                + "Start-Class: com.example.App\r\nBuilt-By: " + builtBy + "\r\nSpring-Boot-Lib: BOOT-INF/lib/\r\n\r\n"));
        entries.add(Entry.of("BOOT-INF/classes/com/example/App.class", TestZips.text(1, 3000)));
        entries.add(Entry.of("org/springframework/boot/loader/launch/JarLauncher.class", TestZips.text(2, 2000)));
        entries.add(Entry.stored("BOOT-INF/lib/log4j-api-2.24.3.jar", Files.readAllBytes(RealJarsTest.real("log4j-api-2.24.3.jar"))));
        entries.add(Entry.stored("BOOT-INF/lib/messy.jar", TestZips.zip(
                ZipNormalizerTest.jarEntries(builtBy, 0100600, "Tue Nov 24 10:00:00 CET 2026", mess.seed() == 0), mess)));
        // A deflated nested jar, in a nested jar.
        byte[] innermost = TestZips.zip(List.of(Entry.of("deep.txt", "deep " + 1)), mess);
        entries.add(Entry.of("BOOT-INF/lib/outer.jar", TestZips.zip(List.of(Entry.stored("lib/innermost.jar", innermost),
                Entry.of("o.txt", "o")), mess)));
        if (bigNested) {
            // Larger than the in-memory limit: goes through temporary files.
            entries.add(Entry.stored("BOOT-INF/lib/big.jar", TestZips.zip(List.of(
                    Entry.stored("blob.bin", TestZips.randomBytes(9, (int) ZipNormalizer.SMALL_SIZE + 1000)),
                    Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: " + builtBy + "\r\n\r\n")), mess)));
        }
        return TestZips.zip(entries, mess);
    }

    /** The launch script, then the zip with offsets relative to the start of the zip (as Spring Boot writes). */
    static byte[] withScript(byte[] zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(LAUNCH_SCRIPT);
        out.writeBytes(zip);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void launchScriptIsKeptAndTheJarStillOpens(CompressionMode mode) throws IOException {
        byte[] input = withScript(executableJar(new Mess(3, 1_650_000_000_000L, true, true, "c", 6), "alice", false));
        Path jar = dir.resolve("app.jar");
        Files.write(jar, input);
        var before = ArchiveContents.of(input);

        NormalizationResult result = new ArchiveNormalizer(NormalizationOptions.defaults(BuildTimestamp.DEFAULT_EPOCH_SECONDS)
                .withCompression(mode)).normalize(jar);

        assertThat(result.outcome()).isEqualTo(Outcome.NORMALIZED);
        byte[] output = Files.readAllBytes(jar);
        assertThat(Arrays.copyOf(output, LAUNCH_SCRIPT.length)).isEqualTo(LAUNCH_SCRIPT);
        assertThat(output[LAUNCH_SCRIPT.length]).isEqualTo((byte) 'P');
        assertThat(ArchiveContents.of(jar)).as("commons-compress reads every entry").isEqualTo(before);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    CRC32 crc = new CRC32();
                    crc.update(in.readAllBytes());
                    assertThat(crc.getValue()).as(e.getName()).isEqualTo(e.getCrc());
                }
            }
            ZipEntry nested = z.getEntry("BOOT-INF/lib/log4j-api-2.24.3.jar");
            assertThat(nested.getMethod()).as("stored stays stored").isEqualTo(ZipEntry.STORED);
            assertThat(z.getEntry("BOOT-INF/lib/outer.jar").getMethod()).as("deflated stays deflated").isEqualTo(ZipEntry.DEFLATED);
        }
        // Offsets are absolute now: the central directory points at real local headers.
        try (var z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(jar).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                long offset = e.getLocalHeaderOffset();
                assertThat(ZipCentralDirectory.u32(output, (int) offset)).isEqualTo(0x04034b50L);
            }
        }
        assertThat(new ArchiveNormalizer(NormalizationOptions.defaults(BuildTimestamp.DEFAULT_EPOCH_SECONDS)
                .withCompression(mode)).normalize(jar).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @ParameterizedTest
    @EnumSource(CompressionMode.class)
    void nestedJarsOfMessyBuildsComeOutIdentical(CompressionMode mode) throws IOException {
        Path a = dir.resolve("a.jar");
        Path b = dir.resolve("b.jar");
        Files.write(a, withScript(executableJar(new Mess(0, 1_600_000_000_000L, false, false, null, 6), "alice", true)));
        Files.write(b, withScript(executableJar(new Mess(77, 1_700_000_000_000L, true, true, "host", 6), "bob", true)));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(b));
        ArchiveNormalizer normalizer = new ArchiveNormalizer(NormalizationOptions.defaults(BuildTimestamp.DEFAULT_EPOCH_SECONDS)
                .withCompression(mode));
        normalizer.normalize(a);
        normalizer.normalize(b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(ArchiveContents.of(a)).containsKey("BOOT-INF/lib/outer.jar!/lib/innermost.jar!/deep.txt")
                .containsKey("BOOT-INF/lib/big.jar!/blob.bin");
        assertThat(normalizer.normalize(a).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void signedNestedJarIsKeptAsItIs() throws IOException {
        byte[] signed = TestZips.zip(List.of(Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nBuilt-By: x\r\n\r\n"),
                Entry.of("META-INF/S.SF", "Signature-Version: 1.0\r\n"), Entry.of("a.txt", "a")),
                new Mess(5, 1_650_000_000_000L, true, true, "c", 6));
        Path war = dir.resolve("app.war");
        Files.write(war, TestZips.zip(List.of(Entry.stored("WEB-INF/lib/signed.jar", signed), Entry.of("index.html", "hi")), Mess.clean()));
        new ArchiveNormalizer(NormalizationOptions.defaults(BuildTimestamp.DEFAULT_EPOCH_SECONDS)).normalize(war);
        try (ZipFile z = new ZipFile(war.toFile())) {
            assertThat(z.getInputStream(z.getEntry("WEB-INF/lib/signed.jar")).readAllBytes()).isEqualTo(signed);
        }
    }
}
