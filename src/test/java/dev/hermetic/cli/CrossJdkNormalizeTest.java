package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.GoldenCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same input normalized by JDK 17 and JDK 25 (different zlib, locale and zone here) gives the same bytes. JDK 25 is
 * always installed on this project's machines: where it is absent the tests skip, under CI they fail.
 */
class CrossJdkNormalizeTest {

    @TempDir
    Path dir;

    static void writeInput(Path file) throws IOException {
        Random random = new Random(17);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\r\nCreated-By: 17.0.15 (Debian)\r\nMain-Class: a.Main\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 40; i >= 0; i--) {
                z.putNextEntry(new ZipEntry("pkg/C" + i + ".class"));
                StringBuilder s = new StringBuilder();
                for (int j = 0; j < 200 * i; j++) {
                    s.append((char) ('a' + random.nextInt(8)));
                }
                z.write(s.toString().getBytes(StandardCharsets.UTF_8));
            }
            z.putNextEntry(new ZipEntry("META-INF/maven/g/a/pom.properties"));
            z.write("#Tue Nov 24 10:00:00 CET 2026\nversion=1\ngroupId=g\nartifactId=a\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("lib/nested.jar"));
            java.io.ByteArrayOutputStream nested = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream n = new ZipOutputStream(nested)) {
                n.putNextEntry(new ZipEntry("n.txt"));
                n.write("nested".repeat(1000).getBytes(StandardCharsets.UTF_8));
            }
            z.write(nested.toByteArray());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"portable", "fast"})
    void jdk17AndJdk25GiveIdenticalBytes(String mode) throws Exception {
        CiRequirement.require(Files.isExecutable(ChildJvm.TEMURIN_25), "JDK 25 not installed at " + ChildJvm.TEMURIN_25);
        Path on17 = dir.resolve("on17.jar");
        Path on25 = dir.resolve("on25.jar");
        writeInput(on17);
        Files.copy(on17, on25);

        ChildJvm.Result r17 = ChildJvm.run(ChildJvm.currentJava(), List.of(), Map.of("TZ", "UTC", "LC_ALL", "C.UTF-8"),
                dir.resolve("17.log"), "normalize", "--mode", mode, "--timestamp", "1795564800", on17.toString());
        ChildJvm.Result r25 = ChildJvm.run(ChildJvm.TEMURIN_25, List.of("-Duser.language=de", "-Duser.country=DE"),
                Map.of("TZ", "Asia/Kolkata"), dir.resolve("25.log"),
                "normalize", "--mode", mode, "--timestamp", "1795564800", on25.toString());

        assertThat(r17.status()).as(r17.output()).isZero();
        assertThat(r25.status()).as(r25.output()).isZero();
        assertThat(r17.output()).startsWith("NORMALIZED");
        assertThat(Files.readAllBytes(on25)).isEqualTo(Files.readAllBytes(on17));
    }

    @Test
    void jdk25GivesTheRecordedPortableBytesOfTheGoldenCorpus() throws Exception {
        CiRequirement.require(Files.isExecutable(ChildJvm.TEMURIN_25), "JDK 25 not installed at " + ChildJvm.TEMURIN_25);

        Path corpus = dir.resolve("corpus");
        GoldenCorpusChild.run(ChildJvm.TEMURIN_25, List.of("-Duser.language=de", "-Duser.country=DE"),
                Map.of("TZ", "Asia/Kolkata"), corpus, "portable");

        GoldenCorpus.assertRecorded(GoldenCorpusChild.normalized(corpus, "portable"), "normalized by JDK 25");
    }
}
