package dev.hermetic.lock;

import java.util.Locale;

/** What may appear in one field of the lockfile, and how roles are spelled there. */
final class LockTokens {

    private LockTokens() {}

    /** A field value: non-empty, no blanks, no list separator, not the "all modules" or "none" markers. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty() || s.equals("-")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == ',' || c == '*') {
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
        for (ArtifactRole role : ArtifactRole.values()) {
            if (roleToken(role).equals(token)) {
                return role;
            }
        }
        return null;
    }
}
