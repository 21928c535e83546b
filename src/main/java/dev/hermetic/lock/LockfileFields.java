package dev.hermetic.lock;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** What may appear in one field of the lockfile, and how roles are spelled there. */
final class LockfileFields {

    /** Role by its token; a lockfile names a role on every line. */
    private static final Map<String, ArtifactRole> ROLES_BY_TOKEN = new HashMap<>();

    static {
        for (ArtifactRole role : ArtifactRole.values()) {
            ROLES_BY_TOKEN.put(roleToken(role), role);
        }
    }

    private LockfileFields() {}

    /**
     * Whether {@code s} is non-empty hexadecimal. A plain loop: it runs on every line of a lockfile before the JIT
     * has compiled anything, where a stream per line costs more than the rest of the parsing.
     */
    static boolean isHex(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!HexFormat.isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A field value: non-empty, no blanks, no list separator, not the "all modules" or "none" markers. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty() || s.equals("-")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7f) {
                // Printable ASCII, nearly every character of a lockfile: no need to ask Character.
                if (c == ',' || c == '*') {
                    return false;
                }
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** A coordinate part: a token that is also safe as a path segment of a local repository. */
    static boolean isCoordinatePart(String s) {
        return isToken(s) && s.indexOf(':') < 0 && s.indexOf('/') < 0 && s.indexOf('\\') < 0 && !s.equals(".")
                && !s.equals("..");
    }

    /** @throws IllegalArgumentException naming the coordinates and the bad part */
    static void checkCoordinates(ArtifactCoordinates c) {
        if (c == null) {
            throw new IllegalArgumentException("Artifact coordinates are missing");
        }
        check(c, "groupId", c.groupId());
        check(c, "artifactId", c.artifactId());
        check(c, "extension", c.extension());
        check(c, "version", c.version());
        if (!c.classifier().isEmpty()) {
            check(c, "classifier", c.classifier());
        }
    }

    private static void check(ArtifactCoordinates c, String part, String value) {
        if (!isCoordinatePart(value)) {
            throw new IllegalArgumentException("Invalid " + part + " '" + value + "' in artifact " + c
                    + ": it must be non-empty and contain no blanks, ':', ',', '*', '/' or '\\'");
        }
    }

    /** {@code PLUGIN_DEPENDENCY} is written {@code plugin-dependency}. */
    static String roleToken(ArtifactRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the role, or null if the token names none */
    static ArtifactRole parseRole(String token) {
        return ROLES_BY_TOKEN.get(token);
    }
}
