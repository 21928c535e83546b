package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.cli.NormalizeCommandTest.Run;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    static Run run(Map<String, String> env, String... args) {
        return Run.of(new CompareCommand(env), args);
    }

    Path jar(String name, String buildJdk) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry manifest = new ZipEntry("META-INF/MANIFEST.MF");
            manifest.setTime(1_700_000_000_000L);
            z.putNextEntry(manifest);
            z.write(("Manifest-Version: 1.0\r\nBuild-Jdk-Spec: " + buildJdk + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void identicalFilesExitZero() throws IOException {
        Run r = run(Map.of(), jar("r/a.jar", "17").toString(), jar("a/a.jar", "17").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("identical      a.jar\nrebuild comparison result: 1 files match, 0 differ\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void differentFilesExitOneWithEvidenceCauseAndFix() throws IOException {
        Run r = run(Map.of(), jar("r/a.jar", "21").toString(), jar("a/a.jar", "17").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("different      a.jar: 1 difference (1 manifest)\n",
                "  META-INF/MANIFEST.MF  attribute Build-Jdk-Spec: reference \"21\", here \"17\"  [build-jdk]\n",
                "    cause: the reference was built with JDK 21, this build with JDK 17\n",
                "rebuild comparison result: 0 files match, 1 differ\n")
                .doesNotContain("diffoscope");
    }

    @Test
    void aBuildinfoReferenceComparesChecksumsAndSaysSo() throws IOException {
        Path same = jar("a/lib-1.0.jar", "17");
        jar("a/lib-1.0-sources.jar", "17");
        Path buildinfo = dir.resolve("lib-1.0.buildinfo");
        Files.writeString(buildinfo, "outputs.0.filename=lib-1.0.jar\noutputs.0.length=" + Files.size(same)
                + "\noutputs.0.checksums.sha512=" + HexDigests.digest(same, DigestAlgorithm.SHA_512)
                + "\noutputs.1.filename=lib-1.0-sources.jar\noutputs.1.length=1\noutputs.1.checksums.sha512="
                + "0".repeat(128) + "\n");

        Run r = run(Map.of(), buildinfo.toString(), dir.resolve("a").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("identical      lib-1.0.jar\n",
                "different      lib-1.0-sources.jar: 1 difference",
                "SHA-512: reference \"" + "0".repeat(128),
                "cause: the reference is a .buildinfo, which holds lengths and checksums only");
    }

    @Test
    void theDiffoscopeCommandWhenDiffoscopeIsOnThePath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("diffoscope"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("diffoscope"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path reference = jar("r/a b.jar", "21");
        Path actual = jar("a/a b.jar", "17");
        Run r = run(Map.of("PATH", "/nonexistent:" + bin), reference.toString(), actual.toString());
        assertThat(r.out()).contains("  investigate with: diffoscope '" + reference + "' '" + actual + "'\n");
    }

    /** The printed command, run as a shell would run it, by the real diffoscope: it finds the same difference. */
    @Test
    void theDiffoscopeCommandRunsAsPrinted() throws Exception {
        String path = System.getenv("PATH");
        CiRequirement.require(dev.hermetic.compare.ConsoleReport.diffoscopeOnPath(path),
                "diffoscope is not on the PATH (Debian: apt-get install --no-install-recommends diffoscope-minimal)");
        Path reference = jar("r/it's a.jar", "21");
        Path actual = jar("a/it's a.jar", "17");
        Run r = run(Map.of("PATH", path), reference.toString(), actual.toString());
        String prefix = "  investigate with: ";
        String command = r.out().lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no diffoscope command in:\n" + r.out())).substring(prefix.length());

        Process diffoscope = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(diffoscope.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(diffoscope.waitFor()).as("diffoscope's exit status (1: the files differ); its output:%n%s", out)
                .isEqualTo(1);
        assertThat(out).contains(reference.toString(), actual.toString(), "META-INF/MANIFEST.MF",
                "-Build-Jdk-Spec: 21", "+Build-Jdk-Spec: 17");
    }

    @Test
    void directoriesWithEveryReportWritten() throws IOException {
        jar("r/x/a.jar", "21");
        jar("a/x/a.jar", "17");
        jar("r/b.jar", "17");
        jar("a/b.jar", "17");
        jar("a/new.jar", "17");
        Path json = dir.resolve("out/compare.json");
        Files.createDirectories(json.getParent());
        Run r = run(Map.of(), "--json", json.toString(), "--html", dir.resolve("out/compare.html").toString(),
                "--buildcompare", dir.resolve("out/a.buildcompare").toString(), "--version", "1.2",
                dir.resolve("r").toString(), dir.resolve("a").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("identical      b.jar\n", "no reference   new.jar (not in the reference)\n",
                "different      x/a.jar: 1 difference", "rebuild comparison result: 1 files match, 1 differ, 1 missing\n",
                "written to " + json + "\n");
        assertThat(Files.readString(json)).startsWith("{\"actual\":");
        assertThat(Files.readString(dir.resolve("out/compare.html"))).contains("<details open>");
        assertThat(Files.readString(dir.resolve("out/a.buildcompare")))
                .startsWith("version=1.2\nok=1\nko=2\nignored=0\nokFiles=\"b.jar\"\nkoFiles=\"x/a.jar\"\n")
                .contains("missing=1\nmissingFiles=\"new.jar\"\n");
    }

    @Test
    void aCorruptArchiveIsAnErrorNamingTheFile() throws IOException {
        Path reference = jar("r/a.jar", "17");
        Path actual = jar("a/a.jar", "21");
        byte[] bytes = Files.readAllBytes(actual);
        Files.write(actual, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        Run r = run(Map.of(), reference.toString(), actual.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains("not compared   a.jar: " + actual);
        assertThat(r.err()).startsWith("compare: " + actual).contains("truncated or corrupt");
    }

    @Test
    void badUsageAndBadInputExitTwoWithAMessage() throws IOException {
        Path a = jar("a.jar", "17");
        assertThat(run(Map.of(), a.toString()).err()).startsWith("compare: expected REFERENCE and ACTUAL, got 1 operand\nusage:");
        Run missing = run(Map.of(), dir.resolve("none.jar").toString(), a.toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("compare: reference " + dir.resolve("none.jar") + " does not exist\n");
        assertThat(run(Map.of(), "--show", "x", a.toString(), a.toString()).err())
                .isEqualTo("compare: --show 'x' is not a number of differences: use 0 or more\n");
        Path causes = Files.writeString(dir.resolve("causes.txt"), "[mine]\nkind = nonsense\ncause = c\nfix = f\n");
        Run badTable = run(Map.of(), "--causes", causes.toString(), a.toString(), a.toString());
        assertThat(badTable.status()).isEqualTo(2);
        assertThat(badTable.err()).startsWith("compare: cause table " + causes + ":1: rule [mine]: 'nonsense' is not a difference kind");
    }

    @Test
    void mainKnowsTheCommand() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path a = jar("a.jar", "17");
        int status = Main.run(List.of("compare", a.toString(), a.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("1 files match, 0 differ\n");
    }
}
