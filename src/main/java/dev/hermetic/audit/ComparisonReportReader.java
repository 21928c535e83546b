package dev.hermetic.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.io.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an earlier comparison's report ({@code hermetic-compare.json}, or a {@code .buildcompare} of ours or
 * maven-artifact-plugin's) and checks that it is about this build's outputs as they are now: a report in
 * {@code target/} may be an older build's, or copied in. Only the hash of a file ties a report to it, so:
 * <ul>
 *   <li>{@code hermetic-compare.json} records the SHA-256 of each file it compared on this build's side: each such
 *       file must lie in a module of this build and still have that SHA-256, and the report must cover every module
 *       (its POM, and an archive of each module that packages one);</li>
 *   <li>a {@code .buildcompare} records file names only (maven-artifact-plugin's format), so it never proves it.</li>
 * </ul>
 */
public final class ComparisonReportReader {

    /** The JSON layout whose fields this reader knows ({@code dev.hermetic.compare.JsonReport} writes it). */
    static final String JSON_FORMAT = "hermetic-compare/1";

    /**
     * A module of the build, as the reports name its files.
     *
     * @param directory its base directory: the files it produced (its POM, {@code target/}) lie below it
     */
    public record ModuleFiles(String artifactId, String version, Path directory, boolean packagesArchive) {

        /** Whether a repository file name ({@code app-1.0-sources.jar}) is one of this module's. */
        boolean names(String fileName) {
            String prefix = artifactId + "-" + version;
            return fileName.startsWith(prefix) && fileName.length() > prefix.length()
                    && (fileName.charAt(prefix.length()) == '.' || fileName.charAt(prefix.length()) == '-');
        }
    }

    private ComparisonReportReader() {}

    /**
     * @param report the report's file
     * @param name its path as the audit names it
     * @param reactor the build's modules
     */
    public static BuildFacts.Comparison read(Path report, String name, List<ModuleFiles> reactor) throws IOException {
        if (report.getFileName().toString().endsWith(".json")) {
            return readJson(report, name, reactor);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(report)) {
            p.load(in);
        }
        String ko = p.getProperty("ko", "?");
        String missing = p.getProperty("missing", "0");
        return new BuildFacts.Comparison(name, "0".equals(ko.strip()) && "0".equals(missing.strip()),
                "ok=" + p.getProperty("ok", "?") + ", ko=" + ko + ", missing=" + missing,
                List.of("a .buildcompare records no digest of the files it compared, so nothing ties it to the files"
                        + " as they are now"));
    }

    private static BuildFacts.Comparison readJson(Path report, String name, List<ModuleFiles> reactor)
            throws IOException {
        JsonNode json = CanonicalJson.read(Files.readAllBytes(report), "comparison report " + report);
        boolean identical = json.path("identical").asBoolean(false);
        String summary = json.path("summary").asText("");
        String format = json.path("format").asText("");
        if (!JSON_FORMAT.equals(format)) {
            return new BuildFacts.Comparison(name, identical, summary, List.of("its format is \"" + format + "\", not "
                    + JSON_FORMAT + ", whose digests this audit reads"));
        }
        List<String> notCurrent = new ArrayList<>();
        Set<String> compared = new TreeSet<>();
        List<Path> directories = new ArrayList<>();
        for (ModuleFiles module : reactor) {
            directories.add(real(module.directory()));
        }
        for (JsonNode file : json.path("files")) {
            String path = file.path("path").asText();
            String verdict = file.path("verdict").asText();
            if (file.path("actual").isNull() || "ignored".equals(verdict)) {
                continue; // not compared on this build's side
            }
            compared.add(path);
            Path named = Path.of(file.path("actual").asText());
            if (!named.isAbsolute()) {
                notCurrent.add(path + ": it names the file it compared by a relative path (" + named + ", from the"
                        + " command line), so which file it was cannot be told");
                continue;
            }
            Path actual = real(named);
            String recorded = file.path("actualSha256").asText(null);
            if (directories.stream().noneMatch(actual::startsWith)) {
                notCurrent.add(path + ": it compared " + actual + ", which is not in this build's modules");
            } else if (recorded == null) {
                notCurrent.add(path + ": it records no SHA-256 of " + actual);
            } else if (!Files.isRegularFile(actual)) {
                notCurrent.add(path + ": " + actual + ", which it compared, is not there now");
            } else {
                String now = HexDigests.digest(actual, DigestAlgorithm.SHA_256);
                if (!now.equals(recorded)) {
                    notCurrent.add(path + ": " + actual + " is not the file it compared (SHA-256 " + recorded
                            + " then, " + now + " now)");
                }
            }
        }
        for (ModuleFiles module : reactor) {
            String pom = module.artifactId() + "-" + module.version() + ".pom";
            if (!compared.contains(pom)) {
                notCurrent.add("module " + module.artifactId() + " is not in it (no " + pom + ")");
            } else if (module.packagesArchive()
                    && compared.stream().noneMatch(f -> module.names(f) && !f.equals(pom))) {
                notCurrent.add("module " + module.artifactId() + " compared no file but its POM: its archives were"
                        + " not built when it ran");
            }
        }
        return new BuildFacts.Comparison(name, identical, summary, notCurrent);
    }

    /** The file's real path when it exists (symbolic links resolved, as the modules' directories are), else as is. */
    private static Path real(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    }
}
