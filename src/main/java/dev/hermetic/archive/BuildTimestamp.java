package dev.hermetic.archive;

import java.util.Map;

/**
 * The instant a normalized archive carries, and where it came from, so the log can say which source won.
 *
 * @param epochSeconds seconds since 1970-01-01T00:00:00Z
 * @param source human-readable origin, e.g. {@code "SOURCE_DATE_EPOCH"} or {@code "project.build.outputTimestamp"}
 */
public record BuildTimestamp(long epochSeconds, String source) {

    /** Used when neither SOURCE_DATE_EPOCH nor an output timestamp is set: 1980-02-01T00:00:00Z. */
    public static final long DEFAULT_EPOCH_SECONDS = 318211200L;

    /**
     * Chooses the timestamp: {@code SOURCE_DATE_EPOCH} from {@code environment} (integer seconds), else
     * {@code outputTimestamp} (ISO-8601 or integer seconds, as Maven accepts it; a value of one character
     * or less counts as unset, as in maven-archiver), else {@link #DEFAULT_EPOCH_SECONDS}.
     *
     * @throws IllegalArgumentException naming the source and the value when it cannot be parsed or lies
     *     outside the range a zip DOS time can hold (1980-01-01T00:00:02Z to 2107-12-31T23:59:58Z)
     */
    public static BuildTimestamp resolve(Map<String, String> environment, String outputTimestamp) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
