package dev.hermetic.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Maps a difference to its cause and one fix, by rules kept as data ({@code causes.txt} beside this class; the
 * format is described at its top and in docs/compare.md). Rules are tried in order and the first that matches
 * wins; a user's own rules come before the built-in ones.
 */
public final class CauseTable {

    private static final String BUILT_IN = "causes.txt";
    private static final Set<String> KEYS = Set.of("kind", "entry", "what", "reference", "actual", "masked", "given", "cause", "fix");

    /** A table file that cannot be read as rules: names the file, the line and what is wrong. */
    public static final class CauseTableException extends IOException {
        CauseTableException(String source, int line, String problem) {
            super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        }
    }

    /**
     * @param given cause ids of which one must be found elsewhere in the same file; empty for a rule that stands
     *              alone
     */
    private record Rule(String id, Set<DifferenceKind> kinds, Pattern entry, Pattern what, Pattern reference,
            Pattern actual, Pattern masked, Set<String> given, String cause, String fix) {

        boolean matches(String entryPath, DifferenceKind kind, String whatText, String ref, String act,
                Set<String> causesInFile) {
            return kinds.contains(kind)
                    && (given.isEmpty() || !java.util.Collections.disjoint(given, causesInFile))
                    && find(entry, entryPath)
                    && find(what, whatText)
                    && find(reference, ref)
                    && find(actual, act)
                    && (masked == null || ref != null && act != null
                            && mask(ref).equals(mask(act)) && !ref.equals(act));
        }

        private static boolean find(Pattern pattern, String value) {
            return pattern == null || value != null && pattern.matcher(value).find();
        }

        private String mask(String value) {
            return masked.matcher(value).replaceAll("\u0000");
        }
    }

    private final List<Rule> rules;

    private CauseTable(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The built-in table. */
    public static CauseTable builtIn() throws IOException {
        return new CauseTable(builtInRules());
    }

    /** A user's table, whose rules are tried before the built-in ones. */
    public static CauseTable withUserRules(Path file) throws IOException {
        List<Rule> rules;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rules = parse(reader, file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CauseTableException(file.toString(), 0, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CauseTableException(file.toString(), 0, "is not UTF-8 text");
        }
        rules.addAll(builtInRules());
        checkGiven(rules, file.toString());
        return new CauseTable(rules);
    }

    private static List<Rule> builtInRules() throws IOException {
        try (InputStream in = CauseTable.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IOException(BUILT_IN + " is missing from the plugin's classpath: the plugin jar is damaged");
            }
            List<Rule> rules = parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN);
            checkGiven(rules, BUILT_IN);
            return rules;
        }
    }

    /** A {@code given} that names no rule would never match: a typo, reported rather than silently ignored. */
    private static void checkGiven(List<Rule> rules, String source) throws CauseTableException {
        Set<String> ids = new java.util.HashSet<>();
        for (Rule rule : rules) {
            ids.add(rule.id());
        }
        for (Rule rule : rules) {
            for (String id : rule.given()) {
                if (!ids.contains(id)) {
                    throw new CauseTableException(source, 0, "rule [" + rule.id() + "]: given names '" + id
                            + "', which is no rule's name");
                }
            }
        }
    }

    static List<Rule> parse(Reader reader, String source) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String id = null;
        int idLine = 0;
        Map<String, String> fields = new LinkedHashMap<>();
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                if (id != null) {
                    rules.add(rule(id, fields, source, idLine));
                }
                id = text.substring(1, text.length() - 1).strip();
                idLine = number;
                fields = new LinkedHashMap<>();
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new CauseTableException(source, number, "expected '[rule-name]' or 'key = value', found '" + text + "'");
            }
            if (id == null) {
                throw new CauseTableException(source, number, "'" + text + "' comes before the first '[rule-name]'");
            }
            String key = text.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                throw new CauseTableException(source, number, "unknown key '" + key + "'; keys are " + String.join(", ", sorted(KEYS)));
            }
            if (fields.put(key, text.substring(eq + 1).strip()) != null) {
                throw new CauseTableException(source, number, "key '" + key + "' given twice in rule [" + id + "]");
            }
        }
        if (id != null) {
            rules.add(rule(id, fields, source, idLine));
        }
        return rules;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static Rule rule(String id, Map<String, String> f, String source, int line) throws CauseTableException {
        for (String required : List.of("kind", "cause", "fix")) {
            if (f.get(required) == null || f.get(required).isEmpty()) {
                throw new CauseTableException(source, line, "rule [" + id + "] has no '" + required + " = ...'");
            }
        }
        Set<DifferenceKind> kinds = EnumSet.noneOf(DifferenceKind.class);
        for (String kind : f.get("kind").split(",")) {
            try {
                kinds.add(DifferenceKind.parse(kind));
            } catch (IllegalArgumentException e) {
                List<String> valid = new ArrayList<>();
                for (DifferenceKind k : DifferenceKind.values()) {
                    valid.add(k.id());
                }
                throw new CauseTableException(source, line, "rule [" + id + "]: " + e.getMessage() + "; kinds are "
                        + String.join(", ", valid));
            }
        }
        return new Rule(id, kinds, pattern(f, "entry", id, source, line), pattern(f, "what", id, source, line),
                pattern(f, "reference", id, source, line), pattern(f, "actual", id, source, line),
                pattern(f, "masked", id, source, line), given(f.get("given")), f.get("cause"), f.get("fix"));
    }

    private static Set<String> given(String ids) {
        Set<String> given = new java.util.TreeSet<>();
        if (ids != null) {
            for (String id : ids.split(",")) {
                if (!id.isBlank()) {
                    given.add(id.strip());
                }
            }
        }
        return Set.copyOf(given);
    }

    private static Pattern pattern(Map<String, String> f, String key, String id, String source, int line)
            throws CauseTableException {
        String regex = f.get(key);
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CauseTableException(source, line, "rule [" + id + "]: " + key + " is not a regular expression: "
                    + e.getDescription() + " in '" + regex + "'");
        }
    }

    /** The cause of the first matching rule that needs no other cause in the file; a generic one when none matches. */
    public Cause classify(String entry, DifferenceKind kind, String what, String reference, String actual) {
        return classify(entry, kind, what, reference, actual, Set.of());
    }

    /**
     * The cause of the first matching rule, where a rule with {@code given} matches only when one of those causes
     * was found in the same file ({@code causesInFile}: the causes the one-argument form gave its differences).
     */
    public Cause classify(String entry, DifferenceKind kind, String what, String reference, String actual,
            Set<String> causesInFile) {
        for (Rule rule : rules) {
            if (rule.matches(entry, kind, what, reference, actual, causesInFile)) {
                return new Cause(rule.id(), fill(rule.cause(), reference, actual), fill(rule.fix(), reference, actual));
            }
        }
        return new Cause("unknown", "no rule of the cause table matches this " + kind.id() + " difference",
                "inspect the two values; add a rule to a cause table file (docs/compare.md) once the cause is known");
    }

    /** Whether some rule depends on another cause in the same file, so that a file's causes need a second look. */
    boolean hasGivenRules() {
        return rules.stream().anyMatch(rule -> !rule.given().isEmpty());
    }

    private static String fill(String template, String reference, String actual) {
        return template.replace("{reference}", reference == null ? "(absent)" : reference)
                .replace("{actual}", actual == null ? "(absent)" : actual);
    }
}
