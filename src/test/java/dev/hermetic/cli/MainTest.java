package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void everyListedNameRunsTheCommandOfThatName() {
        for (String name : Main.NAMES) {
            assertThat(Main.command(name).name()).isEqualTo(name);
        }
        assertThat(Main.command("no-such-command")).isNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  cache-key         print the build's cache key",
                "  verify-provenance ");
    }

    /** Start-up time of a short command: it loads no other command's classes (each pulls in its own world). */
    @Test
    void runningOneCommandLoadsNoOtherCommand() throws Exception {
        URL classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        try (Loader loader = new Loader(classes)) {
            Class<?> main = loader.loadClass(Main.class.getName());
            var run = main.getDeclaredMethod("run", List.class, PrintStream.class, PrintStream.class);
            run.setAccessible(true);
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertThat(run.invoke(null, List.of("cache-key", "--help"), quiet, quiet)).isEqualTo(0);
            assertThat(loader.defined).filteredOn(name -> name.endsWith("Command"))
                    .containsExactlyInAnyOrder(Main.class.getPackageName() + ".Command",
                            CacheKeyCommand.class.getName());
        }
    }

    /** Loads this module's classes itself (not from the test's class loader), and records which it defined. */
    private static final class Loader extends URLClassLoader {
        final List<String> defined = new ArrayList<>();

        Loader(URL classes) {
            super(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            defined.add(name);
            return super.findClass(name);
        }
    }
}
