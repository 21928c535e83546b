package dev.hermetic.archive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

    /** Earliest instant a DOS time field holds exactly: 1980-01-01T00:00:02Z. */
    public static final long MIN_EPOCH_SECONDS = 315532802L;

    /** Latest instant a DOS time field holds exactly: 2107-12-31T23:59:58Z. */
    public static final long MAX_EPOCH_SECONDS = 4354819198L;

    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";
    public static final String OUTPUT_TIMESTAMP = "project.build.outputTimestamp";
    public static final String DEFAULT = "default (1980-02-01T00:00:00Z)";

    /**
     * Chooses the timestamp: {@code SOURCE_DATE_EPOCH} from {@code environment} (integer seconds), else
     * {@code outputTimestamp} (ISO-8601 or integer seconds, as Maven accepts it; a value of one character
     * or less counts as unset, as in maven-archiver), else {@link #DEFAULT_EPOCH_SECONDS}.
     *
     * @throws IllegalArgumentException naming the source and the value when it cannot be parsed or lies
     *     outside the range a zip DOS time can hold (1980-01-01T00:00:02Z to 2107-12-31T23:59:58Z)
     */
    public static BuildTimestamp resolve(Map<String, String> environment, String outputTimestamp) {
        String sourceDateEpoch = environment == null ? null : environment.get(SOURCE_DATE_EPOCH);
        if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
            long seconds;
            try {
                seconds = Long.parseLong(sourceDateEpoch.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SOURCE_DATE_EPOCH + "='" + sourceDateEpoch
                        + "' is not an integer number of seconds since 1970-01-01T00:00:00Z;"
                        + " set it to e.g. $(git log -1 --format=%ct), or unset it");
            }
            return checked(seconds, SOURCE_DATE_EPOCH, sourceDateEpoch);
        }
        if (outputTimestamp != null && outputTimestamp.length() > 1) {
            return checked(parseSeconds(outputTimestamp, OUTPUT_TIMESTAMP), OUTPUT_TIMESTAMP, outputTimestamp);
        }
        return new BuildTimestamp(DEFAULT_EPOCH_SECONDS, DEFAULT);
    }

    /** Parses an explicit value (e.g. a command-line option) given as integer seconds or ISO-8601. */
    public static BuildTimestamp parse(String value, String source) {
        return checked(parseSeconds(value, source), source, value);
    }

    private static long parseSeconds(String value, String source) {
        String v = value.trim();
        if (isDigits(v)) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + "='" + value + "' is too large a number of seconds");
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant().getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + "='" + value + "' is neither integer seconds since 1970 nor an ISO-8601"
                    + " date-time with offset such as 2026-11-25T00:00:00Z or 2026-11-25T01:00:00+01:00");
        }
    }

    /** A loop, not a stream: in a cold JVM (every Maven build) a stream's lambda costs a spun class. */
    private static boolean isDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !v.isEmpty();
    }

    private static BuildTimestamp checked(long seconds, String source, String value) {
        if (seconds < MIN_EPOCH_SECONDS || seconds > MAX_EPOCH_SECONDS) {
            throw new IllegalArgumentException(source + "='" + value + "' (" + Instant.ofEpochSecond(seconds)
                    + ") is outside the range zip entries can carry, 1980-01-01T00:00:02Z to 2107-12-31T23:59:58Z");
        }
        return new BuildTimestamp(seconds, source);
    }
}
