package dev.hermetic.compare;

import static dev.hermetic.compare.TestArchives.entry;
import static dev.hermetic.compare.TestArchives.write;
import static dev.hermetic.compare.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports of one comparison of two small builds: an identical POM, a differing jar, a missing and an ignored file. */
class ReportsTest {

    @TempDir
    Path dir;

    CompareReport report;

    @BeforeEach
    void compareTwoBuilds() throws IOException {
        String manifest = "Manifest-Version: 1.0\r\nBuild-Jdk-Spec: %s\r\n\r\n";
        String notice = "Apache Foo\nCopyright 2002-%s The Apache Software Foundation\n";
        write(dir, "reference/foo-1.0.pom", "<project/>\n".getBytes(StandardCharsets.UTF_8));
        write(dir, "actual/foo-1.0.pom", "<project/>\n".getBytes(StandardCharsets.UTF_8));
        write(dir, "reference/foo-1.0.jar", zip(entry("META-INF/MANIFEST.MF", manifest.formatted("21")),
                entry("META-INF/NOTICE", notice.formatted("2026")), entry("a/A.txt", "same").time(1_700_000_000_000L)));
        write(dir, "actual/foo-1.0.jar", zip(entry("META-INF/MANIFEST.MF", manifest.formatted("17")),
                entry("META-INF/NOTICE", notice.formatted("2031")), entry("a/A.txt", "same").time(1_800_000_000_000L)));
        write(dir, "reference/foo-1.0-sources.jar", zip(entry("a/A.java", "class A {}")));
        write(dir, "reference/foo-1.0.jar.asc", new byte[] {1});
        write(dir, "actual/foo-1.0.jar.asc", new byte[] {2});
        report = new BuildComparator(CauseTable.builtIn(), List.of("*.asc"), dir)
                .compare(dir.resolve("reference"), dir.resolve("actual"));
    }

    private String withoutDir(String text) {
        return text.replace(dir.toString(), "@DIR@");
    }

