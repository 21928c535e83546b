package dev.hermetic.lock;

import java.util.regex.Pattern;

/**
 * An exclusion pattern matched against coordinates as the lockfile writes them:
 * {@code groupId:artifactId:extension:version}, or with five parts
 * {@code groupId:artifactId:extension:classifier:version}. Missing trailing parts match anything, and with fewer than
 * five parts any classifier matches. {@code *} in a part matches any run of characters; an empty part matches only
 * an empty value (so {@code g:a:jar::1.0} is the unclassified jar only). Examples: {@code org.example:tool},
 * {@code org.example:*}, {@code org.example.*}, {@code *:junit-jupiter-api:*:*}.
 */
public final class ArtifactPattern {

    private final String text;
    private final Pattern[] parts;

    private ArtifactPattern(String text, Pattern[] parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * @throws IllegalArgumentException naming the pattern and the accepted shapes
     */
    public static ArtifactPattern parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] p = t.split(":", -1);
        if (t.isEmpty() || p.length > 5 || p[0].isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Invalid artifact pattern '" + text + "': expected "
                    + "groupId[:artifactId[:extension[:version]]] or groupId:artifactId:extension:classifier:version, "
                    + "with '*' as a wildcard (e.g. 'org.example:*' or '*:junit-jupiter-api')");
        }
        Pattern[] parts = new Pattern[p.length];
        for (int i = 0; i < p.length; i++) {
            parts[i] = glob(p[i]);
        }
        return new ArtifactPattern(t, parts);
    }

    /** @return whether these coordinates match */
    public boolean matches(ArtifactCoordinates c) {
        String[] values = parts.length == 5
                ? new String[] {c.groupId(), c.artifactId(), c.extension(), c.classifier(), c.version()}
                : new String[] {c.groupId(), c.artifactId(), c.extension(), c.version()};
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matcher(values[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The pattern as given (without surrounding blanks). */
    @Override
    public String toString() {
        return text;
    }

    private static Pattern glob(String part) {
        String[] literals = part.split("\\*", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
        for (int i = 1; i < literals.length; i++) {
            regex.append(".*").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
