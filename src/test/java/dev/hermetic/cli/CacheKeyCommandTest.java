package dev.hermetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.cachekey.CacheKey;
import dev.hermetic.cachekey.CommandProperties;
import dev.hermetic.lock.BuildEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar ... cache-key}: the goal's key from the command line. */
class CacheKeyCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(dir.resolve(".mvn"));
        Files.writeString(dir.resolve(".mvn/maven.config"), "-Dfrom.config=1\n");
    }

    int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheKeyTheCoreComputesForTheSameInputs() throws Exception {
        assertThat(run("cache-key", dir.toString(), "--maven-version", "3.9.16", "-Dfoo=bar", "-D", "x=1",
                "-Prelease,!slow", "-Dfrom.config=1")).as(err.toString()).isZero();
        CacheKey.Result expected = CacheKey.compute(new CacheKey.Inputs(dir, null,
                BuildEnvironment.current("3.9.16", dir),
                CommandProperties.of(Map.of("foo", "bar", "x", "1"), List.of("release"), List.of("slow"))));
        assertThat(out()).isEqualTo(expected.key() + System.lineSeparator());
    }

    @Test
    void takesMavensVersionFromTheWrapperAndShowsDetailWithoutSecrets() throws Exception {
        Files.createDirectories(dir.resolve(".mvn/wrapper"));
        Files.writeString(dir.resolve(".mvn/wrapper/maven-wrapper.properties"), "distributionUrl=https://repo.maven"
                + ".apache.org/maven2/org/apache/maven/apache-maven/3.9.16/apache-maven-3.9.16-bin.zip\n"
                + "distributionSha256Sum=0123abcd\n");
        assertThat(run("cache-key", dir.toString(), "--detail", "-Ddeploy.token=hunter2")).as(err.toString()).isZero();
        assertThat(out()).contains("  maven       sha256:", " 3.9.16", "distributionSha256Sum 0123abcd",
                "-Ddeploy.token=(hidden)", "2 files under .mvn/").doesNotContain("hunter2");
        assertThat(out().lines().findFirst().orElseThrow()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void withoutAMavenVersionSaysWhereToGiveIt() {
        assertThat(run("cache-key", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Maven version is unknown", "--maven-version");
    }

    @Test
    void aDirectoryWithoutPomIsAnError() {
        assertThat(run("cache-key", dir.resolve(".mvn").toString(), "--maven-version", "3.9.16")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds no pom.xml");
        assertThat(run("cache-key")).isEqualTo(2);
    }

    /**
     * A file the user cannot read is named, with the fix. Root reads every file, so as root the command runs as the
     * user nobody (setpriv), from a copy of this module's classes that nobody can read.
     */
    @Test
    void anUnreadableFileIsNamedWithTheFix() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
        Path secret = Files.createDirectories(tree.resolve("src")).resolve("Secret.java");
        Files.writeString(secret, "class Secret {}\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Path classes = dir.resolve("classes");
        Path built = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(built)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Files.copy(from, classes.resolve(built.relativize(from).toString()));
            }
        }
        List<String> command = new ArrayList<>();
        if ((Integer) Files.getAttribute(secret, "unix:uid") == 0) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (!p.equals(secret)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                                Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(ChildJvm.currentJava().toString(), "-cp", classes.toString(), Main.class.getName(),
                "cache-key", tree.toString(), "--maven-version", "3.9.16"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isEqualTo(1);
        assertThat(output).isEqualTo("cache-key: Cannot read " + secret + ": permission denied. Make it readable "
                + "(chmod a+r), or delete it if it is not part of the build." + System.lineSeparator());
    }
}
