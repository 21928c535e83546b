package dev.hermetic.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedChecksumsWriterTest {

    @TempDir
    Path root;

    static final List<String> SHA256_LINES = List.of(
            "-Daether.artifactResolver.postProcessor.trustedChecksums=true",
            "-Daether.artifactResolver.postProcessor.trustedChecksums.checksumAlgorithms=SHA-256",
            "-Daether.artifactResolver.postProcessor.trustedChecksums.failIfMissing=true",
            "-Daether.trustedChecksumsSource.summaryFile=true",
            "-Daether.trustedChecksumsSource.summaryFile.basedir=${session.rootDirectory}/.mvn/checksums/",
            "-Daether.trustedChecksumsSource.summaryFile.originAware=false");

    @Test
    void writesTheGoldenSummaryFileNamedAsResolverLooksItUp() throws Exception {
        Path dir = root.resolve(TrustedChecksumsWriter.DEFAULT_DIRECTORY);
        Path file = TrustedChecksumsWriter.write(LockfileWriterTest.twoModules(), dir);
        assertThat(file).isEqualTo(dir.resolve("checksums.sha256"));
        assertThat(Files.readString(file)).isEqualTo(LockfileWriterTest.resource("checksums.sha256"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void everyNonCommentLineIsCoreutilsStyleHexTwoSpacesAndRepositoryPath() {
        String text = TrustedChecksumsWriter.render(LockfileWriterTest.twoModules());
        List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).hasSize(LockfileWriterTest.twoModules().artifacts().size());
        assertThat(lines).allMatch(l -> l.matches("[0-9a-f]{64}  [^ ]+\\.(jar|pom)"));
        assertThat(lines).contains("6".repeat(64)
                + "  org/apache/maven/surefire/surefire-api/3.5.4/surefire-api-3.5.4-tests.jar");
        assertThat(lines.stream().map(l -> l.substring(66)).toList()).isSorted();
    }

    @Test
    void sha512FileName() {
        assertThat(TrustedChecksumsWriter.fileName(DigestAlgorithm.SHA_512)).isEqualTo("checksums.sha512");
        assertThat(TrustedChecksumsWriter.mavenConfigLines(DigestAlgorithm.SHA_512)).contains(
                "-Daether.artifactResolver.postProcessor.trustedChecksums.checksumAlgorithms=SHA-512");
    }

    @Test
    void mavenConfigLinesForResolver19() {
        assertThat(TrustedChecksumsWriter.mavenConfigLines(DigestAlgorithm.SHA_256)).isEqualTo(SHA256_LINES);
    }

    @Test
    void mergeCreatesMavenConfigWhenAbsent() throws Exception {
        Path config = root.resolve(".mvn/maven.config");
        assertThat(TrustedChecksumsWriter.mergeMavenConfig(config, SHA256_LINES)).isTrue();
        assertThat(Files.readAllLines(config)).containsExactlyElementsOf(
                Stream.concat(Stream.of("# Trusted checksums enabled by hermetic-maven-plugin (hermetic:lock)"),
                        SHA256_LINES.stream()).toList());
    }

    @Test
    void mergeKeepsTheUsersLinesReplacesOurPropertiesAndIsIdempotent() throws Exception {
        Path config = root.resolve(".mvn/maven.config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, String.join("\n",
                "-T1C",
                "-Daether.artifactResolver.postProcessor.trustedChecksums.failIfMissing=false",
                "--no-transfer-progress",
                "-Dstyle.color=always",
                "-Daether.trustedChecksumsSource.summaryFile.originAware"));

        assertThat(TrustedChecksumsWriter.mergeMavenConfig(config, SHA256_LINES)).isTrue();
        String once = Files.readString(config);
        assertThat(once.lines().toList()).containsExactly(
                "-T1C",
                "# Trusted checksums enabled by hermetic-maven-plugin (hermetic:lock)",
                SHA256_LINES.get(0), SHA256_LINES.get(1), SHA256_LINES.get(2), SHA256_LINES.get(3),
                SHA256_LINES.get(4), SHA256_LINES.get(5),
                "--no-transfer-progress",
                "-Dstyle.color=always");

        assertThat(TrustedChecksumsWriter.mergeMavenConfig(config, SHA256_LINES)).isFalse();
        assertThat(Files.readString(config)).isEqualTo(once);

        // Switching to SHA-512 rewrites the block in place.
        List<String> sha512 = TrustedChecksumsWriter.mavenConfigLines(DigestAlgorithm.SHA_512);
        assertThat(TrustedChecksumsWriter.mergeMavenConfig(config, sha512)).isTrue();
        assertThat(Files.readString(config)).isEqualTo(once.replace("checksumAlgorithms=SHA-256",
                "checksumAlgorithms=SHA-512"));
    }
}
