package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.NormalizationResult.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Released archives from Maven Central (copied by the dependency plugin to target/real-jars). */
public class RealJarsTest {

    static final long EPOCH = 1795564800L;

    @TempDir
    Path dir;

    /** A released archive from target/real-jars (also used by other packages' tests). */
    public static Path real(String name) {
        String realJars = System.getProperty("hermetic.realJars");
        assertThat(realJars).as("system property hermetic.realJars (set by surefire; run through Maven)").isNotNull();
        Path jar = Path.of(realJars, name);
        assertThat(jar).as("copied by `mvn generate-test-resources`").exists();
        return jar;
    }

    Path copy(String name, String as) throws IOException {
        Path target = dir.resolve(as);
        Files.copy(real(name), target);
        return target;
    }

    static ArchiveNormalizer normalizer(CompressionMode mode) {
        return new ArchiveNormalizer(NormalizationOptions.defaults(EPOCH).withCompression(mode));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "guava-33.4.0-jre.jar, PORTABLE", "guava-33.4.0-jre.jar, FAST",
        "log4j-api-2.24.3.jar, PORTABLE", "log4j-api-2.24.3.jar, FAST",
        "jackson-databind-2.18.2.jar, PORTABLE", "jackson-databind-2.18.2.jar, FAST",
        "jolokia-war-1.7.2.war, PORTABLE", "jolokia-war-1.7.2.war, FAST"})
    void normalizesKeepingEveryEntryAndIsIdempotent(String name, CompressionMode mode) throws IOException {
        Path jar = copy(name, "x-" + name);
        var before = ArchiveContents.of(real(name));

        NormalizationResult first = normalizer(mode).normalize(jar);

        assertThat(first.outcome()).isEqualTo(Outcome.NORMALIZED);
        assertThat(ArchiveContents.of(jar)).isEqualTo(before);
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            assertThat(in.getManifest()).as("JarInputStream finds the manifest").isNotNull();
        }
        byte[] once = Files.readAllBytes(jar);
        NormalizationResult second = normalizer(mode).normalize(jar);
        assertThat(second.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(second.entries()).isEqualTo(first.entries());
        assertThat(Files.readAllBytes(jar)).isEqualTo(once);
    }

    @ParameterizedTest
    @CsvSource({"guava-33.4.0-jre.jar", "jolokia-war-1.7.2.war"})
    void portableBytesDependOnlyOnContent(String name) throws IOException {
        Path direct = copy(name, "direct-" + name);
        Path viaFast = copy(name, "fast-" + name);
        normalizer(CompressionMode.PORTABLE).normalize(direct);
        normalizer(CompressionMode.FAST).normalize(viaFast);
        normalizer(CompressionMode.PORTABLE).normalize(viaFast);
        assertThat(Files.readAllBytes(viaFast)).isEqualTo(Files.readAllBytes(direct));
    }

    @Test
    void extendedTimestampFieldsAreDropped() throws IOException {
        assertThat(x5455Count(real("jackson-databind-2.18.2.jar"))).as("the input really has 0x5455 fields").isGreaterThan(100);
        Path jar = copy("jackson-databind-2.18.2.jar", "j.jar");
        normalizer(CompressionMode.FAST).normalize(jar);
        assertThat(x5455Count(jar)).isZero();
    }

    private static long x5455Count(Path jar) throws IOException {
        try (var z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(jar).get()) {
            return Collections.list(z.getEntries()).stream()
                    .filter(e -> e.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) != null)
                    .count();
        }
    }

    @Test
    void multiReleaseJarStillResolvesVersionedEntries() throws IOException {
        Path jar = copy("log4j-api-2.24.3.jar", "log4j.jar");
        normalizer(CompressionMode.PORTABLE).normalize(jar);
        try (JarFile f = new JarFile(jar.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            assertThat(f.isMultiRelease()).isTrue();
            JarEntry e = f.getJarEntry("org/apache/logging/log4j/util/Base64Util.class");
            assertThat(e.getRealName()).isEqualTo("META-INF/versions/9/org/apache/logging/log4j/util/Base64Util.class");
            assertThat(Collections.list(f.entries()).stream().map(JarEntry::getName)).anyMatch(n -> n.endsWith("module-info.class"));
        }
    }

    @Test
    void classesLoadFromTheNormalizedJars() throws Exception {
        Path guava = copy("guava-33.4.0-jre.jar", "guava.jar");
        Path log4j = copy("log4j-api-2.24.3.jar", "log4j.jar");
        normalizer(CompressionMode.PORTABLE).normalize(guava);
        normalizer(CompressionMode.FAST).normalize(log4j);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {guava.toUri().toURL(), log4j.toUri().toURL()}, null)) {
            Class<?> list = Class.forName("com.google.common.collect.ImmutableList", true, loader);
            Method of = list.getMethod("of", Object.class, Object.class);
            assertThat(((List<?>) of.invoke(null, "a", "b"))).hasSize(2);
            Class<?> strings = Class.forName("org.apache.logging.log4j.util.Strings", true, loader);
            assertThat(strings.getMethod("isBlank", String.class).invoke(null, "  ")).isEqualTo(true);
            Class<?> hashing = Class.forName("com.google.common.hash.Hashing", true, loader);
            assertThat(hashing.getMethod("sha256").invoke(null).toString()).isEqualTo("Hashing.sha256()");
        }
    }

    @Test
    void signedJarIsSkippedAndStillVerifies() throws IOException {
        Path jar = copy("bcprov-jdk18on-1.86.jar", "bc.jar");
        byte[] before = Files.readAllBytes(jar);
        FileTime stamp = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(jar, stamp);

        NormalizationResult result = normalizer(CompressionMode.PORTABLE).normalize(jar);

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED_SIGNED);
        assertThat(result.detail()).contains("META-INF/BCRSA204.SF");
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(stamp);
        try (JarFile f = new JarFile(jar.toFile(), true)) {
            JarEntry e = f.getJarEntry("org/bouncycastle/jce/provider/BouncyCastleProvider.class");
            try (InputStream in = f.getInputStream(e)) {
                in.readAllBytes();
            }
            assertThat(e.getCodeSigners()).isNotEmpty();
        }
    }

    @Test
    void warWithLibJarsHasEveryNestedJarNormalized() throws IOException {
        Path war = copy("jolokia-war-1.7.2.war", "app.war");
        normalizer(CompressionMode.PORTABLE).normalize(war);
        int nested = 0;
        try (var z = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(war).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    Path inner = dir.resolve("inner-" + nested++ + ".jar");
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, inner);
                    }
                    assertThat(normalizer(CompressionMode.PORTABLE).normalize(inner).outcome())
                            .as(e.getName() + " is already normalized").isEqualTo(Outcome.UNCHANGED);
                }
            }
        }
        assertThat(nested).isEqualTo(3);
    }
}
