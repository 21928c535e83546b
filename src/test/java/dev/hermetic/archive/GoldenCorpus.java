package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.TarNormalizerTest.Item;
import dev.hermetic.archive.TestZips.Entry;
import dev.hermetic.archive.TestZips.Mess;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The golden corpus: archives whose PORTABLE output, normalized with {@link #EPOCH}, must have the SHA-256 values
 * recorded in {@value #RECORDED} (docs/normalize-format.md, "Golden values"). Some are built here from fixed content
 * and compressed by the running JVM's zlib (so their own bytes vary with the zlib; their PORTABLE output must not),
 * the others are released jars. The content below is part of the record: changing it changes the golden values.
 */
public final class GoldenCorpus {

    /** The timestamp the golden values were recorded with. */
    public static final long EPOCH = 1795564800L;

    /** Built here: zips whose deflated entries are the JVM's zlib output, copied as they are by FAST. */
    public static final List<String> BUILT_ZIPS = List.of("messy.jar", "large-entry.jar", "boot.jar");

    /** Released archives from Maven Central (target/real-jars): their bytes are fixed. */
    public static final List<String> RELEASED = List.of("guava-33.4.0-jre.jar", "log4j-api-2.24.3.jar", "jolokia-war-1.7.2.war");

    static final String RECORDED = "/archive/portable-golden.sha256";

    private GoldenCorpus() {}

    /** Writes every archive of the corpus into {@code dir}, under its corpus name. */
    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(write(dir, "messy.jar", TestZips.zip(jarEntries(), new Mess(42, 1_700_000_000_000L, true, true, "built on host-17", 9))));
        // Above the in-memory limit (streamed), and many of the encoder's 128 KiB segments long.
        files.add(write(dir, "large-entry.jar", TestZips.zip(List.of(
                Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: 17.0.15 (Debian)\r\n\r\n"),
                Entry.of("data/large.txt", TestZips.text(11, (int) ZipNormalizer.SMALL_SIZE + 300_000))), Mess.clean())));
        files.add(write(dir, "boot.jar", executableJar()));
        files.add(write(dir, "dist.tar", TarNormalizerTest.tar(tarItems(), 1, 1_600_000_000L, "alice", false)));
        files.add(write(dir, "dist.tar.gz", TarNormalizerTest.tar(tarItems(), 2, 1_700_000_000L, "bob", true)));
        for (String name : RELEASED) {
            Path copy = dir.resolve(name);
            Files.copy(RealJarsTest.real(name), copy);
            files.add(copy);
        }
        return files;
    }

    /**
     * Asserts that {@code normalized} (the corpus after PORTABLE) has the recorded digests; the failure message holds
     * the new file, for a deliberate change of the encoder's output.
     */
    public static void assertRecorded(Collection<Path> normalized, String where) throws IOException {
        DigestManifest actual = DigestManifest.compute(DigestAlgorithm.SHA_256, normalized);
        DigestManifest recorded;
        try (InputStream in = GoldenCorpus.class.getResourceAsStream(RECORDED)) {
            assertThat(in).as("test resource " + RECORDED).isNotNull();
            recorded = DigestManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DigestAlgorithm.SHA_256, RECORDED);
        }
        assertThat(actual.entries())
                .as("PORTABLE output of the golden corpus (%s) differs from src/test/resources%s. If the encoder's output"
                        + " changed on purpose, see docs/normalize-format.md, \"Golden values\"; the digests now are:%n%s",
                        where, RECORDED, actual.format())
                .isEqualTo(recorded.entries());
    }

    /** A jar as a messy build writes it: metadata to scrub, odd modes, every kind of content the encoder meets. */
    private static List<Entry> jarEntries() {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.directory("META-INF/"));
        entries.add(Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\n"
                + "Built-By: bob\r\nBuild-Jdk-Spec: 17\r\nMain-Class: com.example.App\r\n"
                + "Implementation-Title: a title long enough to need a continuation line once the name is put before it\r\n\r\n"
                + "Name: com/example/\r\nSealed: true\r\n\r\n"));
        entries.add(Entry.directory("META-INF/maven/com.example/app/"));
        entries.add(Entry.of("META-INF/maven/com.example/app/pom.properties",
                "#Created by Apache Maven 3.9.6\n#Wed Nov 25 23:59:59 UTC 2026\nversion=1.0\r\ngroupId=com.example\r\nartifactId=app\r\n"));
        entries.add(Entry.directory("com/example/"));
        for (int i = 0; i < 40; i++) {
            entries.add(Entry.of("com/example/C" + i + ".class", TestZips.text(i, 1 + 700 * i)).withMode(0100600));
        }
        entries.add(Entry.of("com/example/app.properties", "#Tue Nov 24 10:00:00 CET 2026\nkey=value\nother=1\n"));
        entries.add(Entry.of("com/example/empty.txt", ""));
        // Long runs (matches of 258 bytes), incompressible data (stored blocks), a stored entry.
        entries.add(Entry.of("data/zeros.bin", new byte[200_000]));
        entries.add(Entry.of("data/random.bin", TestZips.randomBytes(5, 70_000)));
        entries.add(Entry.stored("data/stored.bin", TestZips.randomBytes(7, 5000)));
        entries.add(Entry.of("bin/run.sh", "#!/bin/sh\necho hi\n").withMode(0100755));
        entries.add(Entry.of("Ünïcode/名前.txt", "utf-8 names"));
        return entries;
    }

    /** A launch script, then a jar with nested jars: stored, deflated, nested twice, and one above the in-memory limit. */
    private static byte[] executableJar() throws IOException {
        Mess mess = new Mess(3, 1_650_000_000_000L, true, true, "c", 6);
        byte[] innermost = TestZips.zip(List.of(Entry.of("deep.txt", "deep".repeat(100))), mess);
        byte[] jar = TestZips.zip(List.of(
                Entry.directory("META-INF/"),
                Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\n"
                        + "Start-Class: com.example.App\r\nBuilt-By: alice\r\n\r\n"),
                Entry.of("BOOT-INF/classes/com/example/App.class", TestZips.text(1, 3000)),
                Entry.stored("BOOT-INF/lib/log4j-api-2.24.3.jar", Files.readAllBytes(RealJarsTest.real("log4j-api-2.24.3.jar"))),
                Entry.stored("BOOT-INF/lib/messy.jar", TestZips.zip(jarEntries(), mess)),
                Entry.of("BOOT-INF/lib/outer.jar", TestZips.zip(List.of(Entry.stored("lib/innermost.jar", innermost),
                        Entry.of("o.txt", "o")), mess)),
                Entry.stored("BOOT-INF/lib/big.jar", TestZips.zip(List.of(
                        Entry.stored("blob.bin", TestZips.randomBytes(9, (int) ZipNormalizer.SMALL_SIZE + 1000)),
                        Entry.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: alice\r\n\r\n")), mess))), mess);
        byte[] script = "#!/bin/bash\nexec java -jar \"$0\" \"$@\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] withScript = new byte[script.length + jar.length];
        System.arraycopy(script, 0, withScript, 0, script.length);
        System.arraycopy(jar, 0, withScript, script.length, jar.length);
        return withScript;
    }

    private static List<Item> tarItems() {
        return List.of(
                new Item("dist/", new byte[0], 040700, true, null),
                new Item("dist/bin/run", "#!/bin/sh\necho run\n".getBytes(StandardCharsets.UTF_8), 0100750, false, null),
                new Item("dist/lib/app.jar", TestZips.randomBytes(1, 3000), 0100600, false, null),
                new Item("dist/README", TestZips.text(3, 200_000), 0100664, false, null),
                new Item("dist/latest", new byte[0], 0120777, false, "lib/app.jar"),
                new Item("dist/" + "very-long-directory-name/".repeat(6) + "file.txt", "long".getBytes(StandardCharsets.UTF_8), 0100644, false, null),
                new Item("dist/ünïcödé.txt", "u".getBytes(StandardCharsets.UTF_8), 0100644, false, null));
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
