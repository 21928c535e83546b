package dev.hermetic.compare;

import static dev.hermetic.archive.RealJarsTest.real;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.archive.ArchiveNormalizer;
import dev.hermetic.archive.CompressionMode;
import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.compare.FileComparison.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Released archives from Maven Central (copied by the dependency plugin to target/real-jars). */
class RealArchivesTest {

    @TempDir
    Path dir;

    private FileComparison compare(Path reference, Path actual) throws IOException {
        List<FileComparison> files = new BuildComparator(CauseTable.builtIn(), List.of(), dir).compare(reference, actual).files();
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private Path normalizedCopy(String name) throws IOException {
        Path copy = Files.copy(real(name), dir.resolve("normalized-" + name));
        new ArchiveNormalizer(NormalizationOptions.defaults(1_795_564_800L).withCompression(CompressionMode.FAST)).normalize(copy);
        return copy;
    }

    @Test
    void aReleasedJarAgainstItsNormalizedFormDiffersInMetadataOnly() throws IOException {
        Path original = real("jackson-databind-2.18.2.jar");
        FileComparison file = compare(original, normalizedCopy("jackson-databind-2.18.2.jar"));

        assertThat(file.verdict()).isEqualTo(Verdict.DIFFERENT);
        Set<DifferenceKind> kinds = EnumSet.noneOf(DifferenceKind.class);
        file.differences().forEach(d -> kinds.add(d.kind()));
        assertThat(kinds).contains(DifferenceKind.TIMESTAMP)
                .doesNotContain(DifferenceKind.CLASS_FILE, DifferenceKind.TEXT, DifferenceKind.BINARY,
                        DifferenceKind.ONLY_IN_ACTUAL, DifferenceKind.ONLY_IN_REFERENCE);
        assertThat(file.differences()).filteredOn(d -> d.kind() == DifferenceKind.TIMESTAMP)
                .allSatisfy(d -> assertThat(d.cause().id()).isEqualTo("timestamps"));
        assertThat(file.differences()).filteredOn(d -> d.kind() == DifferenceKind.EXTRA_FIELDS)
                .allSatisfy(d -> {
                    assertThat(d.reference()).as("every entry of this jar has an extended timestamp").contains("0x5455");
                    assertThat(d.actual()).as("normalize writes none").isEqualTo("none");
                });
    }

    @Test
    void aWarAgainstItsNormalizedFormNamesEntriesOfItsNestedJars() throws IOException {
        FileComparison file = compare(real("jolokia-war-1.7.2.war"), normalizedCopy("jolokia-war-1.7.2.war"));

        assertThat(file.differences()).anySatisfy(d -> assertThat(d.entry()).matches("WEB-INF/lib/[^/]+\\.jar!/.+"));
        assertThat(file.differences()).noneMatch(d -> d.kind() == DifferenceKind.CLASS_FILE || d.kind() == DifferenceKind.BINARY);
    }

    @Test
    void oneRecompiledClassInAReleasedJarIsNamedWithItsVersion() throws IOException {
        Path original = real("guava-33.4.0-jre.jar");
        Path changed = dir.resolve("guava.jar");
        String target = "com/google/common/base/Strings.class";
        try (ZipFile in = ZipFile.builder().setPath(original).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(changed)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
                if (!e.getName().equals(target)) {
                    try (InputStream raw = in.getRawInputStream(e)) {
                        out.addRawArchiveEntry(e, raw);
                    }
                    continue;
                }
                byte[] bytes;
                try (InputStream content = in.getInputStream(e)) {
                    bytes = content.readAllBytes();
                }
                bytes[7] = 61; // major version 52 (Java 8) -> 61 (Java 17)
                ZipArchiveEntry copy = new ZipArchiveEntry(e.getName());
                copy.setTime(e.getTime());
                out.putArchiveEntry(copy);
                out.write(bytes);
                out.closeArchiveEntry();
            }
        }

        FileComparison file = compare(original, changed);

        assertThat(file.differences()).filteredOn(d -> d.kind() == DifferenceKind.CLASS_FILE)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.entry()).isEqualTo(target);
                    assertThat(d.what()).isEqualTo("class file version");
                    assertThat(d.reference()).isEqualTo("Java 8 (52.0)");
                    assertThat(d.actual()).isEqualTo("Java 17 (61.0)");
                    assertThat(d.cause().id()).isEqualTo("class-file-version");
                });
    }

    @Test
    void aReleasedJarAgainstItselfIsIdentical() throws IOException {
        Path copy = Files.copy(real("log4j-api-2.24.3.jar"), dir.resolve("log4j-api.jar"));
        assertThat(compare(real("log4j-api-2.24.3.jar"), copy).verdict()).isEqualTo(Verdict.IDENTICAL);
    }
}
