package dev.hermetic.audit;

import static dev.hermetic.audit.AuditFixtures.audit;
import static dev.hermetic.audit.AuditFixtures.platinum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.audit.ComparisonReportReader.ModuleFiles;
import dev.hermetic.compare.BuildComparator;
import dev.hermetic.compare.BuildcompareWriter;
import dev.hermetic.compare.CauseTable;
import dev.hermetic.compare.CompareReport;
import dev.hermetic.compare.JsonReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebuild-compared check trusts a comparison's report only for the bytes it names by their hash. */
class ComparisonReportReaderTest {

    @TempDir
    Path dir;

    /** The build: module app 1.0 in {@code dir/app}, its POM, jar and sources jar; a reference with the same bytes. */
    private Path module() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("pom.xml"), "<project/>");
        Files.createDirectories(app.resolve("target"));
        Files.writeString(app.resolve("target/app-1.0.jar"), "jar bytes");
        Files.writeString(app.resolve("target/app-1.0-sources.jar"), "sources bytes");
        return app;
    }

    private static Map<String, Path> outputs(Path app) {
        Map<String, Path> files = new TreeMap<>();
        files.put("app-1.0.pom", app.resolve("pom.xml"));
        files.put("app-1.0.jar", app.resolve("target/app-1.0.jar"));
        files.put("app-1.0-sources.jar", app.resolve("target/app-1.0-sources.jar"));
        return files;
    }

    /** hermetic:compare's reports of {@code actual} against a copy of it, in {@code app/target}. */
    private Path compare(Path app, Map<String, Path> actual) throws IOException {
        Path reference = Files.createDirectories(dir.resolve("reference"));
        Map<String, Path> inReference = new TreeMap<>();
        for (Map.Entry<String, Path> e : actual.entrySet()) {
            inReference.put(e.getKey(), Files.copy(e.getValue(), reference.resolve(e.getKey())));
        }
        CompareReport report = new BuildComparator(CauseTable.builtIn(), List.of(), dir)
                .compare(reference.toString(), "this build", inReference, actual);
        assertThat(report.identical()).isTrue();
        Files.writeString(app.resolve("target/app-1.0.buildcompare"), BuildcompareWriter.write(report, "1.0"));
        return Files.write(app.resolve("target/hermetic-compare.json"), JsonReport.write(report));
    }

    private BuildFacts.Comparison read(Path report) throws IOException {
        return ComparisonReportReader.read(report, "app/target/" + report.getFileName(),
                List.of(new ModuleFiles("app", "1.0", dir.resolve("app"), true)));
    }

    private static CheckResult rebuildCompared(BuildFacts.Comparison... comparisons) {
        BuildFacts good = platinum();
        BuildFacts facts = new BuildFacts(good.mavenVersion(), good.javaRelease(), good.hermeticVersion(),
                good.modules(), good.repositories(), good.wrapper(), good.gitattributes(), good.resolverProperties(),
                good.lockfile(), List.of(comparisons));
        return audit(facts).results().stream().filter(r -> r.check() == Check.REBUILD_COMPARED).findFirst()
                .orElseThrow();
    }

    /** The report is not shown to be about the files as they are now, for this reason among others: no pass. */
    private void assertNotCurrent(Path report, String reason) throws IOException {
        BuildFacts.Comparison comparison = read(report);
        assertThat(comparison.notCurrent()).contains(reason);
        assertThat(rebuildCompared(comparison).passed()).isFalse();
    }

    @Test
    void aReportAboutTheFilesAsTheyAreNowPasses() throws IOException {
        Path app = module();
        BuildFacts.Comparison comparison = read(compare(app, outputs(app)));
        assertThat(comparison.notCurrent()).isEmpty();
        CheckResult result = rebuildCompared(comparison);
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence()).containsExactly("app/target/hermetic-compare.json: identical (rebuild comparison"
                + " result: 3 files match, 0 differ), about this build's outputs as they are now (their SHA-256)");
    }

    @Test
    void aReportWhoseDigestDoesNotMatchTheCurrentJarDoesNotPass() throws IOException {
        Path app = module();
        Path report = compare(app, outputs(app));
        // A later build wrote another jar; the report in target/ is the earlier build's.
        Files.writeString(app.resolve("target/app-1.0.jar"), "other jar bytes");
        BuildFacts.Comparison comparison = read(report);
        assertThat(comparison.identical()).isTrue();
        assertThat(comparison.notCurrent()).singleElement().asString()
                .startsWith("app-1.0.jar: " + app.resolve("target/app-1.0.jar") + " is not the file it compared"
                        + " (SHA-256 ")
                .endsWith(" now)");
        CheckResult result = rebuildCompared(comparison);
        assertThat(result.passed()).isFalse();
        assertThat(result.evidence()).singleElement().asString().contains("not proven");
        assertThat(result.fix()).startsWith("Run hermetic:compare once the outputs are built, then the audit");
    }

    @Test
    void aReportOfAFileThatIsGoneDoesNotPass() throws IOException {
        Path app = module();
        Path report = compare(app, outputs(app));
        Files.delete(app.resolve("target/app-1.0-sources.jar"));
        assertNotCurrent(report, "app-1.0-sources.jar: " + app.resolve("target/app-1.0-sources.jar")
                + ", which it compared, is not there now");
    }

    @Test
    void aReportCopiedFromAnotherCheckoutDoesNotPass() throws IOException {
        Path app = module();
        Path elsewhere = Files.createDirectories(dir.resolve("other-clone"));
        Map<String, Path> theirs = new TreeMap<>();
        for (Map.Entry<String, Path> e : outputs(app).entrySet()) {
            theirs.put(e.getKey(), Files.copy(e.getValue(), elsewhere.resolve(e.getKey())));
        }
        Path report = compare(app, theirs);
        assertNotCurrent(report, "app-1.0.jar: it compared " + elsewhere.resolve("app-1.0.jar")
                + ", which is not in this build's modules");
    }

    @Test
    void aReportThatNamesItsFilesByRelativePathsDoesNotPass() throws IOException {
        Path app = module();
        Path report = compare(app, outputs(app));
        String json = Files.readString(report).replace("\"actual\":\"" + app + "/", "\"actual\":\"");
        Files.writeString(report, json);
        assertNotCurrent(report, "app-1.0.jar: it names the file it compared by a relative path (target/app-1.0.jar,"
                + " from the command line), so which file it was cannot be told");
    }

    @Test
    void aReportThatComparedNoArchiveOfAModuleThatPackagesOneDoesNotPass() throws IOException {
        Path app = module();
        Path report = compare(app, Map.of("app-1.0.pom", app.resolve("pom.xml")));
        assertNotCurrent(report, "module app compared no file but its POM: its archives were not built when it ran");
    }

    @Test
    void aReportThatLeftAModuleOutDoesNotPass() throws IOException {
        Path app = module();
        Path report = compare(app, outputs(app));
        BuildFacts.Comparison comparison = ComparisonReportReader.read(report, "app/target/hermetic-compare.json",
                List.of(new ModuleFiles("app", "1.0", app, true), new ModuleFiles("lib", "1.0", dir.resolve("lib"),
                        true)));
        assertThat(comparison.notCurrent()).containsExactly("module lib is not in it (no lib-1.0.pom)");
    }

    @Test
    void aBuildcompareRecordsNoDigestsSoItProvesNothingAlone() throws IOException {
        Path app = module();
        compare(app, outputs(app));
        BuildFacts.Comparison comparison = read(app.resolve("target/app-1.0.buildcompare"));
        assertThat(comparison.identical()).isTrue();
        assertThat(comparison.notCurrent()).containsExactly("a .buildcompare records no digest of the files it"
                + " compared, so nothing ties it to the files as they are now");
        CheckResult result = rebuildCompared(comparison);
        assertThat(result.passed()).isFalse();
        assertThat(result.fix()).startsWith("Run hermetic:compare once the outputs are built, then the audit");
    }

    @Test
    void besideItsBuildcompareTheJsonReportProvesItAndComesFirst() throws IOException {
        Path app = module();
        Path json = compare(app, outputs(app));
        CheckResult result = rebuildCompared(read(app.resolve("target/app-1.0.buildcompare")), read(json));
        assertThat(result.passed()).isTrue();
        assertThat(result.evidence()).hasSize(2);
        assertThat(result.evidence().get(0)).startsWith("app/target/hermetic-compare.json: identical");
    }

    @Test
    void maven_artifact_pluginsBuildcompareIsReadTheSameWay() throws IOException {
        Path report = Files.writeString(Files.createDirectories(dir.resolve("target")).resolve("app-1.0.buildcompare"),
                "version=1.0\nok=2\nko=0\nignored=0\nokFiles=\"app-1.0.pom app-1.0.jar\"\nkoFiles=\"\"\n"
                        + "ignoredFiles=\"\"\nreference_java_version=\"17\"\n", StandardCharsets.UTF_8);
        BuildFacts.Comparison comparison = read(report);
        assertThat(comparison.identical()).isTrue();
        assertThat(comparison.summary()).isEqualTo("ok=2, ko=0, missing=0");
        assertThat(comparison.current()).isFalse();
    }
}
