package dev.hermetic.lock;

import java.util.regex.Pattern;

/**
 * What a version string in a POM pins down. The build-tool adapter asks this class, so the rules are tested without
 * Maven.
 *
 * @param text the version as written (null becomes empty)
 * @param kind its classification
 */
public record VersionSpec(String text, Kind kind) {

    /** Kinds of version strings. Only {@link #EXACT} pins one artifact. */
    public enum Kind {
        /** A plain version such as {@code 3.17.0} (Maven treats it as a soft requirement, but resolves exactly it). */
        EXACT,
        /** {@code 1.0-SNAPSHOT} or a timestamped snapshot {@code 1.0-20240101.123456-1}: its contents change. */
        SNAPSHOT,
        /** A range such as {@code [1.0,2.0)} or {@code [1.0]}: the resolved version may change. */
        RANGE,
        /** The meta-version {@code LATEST}. */
        LATEST,
        /** The meta-version {@code RELEASE}. */
        RELEASE,
        /** An expression such as {@code ${foo.version}} that was not interpolated. */
        EXPRESSION,
        /** No version at all (e.g. a plugin without {@code <version>}). */
        MISSING
    }

    private static final Pattern TIMESTAMPED_SNAPSHOT = Pattern.compile(".+-\\d{8}\\.\\d{6}-\\d+");

    public VersionSpec {
        text = text == null ? "" : text;
    }

    /** Classifies {@code version} (null or blank is {@link Kind#MISSING}). */
    public static VersionSpec of(String version) {
        return new VersionSpec(version, classify(version));
    }

    /** @return true only for {@link Kind#EXACT}: the same artifact every time */
    public boolean isPinned() {
        return kind == Kind.EXACT;
    }

    /** One sentence for error messages, e.g. {@code "[1.0,2.0)" is a version range}. */
    public String describe() {
        return switch (kind) {
            case EXACT -> "'" + text + "' is an exact version";
            case SNAPSHOT -> "'" + text + "' is a SNAPSHOT version, whose contents change over time";
            case RANGE -> "'" + text + "' is a version range, which may resolve to a different version tomorrow";
            case LATEST -> "'LATEST' resolves to whatever was deployed last";
            case RELEASE -> "'RELEASE' resolves to whatever was released last";
            case EXPRESSION -> "'" + text + "' is an expression that was not interpolated";
            case MISSING -> "no version is given, so Maven picks one";
        };
    }

    private static Kind classify(String version) {
        if (version == null || version.isBlank()) {
            return Kind.MISSING;
        }
        String v = version.trim();
        // Maven treats the meta-versions case-sensitively; "latest" would be an ordinary (odd) version.
        if (v.equals("LATEST")) {
            return Kind.LATEST;
        }
        if (v.equals("RELEASE")) {
            return Kind.RELEASE;
        }
        if (v.contains("${")) {
            return Kind.EXPRESSION;
        }
        char first = v.charAt(0);
        char last = v.charAt(v.length() - 1);
        if (first == '[' || first == '(' || last == ']' || last == ')') {
            return Kind.RANGE;
        }
        if (v.endsWith("-SNAPSHOT") || v.equals("SNAPSHOT") || TIMESTAMPED_SNAPSHOT.matcher(v).matches()) {
            return Kind.SNAPSHOT;
        }
        return Kind.EXACT;
    }
}
