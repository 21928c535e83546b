package dev.hermetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.ArchiveNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Maven's threads outlive a mojo (the Maven Daemon's and an IDE's for days), so the plugin keeps no state on them: a
 * thread-local value would stay with the thread, and keep this plugin's class loader alive if its class is ours.
 * Buffers belong to the run that uses them (archive.RunBuffers, the read buffers of lock.HashedFiles).
 */
class NoThreadLocalsTest {

    @Test
    void noCompiledClassOfThePluginRefersToThreadLocal() throws IOException {
        Path classes = Path.of(ArchiveNormalizer.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(f -> f.toString().endsWith(".class")).filter(NoThreadLocalsTest::refersToThreadLocal)
                    .toList();
        }
        // The walk saw the plugin's classes, not an empty directory.
        assertThat(classes.resolve("dev/hermetic/archive/DeflateEncoder.class")).isRegularFile();
        assertThat(offenders).as("classes referring to java.lang.ThreadLocal (or InheritableThreadLocal)").isEmpty();
    }

    /** Any reference to the class sits in the constant pool as its internal name. */
    private static boolean refersToThreadLocal(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("ThreadLocal");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
