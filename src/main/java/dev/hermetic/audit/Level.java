package dev.hermetic.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The maturity ladder a build is graded on. A build reaches a level when every check of that level and of the levels
 * below it passes; {@link #BASIC} needs nothing. Which checks each level needs: {@link Check#level()}.
 */
public enum Level {
    /** Builds with Maven; nothing is pinned yet. */
    BASIC("Basic", "builds with Maven"),
    /** What goes in is named exactly: plugin and dependency versions, the JDK, https repositories. */
    BRONZE("Bronze", "inputs pinned"),
    /** The same sources give the same bytes: output timestamp, no known bad plugin, normalized archives, Maven pinned. */
    SILVER("Silver", "reproducible outputs"),
    /** Every input's bytes locked and checked, every output signed with its digests. */
    GOLD("Gold", "locked and signed"),
    /** Proven to others: resolver-checked downloads, provenance, SBOM, a rebuild compared. */
    PLATINUM("Platinum", "proven");

    private final String title;
    private final String meaning;

    Level(String title, String meaning) {
        this.title = title;
        this.meaning = meaning;
    }

    /** "Gold". */
    public String title() {
        return title;
    }

    /** What reaching the level means, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** The level above, or null for the top. */
    public Level next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    /**
     * A level by name, in any case ({@code gold}, {@code GOLD}).
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static Level parse(String name, String what) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (Level level : values()) {
            if (level.name().equals(n)) {
                return level;
            }
        }
        throw new IllegalArgumentException(what + " '" + name + "' is not a level: use one of "
                + Arrays.stream(values()).map(Level::name).collect(Collectors.joining(", ")));
    }
}
