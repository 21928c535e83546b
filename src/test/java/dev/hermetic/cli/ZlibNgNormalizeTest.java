package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.ArchiveNormalizer;
import dev.hermetic.archive.CompressionMode;
import dev.hermetic.archive.GoldenCorpus;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PORTABLE output must not depend on the zlib (docs/normalize-format.md): the same JDK with zlib-ng's compat
 * libz.so.1 (the system zlib of Fedora 40+) on LD_LIBRARY_PATH must give the golden values, while FAST, which keeps
 * the compressed bytes it is given, shows the difference zlib-ng makes.
 */
class ZlibNgNormalizeTest {

    @TempDir
    Path dir;

    @Test
    void zlibNgGivesTheRecordedPortableBytesWhileFastKeepsItsOwnCompression() throws Exception {
        Path zlibNg = buildZlibNg();
        CiRequirement.require(linksSystemZlib(), "this JDK (" + System.getProperty("java.home") + ") has its own zlib built"
                + " in, which LD_LIBRARY_PATH cannot replace");
        String libraryPath = System.getenv("LD_LIBRARY_PATH");
        Path childDir = dir.resolve("zlib-ng");

        String output = GoldenCorpusChild.run(ChildJvm.currentJava(), List.of(),
                Map.of("LD_LIBRARY_PATH", zlibNg.getParent() + (libraryPath == null ? "" : ":" + libraryPath)), childDir, "portable", "fast");

        assertThat(output.lines().filter(line -> line.startsWith("zlib: ")))
                .as("the child JVM's zlib, from its /proc/self/maps:%n%s", output)
                .containsExactly("zlib: " + zlibNg);
        GoldenCorpus.assertRecorded(GoldenCorpusChild.normalized(childDir, "portable"), "normalized by a child JVM with zlib-ng");

        // The same corpus, compressed and normalized in FAST here, with the JDK's usual zlib.
        List<Path> here = GoldenCorpus.write(dir.resolve("here"));
        ArchiveNormalizer fast = new ArchiveNormalizer(NormalizationOptions.defaults(GoldenCorpus.EPOCH)
                .withCompression(CompressionMode.FAST));
        for (Path archive : here) {
            fast.normalize(archive);
        }
        for (String name : GoldenCorpus.BUILT_ZIPS) {
            assertThat(sha256(childDir.resolve("fast").resolve(name)))
                    .as("FAST output of %s, built and normalized with zlib-ng, against the JDK's zlib", name)
                    .isNotEqualTo(sha256(dir.resolve("here").resolve(name)));
        }
        for (String name : GoldenCorpus.RELEASED) {
            assertThat(sha256(childDir.resolve("fast").resolve(name)))
                    .as("FAST output of %s, the same input bytes, whatever the zlib", name)
                    .isEqualTo(sha256(dir.resolve("here").resolve(name)));
        }
    }

    /** Builds zlib-ng's libz.so.1 into target/zlib-ng once (about 20 s), or finds it there; its real path. */
    private static Path buildZlibNg() throws IOException, InterruptedException {
        // HERMETIC_SHARED_DIR: for a checkout that does not sit beside ../shared (a CI clone elsewhere, see .ci/run).
        String shared = System.getenv().getOrDefault("HERMETIC_SHARED_DIR", System.getProperty("hermetic.sharedDir"));
        String out = System.getProperty("hermetic.zlibNgDir");
        assertThat(out).as("system property hermetic.zlibNgDir (set by surefire; run through Maven)").isNotNull();
        Path script = shared == null ? null : Path.of(shared, "tools", "build-zlib-ng.sh").normalize();
        CiRequirement.require(script != null && Files.isRegularFile(script), "no zlib-ng build script at " + script
                + " (the tools beside this project's checkout, ../shared, or environment variable HERMETIC_SHARED_DIR)");
        Path log = Files.createDirectories(Path.of(out)).resolve("build.log");
        Process build = new ProcessBuilder("bash", script.toString(), out).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(10, TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new AssertionError(script + " did not finish in 10 minutes");
        }
        assertThat(build.exitValue()).as("%s %s failed (it needs cc and make: Debian's build-essential):%n%s",
                script, out, Files.readString(log, StandardCharsets.UTF_8)).isZero();
        return Path.of(out, "libz.so.1").toRealPath();
    }

    /** Whether this JVM uses a shared libz.so (Debian's OpenJDK), not a zlib compiled into the JDK (Temurin). */
    private static boolean linksSystemZlib() throws IOException {
        new Deflater().end(); // the JDK's zip library, and the zlib it links, are loaded by now
        Path maps = Path.of("/proc/self/maps");
        return Files.exists(maps) && Files.readString(maps).contains("/libz.so");
    }

    private static String sha256(Path file) throws IOException {
        return HexDigests.digest(file, DigestAlgorithm.SHA_256);
    }
}
