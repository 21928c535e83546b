package dev.hermetic.cachekey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code -D} user properties and {@code -P} profiles of the command that count in the key. Every user property
 * counts except {@link #counts those} that cannot change what a build makes (this goal's own, where the local
 * repository is, logging); those also given by {@code .mvn/maven.config} are left to the {@code mvn-config}
 * component, which hashes that file. Values of properties whose name looks secret are hashed, never shown.
 *
 * @param defines name to value, in the key's order
 * @param activeProfiles profiles named by {@code -P id}
 * @param inactiveProfiles profiles named by {@code -P !id} or {@code -P -id}
 */
public record CommandProperties(SortedMap<String, String> defines, SortedSet<String> activeProfiles,
        SortedSet<String> inactiveProfiles) {

    /** Strings in the order of their UTF-8 bytes (unsigned), which is code point order. */
    static final Comparator<String> BYTE_ORDER = new Utf8Order();

    // A class, not a lambda, as every function on the command line's path: a JVM's first lambda costs it more
    // start-up time than computing a small project's key.
    private static final class Utf8Order implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            for (int i = 0, j = 0; i < a.length() && j < b.length(); ) {
                int ca = a.codePointAt(i);
                int cb = b.codePointAt(j);
                if (ca != cb) {
                    return Integer.compare(ca, cb);
                }
                i += Character.charCount(ca);
                j += Character.charCount(cb);
            }
            return Integer.compare(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
        }
    }

    /** Properties that never count: exactly these names, or any name starting with one that ends in '.'. */
    static final List<String> IGNORED = List.of("detail", "hermetic.cacheKey.", "maven.repo.local",
            "maven.repo.local.", "style.color", "org.slf4j.simpleLogger.");

    /** Name parts that mark a property's value as secret (case-insensitive). */
    static final List<String> SECRET_WORDS = List.of("password", "passphrase", "token", "secret", "key");

    public static final CommandProperties NONE = of(Map.of(), List.of(), List.of());

    public CommandProperties {
        TreeMap<String, String> d = new TreeMap<>(BYTE_ORDER);
        for (Map.Entry<String, String> define : defines.entrySet()) {
            if (counts(define.getKey())) {
                d.put(define.getKey(), define.getValue());
            }
        }
        defines = Collections.unmodifiableSortedMap(d);
        activeProfiles = Collections.unmodifiableSortedSet(sorted(activeProfiles));
        inactiveProfiles = Collections.unmodifiableSortedSet(sorted(inactiveProfiles));
    }

    /** From the command's user properties and the profiles it activates and deactivates (ids without '!'). */
    public static CommandProperties of(Map<String, String> userProperties, Collection<String> active,
            Collection<String> inactive) {
        return new CommandProperties(new TreeMap<>(userProperties), new TreeSet<>(active), new TreeSet<>(inactive));
    }

    /**
     * From Maven command-line arguments: {@code -Dname=value}, {@code -Dname} (value {@code true}), {@code -D name=value},
     * {@code --define}, {@code -Pids}, {@code -P ids}, {@code --activate-profiles}; a later value of a name wins, as
     * in Maven. Other arguments are ignored.
     */
    public static CommandProperties fromArguments(List<String> args) {
        List<Map.Entry<String, String>> given = new ArrayList<>(); // every one, in order: the last value wins
        Set<String> active = new HashSet<>();
        Set<String> inactive = new HashSet<>();
        readArguments(args, given, active, inactive);
        Map<String, String> defines = new java.util.HashMap<>();
        for (Map.Entry<String, String> define : given) {
            defines.put(define.getKey(), define.getValue());
        }
        return of(defines, active, inactive);
    }

    /** Whether a user property of this name counts in the key. */
    public static boolean counts(String name) {
        for (String ignored : IGNORED) {
            if (ignored.endsWith(".") ? name.startsWith(ignored) : name.equals(ignored)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a property's value must never be printed. */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * These properties and profiles without the ones {@code .mvn/maven.config} under {@code root} gives (same name and
     * value): Maven merges that file into the command, and the key counts the file as a whole already. Both of
     * Maven's readings are tried: one argument per line (3.9) and arguments split at white space (3.8).
     */
    public CommandProperties withoutMavenConfig(Path root) throws CacheKeyException {
        Path config = root.resolve(".mvn").resolve("maven.config");
        if (!Files.isRegularFile(config)) {
            return this;
        }
        String text;
        try {
            text = Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CacheKey.unreadable(config, e);
        }
        List<String> perLine = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                perLine.add(line.strip());
            }
        }
        List<String> perWord = List.of(text.strip().split("\\s+"));
        Set<Map.Entry<String, String>> configDefines = new HashSet<>();
        Set<String> configActive = new HashSet<>();
        Set<String> configInactive = new HashSet<>();
        for (List<String> args : List.of(perLine, perWord)) {
            readArguments(args, configDefines, configActive, configInactive);
        }
        TreeMap<String, String> d = new TreeMap<>(BYTE_ORDER);
        for (Map.Entry<String, String> define : defines.entrySet()) {
            if (!configDefines.contains(Map.entry(define.getKey(), define.getValue()))) {
                d.put(define.getKey(), define.getValue());
            }
        }
        TreeSet<String> active = new TreeSet<>(activeProfiles);
        active.removeAll(configActive);
        TreeSet<String> inactive = new TreeSet<>(inactiveProfiles);
        inactive.removeAll(configInactive);
        return new CommandProperties(d, active, inactive);
    }

    /** Reads {@code -D}, {@code --define}, {@code -P} and {@code --activate-profiles} arguments, as Maven does. */
    static void readArguments(List<String> args, Collection<Map.Entry<String, String>> defines, Set<String> active,
            Set<String> inactive) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : "";
            if (a.equals("-D") || a.equals("--define")) {
                define(next, defines);
                i++;
            } else if (a.startsWith("--define=") || a.startsWith("--define ")) {
                define(a.substring("--define=".length()), defines);
            } else if (a.startsWith("-D")) {
                define(a.substring(2), defines);
            } else if (a.equals("-P") || a.equals("--activate-profiles")) {
                profiles(next, active, inactive);
                i++;
            } else if (a.startsWith("--activate-profiles=") || a.startsWith("--activate-profiles ")) {
                profiles(a.substring("--activate-profiles=".length()), active, inactive);
            } else if (a.startsWith("-P")) {
                profiles(a.substring(2), active, inactive);
            }
        }
    }

    private static void define(String definition, Collection<Map.Entry<String, String>> defines) {
        String d = definition.strip();
        int eq = d.indexOf('=');
        if (eq < 0) {
            defines.add(Map.entry(d, "true"));
        } else if (eq > 0) {
            defines.add(Map.entry(d.substring(0, eq), d.substring(eq + 1)));
        }
    }

    /** Maven's -P list: ids separated by commas, '!' or '-' deactivates, '+' activates. */
    static void profiles(String list, Set<String> active, Set<String> inactive) {
        for (String id : list.split(",")) {
            String p = id.strip();
            if (p.startsWith("!") || p.startsWith("-")) {
                inactive.add(p.substring(1).strip());
            } else if (p.startsWith("+")) {
                active.add(p.substring(1).strip());
            } else if (!p.isEmpty()) {
                active.add(p);
            }
        }
        active.remove("");
        inactive.remove("");
    }

    /** The canonical text the {@code command} component hashes (values as their SHA-256 only). */
    String canonical() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> define : defines.entrySet()) {
            text.append("D ").append(CacheKey.framed(define.getKey())).append(' ')
                    .append(CacheKey.sha256(define.getValue())).append('\n');
        }
        for (String id : activeProfiles) {
            text.append("P+ ").append(CacheKey.framed(id)).append('\n');
        }
        for (String id : inactiveProfiles) {
            text.append("P- ").append(CacheKey.framed(id)).append('\n');
        }
        return text.toString();
    }

    /** What the detail output shows: values, except secret ones. */
    String summary() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> define : defines.entrySet()) {
            parts.add("-D" + define.getKey() + "=" + (isSecret(define.getKey()) ? "(hidden)" : define.getValue()));
        }
        for (String id : activeProfiles) {
            parts.add("-P" + id);
        }
        for (String id : inactiveProfiles) {
            parts.add("-P!" + id);
        }
        return parts.isEmpty() ? "no -D or -P" : String.join(" ", parts);
    }

    private static TreeSet<String> sorted(Collection<String> ids) {
        TreeSet<String> s = new TreeSet<>(BYTE_ORDER);
        s.addAll(ids);
        return s;
    }
}
