package dev.hermetic.compare;

import static dev.hermetic.compare.TestArchives.entry;
import static dev.hermetic.compare.TestArchives.write;
import static dev.hermetic.compare.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermetic.cli.CiRequirement;
import dev.hermetic.io.CanonicalJson;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a real rebuild difference (another JDK, a NOTICE stamped with the build clock's year, every
 * entry's time, a missing sources jar), opened in a real browser: Debian's chromium, headless. Where chromium is
 * missing the test skips, and under CI it fails ({@link CiRequirement}).
 *
 * <p>The screenshot it takes ({@code target/compare-report.png}) is the one docs/compare.md shows: copy it to
 * {@code docs/compare-report.png} when the page's look changes.
 */
class HtmlReportInBrowserTest {

    /** Appended to a copy of the page: what the browser built and laid out, as JSON in a {@code <pre>}. */
    private static final String PROBE = """
            <script>
            var errors = [];
            window.addEventListener('error', function (e) { errors.push(String(e.message)); });
            window.addEventListener('load', function () {
              var sections = Array.prototype.filter.call(document.body.children,
                  function (e) { return e.tagName === 'DETAILS'; });
              var facts = {
                heading: document.querySelector('h1').textContent,
                verdictRows: document.querySelectorAll('body > table tr').length - 1,
                sections: sections.map(function (s) {
                  return { summary: s.querySelector('summary').textContent, open: s.open,
                           rows: s.querySelectorAll('table tr').length - 1,
                           height: Math.round(s.getBoundingClientRect().height) };
                }),
                fetched: performance.getEntriesByType('resource').map(function (r) { return r.name; }),
                errors: errors
              };
              var pre = document.createElement('pre');
              pre.id = 'probe';
              pre.textContent = JSON.stringify(facts);
              document.body.appendChild(pre);
            });
            </script>
            """;

    @TempDir
    Path dir;

    @Test
    void chromiumShowsTheSummaryAndOneSectionPerFileAndFetchesNothing() throws Exception {
        Path chromium = onPath("chromium");
        CiRequirement.require(chromium != null, "chromium is not on the PATH (Debian: apt-get install chromium)");
        Path html = write(dir, "target/hermetic-compare.html", HtmlReport.write(rebuild()).getBytes(StandardCharsets.UTF_8));
        String page = Files.readString(html);
        assertThat(page).doesNotContainPattern("(?i)https?://").doesNotContain("<script", "<link", "src=", "url(");

        Path probe = write(dir, "probe.html", (page + PROBE).getBytes(StandardCharsets.UTF_8));
        String dom = chromium(chromium, "--dump-dom", probe.toUri().toString());
        Matcher json = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(json.find()).as("the probe's facts in chromium's DOM:%n%s", dom).isTrue();
        JsonNode facts = CanonicalJson.read(json.group(1).replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").getBytes(StandardCharsets.UTF_8), "probe");

        assertThat(facts.get("errors")).isEmpty();
        assertThat(facts.get("fetched")).as("resources the page loaded").isEmpty();
        assertThat(facts.get("heading").asText()).isEqualTo("Different from the reference");
        assertThat(facts.get("verdictRows").asInt()).as("verdict rows: identical, different, missing here").isEqualTo(3);
        List<String> summaries = new ArrayList<>();
        facts.get("sections").forEach(s -> summaries.add(s.get("summary").asText()));
        assertThat(summaries).containsExactly("missing here demo-1.0-sources.jar",
                "different demo-1.0.jar: 7 differences (1 class-file, 1 manifest, 1 text, 4 timestamp)",
                "identical demo-1.0.pom");
        JsonNode different = facts.get("sections").get(1);
        assertThat(different.get("open").asBoolean()).isTrue();
        assertThat(different.get("rows").asInt()).isEqualTo(7);
        assertThat(facts.get("sections").get(2).get("open").asBoolean()).isFalse();
        facts.get("sections").forEach(s -> assertThat(s.get("height").asInt()).as("laid out: %s", s).isPositive());

        Path png = dir.resolve("target/compare-report.png");
        chromium(chromium, "--screenshot=" + png, "--window-size=1100,820", "--hide-scrollbars", html.toUri().toString());
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png));
        assertThat(header.getLong(0)).as("a PNG").isEqualTo(0x89504E470D0A1A0AL);
        assertThat(header.getInt(16)).as("width").isEqualTo(1100);
        Path kept = Path.of("target", "compare-report.png");
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Two builds of one small project: built with JDK 17 for release 11, then with JDK 21 for release 17 and a later clock. */
    private CompareReport rebuild() throws IOException {
        String source = "public class Greeting { public String hello() { return \"hello\"; } }";
        byte[] class11 = TestArchives.compile(dir, "Greeting", source, "11").get("Greeting.class");
        byte[] class17 = TestArchives.compile(dir, "Greeting", source, "17").get("Greeting.class");
        String manifest = "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\nBuild-Jdk-Spec: %s\r\n\r\n";
        String notice = "Demo\nCopyright 2019-%s The Demo Authors\n";
        long before = 1_767_225_600_000L;
        long after = 1_924_992_000_000L;
        write(dir, "reference/demo-1.0.jar", zip(entry("META-INF/MANIFEST.MF", manifest.formatted("17")).time(before),
                entry("META-INF/NOTICE", notice.formatted("2026")).time(before),
                entry("demo/Greeting.class", class11).time(before), entry("demo/messages.properties", "hi=hello\n").time(before)));
        write(dir, "actual/demo-1.0.jar", zip(entry("META-INF/MANIFEST.MF", manifest.formatted("21")).time(after),
                entry("META-INF/NOTICE", notice.formatted("2031")).time(after),
                entry("demo/Greeting.class", class17).time(after), entry("demo/messages.properties", "hi=hello\n").time(after)));
        write(dir, "reference/demo-1.0-sources.jar", zip(entry("demo/Greeting.java", source)));
        write(dir, "reference/demo-1.0.pom", "<project/>\n".getBytes(StandardCharsets.UTF_8));
        write(dir, "actual/demo-1.0.pom", "<project/>\n".getBytes(StandardCharsets.UTF_8));
        Map<String, Path> reference = new TreeMap<>();
        Map<String, Path> actual = new TreeMap<>();
        for (String name : List.of("demo-1.0.jar", "demo-1.0-sources.jar", "demo-1.0.pom")) {
            reference.put(name, dir.resolve("reference").resolve(name));
            if (Files.exists(dir.resolve("actual").resolve(name))) {
                actual.put(name, dir.resolve("actual").resolve(name));
            }
        }
        // Named as a reader of the screenshot knows them, not by the test's temporary directory.
        return new BuildComparator(CauseTable.builtIn(), List.of(), dir).compare("the release's files", "this build",
                reference, actual);
    }

    /** Runs headless chromium with its own profile; returns what it printed on stdout. */
    private String chromium(Path chromium, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(arguments));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 180 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium's exit status; its stderr:%n%s", Files.readString(err)).isZero();
        return Files.readString(out);
    }

    private static Path onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return Path.of(directory, program);
            }
        }
        return null;
    }
}
