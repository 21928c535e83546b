package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeCommandTest {

    @TempDir
    Path dir;

    /** What a command printed and returned. */
    record Run(int status, String out, String err) {
        static Run of(Command command, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static Run run(Map<String, String> env, String... args) {
        return Run.of(new NormalizeCommand(env), args);
    }

    Path jar(String name) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\r\nBuilt-By: me\r\nX-Keep: yes\r\nX-Drop: no\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("b.txt"));
            z.write("b".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write("a".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void printsOutcomeEntriesAndSha256PerFile() throws IOException {
        Path a = jar("a.jar");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Run r = run(Map.of(), "--timestamp", "2026-11-25T00:00:00Z", "--mode", "fast", "--remove-manifest-attribute", "X-Drop",
                a.toString(), text.toString());
        assertThat(r.status()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("NORMALIZED").contains("3 entries", "sha256:" + HexDigests.digest(a, DigestAlgorithm.SHA_256), a.toString());
        assertThat(lines[1]).startsWith("NOT_AN_ARCHIVE").contains("0 entries", text.toString());
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(a.toFile())) {
            String manifest = new String(z.getInputStream(z.getEntry("META-INF/MANIFEST.MF")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).contains("X-Keep: yes").doesNotContain("X-Drop", "Built-By");
            assertThat(z.getEntry("a.txt").getTime()).isEqualTo(
                    java.time.LocalDateTime.of(2026, 11, 25, 0, 0).atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli());
        }
        assertThat(run(Map.of(), "--timestamp=1795564800", "--mode=fast", "--remove-manifest-attribute=X-Drop", a.toString()).out())
                .startsWith("UNCHANGED");
    }

    @Test
    void sourceDateEpochIsTheDefaultTimestamp() throws IOException {
        Path a = jar("a.jar");
        Path b = jar("b.jar");
        run(Map.of("SOURCE_DATE_EPOCH", "1795564800"), a.toString());
        run(Map.of(), "--timestamp", "1795564800", b.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void badInputExitsOneWithTheProblem() throws IOException {
        Path broken = Files.write(dir.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Run r = run(Map.of(), broken.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("broken.jar", "no end of central directory record");
        Run missing = run(Map.of(), dir.resolve("missing.jar").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("missing.jar");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run(Map.of()).status()).isEqualTo(2);
        assertThat(run(Map.of(), "--mode", "best", "x.jar").err()).contains("--mode 'best'", "portable or fast");
        assertThat(run(Map.of(), "--timestamp", "tomorrow", "x.jar")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("--timestamp='tomorrow'");
        });
        assertThat(run(Map.of("SOURCE_DATE_EPOCH", "soon"), "x.jar").err()).contains("SOURCE_DATE_EPOCH='soon'");
        assertThat(run(Map.of(), "--frobnicate", "x.jar").status()).isEqualTo(2);
        assertThat(run(Map.of(), "--timestamp").status()).isEqualTo(2);
        Run help = run(Map.of(), "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("usage: normalize", "--mode", "SOURCE_DATE_EPOCH");
    }

    @Test
    void mainDispatchesToNormalize() throws IOException {
        Path a = jar("a.jar");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(List.of("normalize", a.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("NORMALIZED");
    }
}
