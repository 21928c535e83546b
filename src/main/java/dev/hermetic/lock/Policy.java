package dev.hermetic.lock;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What to do when a rule is broken: fail the build, warn, or say nothing. */
public enum Policy {
    FAIL,
    WARN,
    IGNORE;

    /**
     * Parses {@code fail}, {@code WARN}, {@code Ignore}, ... (case-insensitive, surrounding blanks ignored).
     *
     * @param value the text to parse
     * @param parameter the name of the setting the value came from, used in the error message
     * @throws IllegalArgumentException naming the setting, the value and the accepted values
     */
    public static Policy parse(String value, String parameter) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Policy p : values()) {
            if (p.name().equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Invalid value '" + value + "' for " + parameter + ": use one of "
                + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
