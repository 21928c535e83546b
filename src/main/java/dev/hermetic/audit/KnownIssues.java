package dev.hermetic.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plugins whose output is known not to be reproducible up to some version (or in every version), as data:
 * {@code known-issues.txt} beside this class, one plugin a line (the format is described at the file's top and in
 * docs/audit.md). A user's file replaces the built-in entry of each plugin it names and adds the others.
 */
public final class KnownIssues {

    private static final String BUILT_IN = "known-issues.txt";

    /** What a line's second field says when no version is fixed. */
    public static final String NO_FIX = "no fix";

    private static final Pattern PLUGIN = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+");

    /**
     * One plugin's known issue.
     *
     * @param plugin {@code groupId:artifactId}
     * @param fixedIn the first version whose output is reproducible, or null when none is
     * @param reason why older versions' output is not reproducible
     * @param reference a public page about it (an issue, a commit)
     */
    public record Issue(String plugin, String fixedIn, String reason, String reference) {

        /** Whether {@code version} has the issue, in the build tool's order of versions. */
        public boolean affects(String version, Comparator<String> versionOrder) {
            return fixedIn == null || version == null || versionOrder.compare(version, fixedIn) < 0;
        }
    }

    /** A file that cannot be read as known issues: names the file, the line and what is wrong. */
    public static final class KnownIssuesException extends IOException {
        private static final long serialVersionUID = 1L;

        KnownIssuesException(String source, int line, String problem) {
            super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        }
    }

    private final Map<String, Issue> issues;

    private KnownIssues(Map<String, Issue> issues) {
        this.issues = Map.copyOf(issues);
    }

    /** The built-in list. */
    public static KnownIssues builtIn() throws IOException {
        return new KnownIssues(builtInIssues());
    }

    /** The built-in list, each plugin {@code file} names replaced by the file's entry. */
    public static KnownIssues withUserFile(Path file) throws IOException {
        Map<String, Issue> all = builtInIssues();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all.putAll(parse(reader, file.toString()));
        } catch (NoSuchFileException e) {
            throw new KnownIssuesException(file.toString(), 0, "no such file");
        } catch (MalformedInputException e) {
            throw new KnownIssuesException(file.toString(), 0, "is not UTF-8 text");
        }
        return new KnownIssues(all);
    }

    private static Map<String, Issue> builtInIssues() throws IOException {
        try (InputStream in = KnownIssues.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IOException(BUILT_IN + " is missing from the plugin's classpath: the plugin jar is damaged");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN);
        }
    }

    static Map<String, Issue> parse(Reader reader, String source) throws IOException {
        Map<String, Issue> issues = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s*\\|\\s*", -1);
            if (fields.length != 4) {
                throw new KnownIssuesException(source, number, "expected 'groupId:artifactId | first fixed version"
                        + " or " + NO_FIX + " | reason | https://reference', found " + fields.length + " field"
                        + (fields.length == 1 ? "" : "s"));
            }
            if (!PLUGIN.matcher(fields[0]).matches()) {
                throw new KnownIssuesException(source, number, "'" + fields[0] + "' is not groupId:artifactId");
            }
            if (fields[1].isEmpty() || fields[2].isEmpty()) {
                throw new KnownIssuesException(source, number, "the first fixed version (or '" + NO_FIX
                        + "') and the reason must not be empty");
            }
            if (!fields[3].startsWith("https://")) {
                throw new KnownIssuesException(source, number, "the reference '" + fields[3]
                        + "' is not an https:// address of a public page");
            }
            Issue issue = new Issue(fields[0], fields[1].equals(NO_FIX) ? null : fields[1], fields[2], fields[3]);
            if (issues.put(issue.plugin(), issue) != null) {
                throw new KnownIssuesException(source, number, issue.plugin() + " is listed twice");
            }
        }
        return issues;
    }

    /** The plugin's issue if {@code version} has it. */
    public Optional<Issue> affecting(String plugin, String version, Comparator<String> versionOrder) {
        Issue issue = issues.get(plugin);
        return issue != null && issue.affects(version, versionOrder) ? Optional.of(issue) : Optional.empty();
    }

    /** Every entry, sorted by plugin. */
    public List<Issue> all() {
        List<Issue> all = new ArrayList<>(issues.values());
        all.sort(Comparator.comparing(Issue::plugin));
        return all;
    }
}
