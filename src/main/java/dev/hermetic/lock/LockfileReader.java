package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the text form written by {@link LockfileWriter}. Strict: anything it does not understand is an error naming
 * the line, so a hand edit or a bad merge cannot silently weaken the check.
 *
 * <p>Rules (see {@code docs/lockfile.md}): blank lines and lines starting with {@code #} are ignored anywhere; the
 * first other line is {@code format 3} or {@code format 2} (format 1 is refused with an
 * {@link OutdatedLockfileException}); then {@code algorithm}, the three {@code environment} lines, the {@code module}
 * lines and (format 3) the {@code build} lines, each before the first artifact line; an artifact line starts with
 * coordinates (it contains {@code :}). A format 2 file has no builds: it is read as one build,
 * {@link BuildVariant#DEFAULT}, which every artifact line has. Artifact lines need not be sorted (a
 * hand-resolved merge conflict is accepted as is; the next {@code hermetic:lock} sorts them), but each coordinates
 * may appear only once.
 */
public final class LockfileReader {

    private static final Set<String> WEAK_ALGORITHMS = Set.of("MD5", "MD-5", "SHA1", "SHA-1", "SHA", "SHA-224",
            "SHA224");

    private LockfileReader() {}

    /**
     * @throws NoSuchFileException if the file does not exist
     * @throws LockfileFormatException naming the file, the line and the problem, for any malformed content
     */
    public static Lockfile read(Path file) throws IOException {
        return read(file, Lockfile.LOCK_COMMAND);
    }

    /**
     * As {@link #read(Path)}; messages that suggest rewriting the file suggest {@code lockCommand} (the command that
     * locks the build at hand, {@link BuildVariant#lockCommand}).
     */
    public static Lockfile read(Path file, String lockCommand) throws IOException {
        return parse(file, Files.readAllBytes(file), lockCommand);
    }

    /** Parses a lockfile's bytes, read from {@code file} (only used in messages). */
    public static Lockfile parse(Path file, byte[] bytes, String lockCommand) throws LockfileFormatException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new LockfileFormatException(file, 0, "not UTF-8 text. Restore it from version control or run "
                    + "`" + lockCommand + "` to write it again.");
        }
        return parse(file, text, lockCommand);
    }

    /** Parses lockfile text; {@code file} is only used in messages. */
    public static Lockfile parse(Path file, String text) throws LockfileFormatException {
        return parse(file, text, Lockfile.LOCK_COMMAND);
    }

    private static Lockfile parse(Path file, String text, String lockCommand) throws LockfileFormatException {
        // Some Windows editors add a byte-order mark when saving; it carries no meaning here.
        return new Parser(file, lockCommand).parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static final class Parser {
        private final Path file;
        private final String lockCommand;
        private Integer format;
        private DigestAlgorithm algorithm;
        private final Map<String, String[]> environment = new HashMap<>();
        private final Map<String, Integer> environmentLines = new HashMap<>();
        private final TreeSet<String> modules = new TreeSet<>();
        private final Map<String, Integer> moduleLines = new HashMap<>();
        private final List<BuildVariant> builds = new ArrayList<>();
        private final TreeSet<String> buildNames = new TreeSet<>();
        private final Map<String, Integer> buildLines = new HashMap<>();
        private final List<LockedArtifact> artifacts = new ArrayList<>();
        private final Map<ArtifactCoordinates, Integer> artifactLines = new HashMap<>();
        private int line;

        Parser(Path file, String lockCommand) {
            this.file = file;
            this.lockCommand = lockCommand;
        }

        Lockfile parse(String text) throws LockfileFormatException {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line = i + 1;
                String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                if (l.isBlank() || l.stripLeading().startsWith("#")) {
                    continue;
                }
                if (!l.equals(l.strip())) {
                    throw error("leading or trailing blanks in '" + l + "'. Remove them.");
                }
                String[] fields = l.split(" ", -1);
                if (Arrays.asList(fields).contains("")) {
                    throw error("fields must be separated by exactly one space: '" + l + "'.");
                }
                if (format == null) {
                    parseFormat(fields, l);
                } else if (fields[0].contains(":")) {
                    parseArtifact(fields);
                } else {
                    parseKeyword(fields, l);
                }
            }
            line = 0;
            if (format == null) {
                throw error("empty: no 'format " + Lockfile.FORMAT_VERSION + "' header. Run `"
                        + lockCommand + "` to write the lockfile.");
            }
            line = text.endsWith("\n") ? lines.length - 1 : lines.length;
            requireHeader();
            String[] java = environment.get("java");
            BuildEnvironment env = new BuildEnvironment(environment.get("maven")[0], java[0], java[1],
                    environment.get("wrapper")[0]);
            return new Lockfile(format, algorithm, env, modules, builds, artifacts);
        }

        private void parseFormat(String[] fields, String l) throws LockfileFormatException {
            if (!fields[0].equals("format")) {
                throw error("missing header: the first line that is not a comment must be 'format "
                        + Lockfile.FORMAT_VERSION + "', found '" + l + "'. Is this a hermetic lockfile?");
            }
            if (fields.length == 2 && fields[1].equals("1")) {
                throw new OutdatedLockfileException(file, line, 1, lockCommand);
            }
            if (fields.length != 2 || !(fields[1].equals(String.valueOf(Lockfile.FORMAT_VERSION))
                    || fields[1].equals(String.valueOf(Lockfile.OLDEST_READABLE_FORMAT)))) {
                throw error("unknown format version '" + l.substring("format".length()).strip() + "': this plugin "
                        + "reads formats " + Lockfile.OLDEST_READABLE_FORMAT + " to " + Lockfile.FORMAT_VERSION
                        + ". Use the plugin version that wrote the file, or run `" + lockCommand + "` to rewrite it.");
            }
            format = Integer.parseInt(fields[1]);
        }

        private void parseKeyword(String[] fields, String l) throws LockfileFormatException {
            switch (fields[0]) {
                case "format" -> throw error("second 'format' line. Keep only the first.");
                case "algorithm" -> parseAlgorithm(fields, l);
                case "environment" -> parseEnvironment(fields, l);
                case "module" -> parseModule(fields, l);
                case "build" -> parseBuild(fields, l);
                default -> throw error("unknown keyword '" + fields[0] + "': expected algorithm, environment, module, "
                        + "build or an artifact line starting with groupId:artifactId:extension[:classifier]:version.");
            }
        }

        private void parseAlgorithm(String[] fields, String l) throws LockfileFormatException {
            beforeArtifacts("algorithm");
            if (algorithm != null) {
                throw error("second 'algorithm' line. Keep only one.");
            }
            if (fields.length != 2) {
                throw error("expected 'algorithm SHA-256' or 'algorithm SHA-512', found '" + l + "'.");
            }
            String name = fields[1].toUpperCase(Locale.ROOT);
            if (WEAK_ALGORITHMS.contains(name)) {
                throw error("algorithm " + fields[1] + " refused: the lockfile was downgraded to a broken digest. "
                        + "Only SHA-256 and SHA-512 are accepted. Restore the file from version control and find out "
                        + "who changed it.");
            }
            try {
                algorithm = DigestAlgorithm.parse(fields[1]);
            } catch (IllegalArgumentException e) {
                throw error("unknown algorithm '" + fields[1] + "': use SHA-256 or SHA-512.");
            }
        }

        private void parseEnvironment(String[] fields, String l) throws LockfileFormatException {
            beforeArtifacts("environment");
            if (fields.length < 3) {
                throw error("expected 'environment <maven|java|wrapper> <value>', found '" + l + "'.");
            }
            String key = fields[1];
            String[] value;
            switch (key) {
                case "maven", "wrapper" -> {
                    if (fields.length != 3) {
                        throw error("'environment " + key + "' takes one value, found '" + l + "'.");
                    }
                    value = new String[] {dash(fields[2])};
                }
                case "java" -> {
                    if (fields.length < 4) {
                        throw error("expected 'environment java <version> <vendor>', found '" + l + "'.");
                    }
                    value = new String[] {dash(fields[2]),
                            dash(String.join(" ", Arrays.asList(fields).subList(3, fields.length)))};
                }
                default -> throw error("unknown environment key '" + key + "': expected maven, java or wrapper.");
            }
            Integer previous = environmentLines.putIfAbsent(key, line);
            if (previous != null) {
                throw error("duplicate 'environment " + key + "' (first on line " + previous + "). Keep one.");
            }
            environment.put(key, value);
        }

        private void parseModule(String[] fields, String l) throws LockfileFormatException {
            beforeArtifacts("module");
            if (fields.length != 2 || !LockfileFields.isToken(fields[1])) {
                throw error("expected 'module <groupId:artifactId>', found '" + l + "'.");
            }
            Integer previous = moduleLines.putIfAbsent(fields[1], line);
            if (previous != null) {
                throw error("duplicate module '" + fields[1] + "' (first on line " + previous + ").");
            }
            modules.add(fields[1]);
        }

        private void parseBuild(String[] fields, String l) throws LockfileFormatException {
            beforeArtifacts("build");
            if (format < 3) {
                throw error("a 'build' line in a format " + format + " file: builds came with format 3. Make the "
                        + "first line 'format 3' and give every artifact line its builds field, or restore the file "
                        + "from version control.");
            }
            if (fields.length != 3) {
                throw error("expected 'build <name> <profiles, comma-separated, or ->', found '" + l + "'.");
            }
            Integer previous = buildLines.putIfAbsent(fields[1], line);
            if (previous != null) {
                throw error("duplicate build '" + fields[1] + "' (first on line " + previous + "). Keep one.");
            }
            List<String> profiles = fields[2].equals("-") ? List.of() : Arrays.asList(fields[2].split(",", -1));
            try {
                builds.add(new BuildVariant(fields[1], profiles));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage() + ", in '" + l + "'.");
            }
            buildNames.add(fields[1]);
        }

        private void parseArtifact(String[] fields) throws LockfileFormatException {
            requireHeader();
            int expectedFields = format < 3 ? 6 : 7;
            if (fields.length != expectedFields) {
                throw error("an artifact line has " + expectedFields + " fields '<coordinates> <checksum> <roles> "
                        + "<scopes> <modules> <plugins>" + (format < 3 ? "" : " <builds>") + "' in format " + format
                        + ", found " + fields.length + ": '" + String.join(" ", fields) + "'.");
            }
            ArtifactCoordinates c = parseCoordinates(fields[0]);
            String digest = fields[1];
            int expected = algorithm.hexLength();
            if (!LockfileFields.isHex(digest)) {
                throw error("checksum of " + c + " is not hexadecimal: '" + digest + "'.");
            }
            if (digest.length() != expected) {
                throw error("checksum of " + c + " has " + digest.length() + " hex digits, " + algorithm.jcaName()
                        + " has " + expected + ": '" + digest + "'. The line was truncated or edited by hand: restore "
                        + "it from version control.");
            }
            TreeSet<ArtifactRole> roles = new TreeSet<>();
            for (String r : fields[2].split(",", -1)) {
                ArtifactRole role = LockfileFields.parseRole(r);
                if (role == null) {
                    throw error("unknown role '" + r + "' for " + c + ": expected one of " + Arrays
                            .stream(ArtifactRole.values()).map(LockfileFields::roleToken).collect(Collectors.joining(", "))
                            + ".");
                }
                roles.add(role);
            }
            TreeSet<String> scopes = parseList(fields[3], "scope", c);
            TreeSet<String> artifactModules;
            if (fields[4].equals("*")) {
                if (modules.isEmpty()) {
                    throw error("modules '*' (all) for " + c + " but no 'module' line precedes it.");
                }
                artifactModules = modules; // LockedArtifact copies it
            } else {
                artifactModules = parseList(fields[4], "module", c);
                for (String m : artifactModules) {
                    if (!modules.contains(m)) {
                        throw error("module '" + m + "' of " + c + " is not declared by a 'module " + m
                                + "' line before the artifacts.");
                    }
                }
            }
            TreeSet<String> plugins = parseList(fields[5], "plugin", c);
            for (String p : plugins) {
                if (p.split(":", -1).length != 2) {
                    throw error("invalid plugin '" + p + "' for " + c + ": expected groupId:artifactId.");
                }
            }
            TreeSet<String> artifactBuilds;
            if (format < 3 || fields[6].equals("*")) {
                artifactBuilds = buildNames; // LockedArtifact copies it; empty in format 2: every (the one) build
            } else {
                artifactBuilds = parseList(fields[6], "build", c);
                if (artifactBuilds.isEmpty()) {
                    throw error("no build for " + c + ": the last field names the builds that use it, or '*' for "
                            + "all; an entry no build uses has no line.");
                }
                for (String b : artifactBuilds) {
                    if (!buildNames.contains(b)) {
                        throw error("build '" + b + "' of " + c + " is not declared by a 'build " + b
                                + " <profiles>' line before the artifacts (builds declared: "
                                + String.join(", ", buildNames) + ").");
                    }
                }
            }
            Integer previous = artifactLines.putIfAbsent(c, line);
            if (previous != null) {
                throw error("duplicate entry for " + c + " (first on line " + previous + "). A merge probably kept "
                        + "both sides: keep the right one, then run `mvn hermetic:verify`.");
            }
            try {
                artifacts.add(new LockedArtifact(c, digest, roles, scopes, artifactModules, plugins, artifactBuilds));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage() + ".");
            }
        }

        private TreeSet<String> parseList(String field, String what, ArtifactCoordinates c)
                throws LockfileFormatException {
            TreeSet<String> values = new TreeSet<>();
            if (field.equals("-")) {
                return values;
            }
            for (String v : field.split(",", -1)) {
                if (!LockfileFields.isToken(v)) {
                    throw error("invalid " + what + " '" + v + "' in '" + field + "' for " + c
                            + ": a comma-separated list without blanks, or '-' for none.");
                }
                values.add(v);
            }
            return values;
        }

        private ArtifactCoordinates parseCoordinates(String text) throws LockfileFormatException {
            String[] p = text.split(":", -1);
            if (p.length != 4 && p.length != 5) {
                throw error("malformed coordinates '" + text + "': expected "
                        + "groupId:artifactId:extension[:classifier]:version.");
            }
            ArtifactCoordinates c = p.length == 4 ? new ArtifactCoordinates(p[0], p[1], p[3], p[2], "")
                    : new ArtifactCoordinates(p[0], p[1], p[4], p[2], p[3]);
            for (String part : p) {
                if (!LockfileFields.isCoordinatePart(part)) {
                    throw error("malformed coordinates '" + text + "': part '" + part + "' is empty or contains a "
                            + "character not allowed (blank, ',', '*', '/', '\\'); expected "
                            + "groupId:artifactId:extension[:classifier]:version.");
                }
            }
            return c;
        }

        private void beforeArtifacts(String keyword) throws LockfileFormatException {
            if (!artifacts.isEmpty()) {
                throw error("'" + keyword + "' after the first artifact line: header lines come first.");
            }
        }

        private void requireHeader() throws LockfileFormatException {
            if (algorithm == null) {
                throw error("no 'algorithm' line before this point: add 'algorithm SHA-256' after the format line.");
            }
            for (String key : List.of("maven", "java", "wrapper")) {
                if (!environment.containsKey(key)) {
                    throw error("no 'environment " + key + "' line before this point. Run `"
                            + lockCommand + "` to write a complete lockfile.");
                }
            }
            if (format >= 3 && builds.isEmpty()) {
                throw error("no 'build' line before this point: format 3 names the builds it locks, e.g. "
                        + "'build default -'. Restore the file from version control or run `" + lockCommand
                        + "` to write a complete lockfile.");
            }
        }

        private static String dash(String v) {
            return v.equals("-") ? "" : v;
        }

        private LockfileFormatException error(String problem) {
            return new LockfileFormatException(file, line, problem);
        }
    }
}