    static String golden(String name) throws IOException {
        try (InputStream in = ReportsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void buildcompareHasMavenArtifactPluginsKeys() throws IOException {
        assertThat(withoutDir(BuildcompareWriter.write(report, "1.0"))).isEqualTo(golden("golden.buildcompare"));
    }

    @Test
    void jsonHoldsEveryDifferenceInAStableOrder() throws IOException {
        byte[] json = JsonReport.write(report);
        assertThat(withoutDir(new String(json, StandardCharsets.UTF_8))).isEqualTo(golden("golden.json").strip());
        assertThat(JsonReport.write(new BuildComparator(CauseTable.builtIn(), List.of("*.asc"), dir)
                .compare(dir.resolve("reference"), dir.resolve("actual")))).as("same comparison, same bytes").isEqualTo(json);
        assertThat(dev.hermetic.io.CanonicalJson.read(json, "report").get("files").get(1).get("differences").size()).isEqualTo(3);
    }

    @Test
    void consoleShowsEvidenceCauseAndFixThenTheSummary() {
        List<String> lines = ConsoleReport.lines(report, ConsoleReport.DEFAULT_SHOWN, true);
        assertThat(withoutDir(String.join("\n", lines))).isEqualTo("""
                missing here   foo-1.0-sources.jar (only in the reference @DIR@/reference/foo-1.0-sources.jar)
                different      foo-1.0.jar: 3 differences (1 manifest, 1 text, 1 timestamp)
                  META-INF/MANIFEST.MF  attribute Build-Jdk-Spec: reference "21", here "17"  [build-jdk]
                    cause: the reference was built with JDK 21, this build with JDK 17
                    fix:   rebuild with JDK 21 (toolchains or JAVA_HOME) and keep maven.compiler.release as the reference has it
                  META-INF/NOTICE  line 2: reference "Copyright 2002-2026 The Apache Software Foundation", here "Copyright 2002-2031 The Apache Software Foundation"  [build-clock-year]
                      --- reference/NOTICE
                      +++ actual/NOTICE
                      @@ -1,2 +1,2 @@
                       Apache Foo
                      -Copyright 2002-2026 The Apache Software Foundation
                      +Copyright 2002-2031 The Apache Software Foundation
                    cause: a year differs ("Copyright 2002-2026 The Apache Software Foundation" vs "Copyright 2002-2031 The Apache Software Foundation"): the build's clock leaks into this file (an old maven-remote-resources-plugin writes the build year into META-INF/NOTICE)
                    fix:   upgrade the plugin that writes this file to one that takes the date from project.build.outputTimestamp, and set that property
                  a/A.txt  modification time (DOS, local time): reference "2023-11-14 22:13:20", here "2027-01-15 08:00:00"  [timestamps]
                    cause: entries carry the time of the build (2023-11-14 22:13:20 in the reference, 2027-01-15 08:00:00 here)
                    fix:   set project.build.outputTimestamp in the POM, or bind hermetic:normalize
                  investigate with: diffoscope @DIR@/reference/foo-1.0.jar @DIR@/actual/foo-1.0.jar
                ignored        foo-1.0.jar.asc
                identical      foo-1.0.pom
                rebuild comparison result: 1 files match, 1 differ, 1 missing, 1 ignored""");
    }

    @Test
    void consoleCutsAfterTheFirstDifferences() {
        List<String> lines = ConsoleReport.lines(report, 1, false);
        assertThat(lines).contains("  … and 2 more").noneMatch(l -> l.contains("diffoscope"));
    }

    /** A rebuild whose every entry has another time and whose one text also differs, last of 1,500 entries. */
    @Test
    void theRareDifferenceComesBeforeTheThousandTimestamps() throws IOException {
        List<TestArchives.Entry> reference = new java.util.ArrayList<>();
        List<TestArchives.Entry> actual = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            reference.add(entry("a/E" + i + ".txt", "same").time(1_700_000_000_000L));
            actual.add(entry("a/E" + i + ".txt", "same").time(1_800_000_000_000L));
        }
        reference.add(entry("z/last.txt", "one\n").time(1_700_000_000_000L));
        actual.add(entry("z/last.txt", "two\n").time(1_800_000_000_000L));
        write(dir, "r/big.jar", zip(reference));
        write(dir, "a/big.jar", zip(actual));
        CompareReport big = new BuildComparator(CauseTable.builtIn(), List.of(), dir)
                .compare(dir.resolve("r/big.jar"), dir.resolve("a/big.jar"));

        List<String> lines = ConsoleReport.lines(big, ConsoleReport.DEFAULT_SHOWN, false);
        assertThat(lines.get(0)).isEqualTo("different      big.jar: 1502 differences (1 text, 1501 timestamp)");
        assertThat(lines.get(1)).startsWith("  z/last.txt  line 1: reference \"one\", here \"two\"");
        assertThat(HtmlReport.write(big)).contains("<td><code>z/last.txt</code></td><td>text: line 1");
        assertThat(new String(JsonReport.write(big), StandardCharsets.UTF_8)).as("the JSON keeps the order found")
                .containsSubsequence("\"entry\":\"a/E0.txt\"", "\"entry\":\"z/last.txt\"");
    }

    @Test
    void consoleQuotesAListOfStringsOnce() throws IOException {
        byte[] one = TestArchives.compile(dir, "A", "class A { String s = \"one\"; }", "17").get("A.class");
        byte[] two = TestArchives.compile(dir, "A", "class A { String s = \"two\"; }", "17").get("A.class");
        write(dir, "ref2/a-1.0.jar", zip(entry("A.class", one)));
        write(dir, "act2/a-1.0.jar", zip(entry("A.class", two)));
        List<String> lines = ConsoleReport.lines(new BuildComparator(CauseTable.builtIn(), List.of(), dir)
                .compare(dir.resolve("ref2"), dir.resolve("act2")), ConsoleReport.DEFAULT_SHOWN, false);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("constant-pool strings").contains("reference \"one\", here \"two\""))
                .noneMatch(l -> l.contains("\"\""));
    }

    @Test
    void htmlIsOnePageWithNothingFetchedAndEverythingEscaped() throws IOException {
        String html = HtmlReport.write(report);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .doesNotContain("<script", "<link", "src=", "@import", "url(", "http:", "https:")
                .contains("<details open><summary><span class=\"different\">different</span> <code>foo-1.0.jar</code>: 3 differences")
                .contains("<details><summary><span class=\"identical\">identical</span> <code>foo-1.0.pom</code>")
                .contains("<td><code>META-INF/MANIFEST.MF</code></td><td>manifest: attribute Build-Jdk-Spec</td><td><code>21</code></td><td><code>17</code></td>")
                .contains("Fix: set project.build.outputTimestamp in the POM, or bind hermetic:normalize")
                .contains("the build&#39;s clock")
                .doesNotContain("null");
        assertThat(html.split("<details", -1)).hasSize(5);
        Files.writeString(dir.resolve("report.html"), html);
    }
}
