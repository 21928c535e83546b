package dev.hermetic.lock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One of a project's builds that share a lockfile: the everyday build, a release with its profile, a CI variant.
 * Each artifact line of the lockfile names the builds that use it, and a build is verified against its own entries.
 *
 * <p>A build is known by its name: the one given with {@code -Dhermetic.build=NAME}, else the profiles asked for on
 * the command line (or in {@code .mvn/maven.config}), sorted and joined with {@code +} ({@code !id} for a profile
 * turned off), {@value #DEFAULT_NAME} when none. Profiles activated another way (a property, the JDK, the OS, a
 * file, {@code activeByDefault}) are part of whatever build they are active in.
 *
 * @param name the build's name, a lockfile token (no blanks, commas or {@code *})
 * @param profiles the profiles asked for, as given to {@code -P} ({@code !id} for one turned off), sorted; empty for
 *     none
 */
public record BuildVariant(String name, List<String> profiles) {

    /** The name of the build that asks for no profile. */
    public static final String DEFAULT_NAME = "default";

    /** The build without profiles: what a format 2 lockfile (written before builds) locked. */
    public static final BuildVariant DEFAULT = new BuildVariant(DEFAULT_NAME, List.of());

    /** The user property that names a build. */
    public static final String NAME_PROPERTY = "hermetic.build";

    public BuildVariant {
        if (!LockfileFields.isToken(name)) {
            throw new IllegalArgumentException("Invalid build name '" + name + "': it must be non-empty, without "
                    + "blanks, commas or '*' (set it with -D" + NAME_PROPERTY + "=NAME)");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String p : profiles == null ? List.<String>of() : profiles) {
            if (!LockfileFields.isToken(p)) {
                throw new IllegalArgumentException("Invalid profile id '" + p + "' of build " + name
                        + ": it must be non-empty, without blanks, commas or '*'");
            }
            sorted.add(p);
        }
        profiles = List.copyOf(sorted);
    }

    /**
     * The build a command line asks for.
     *
     * @param explicitName the value of {@value #NAME_PROPERTY}, or null/blank to derive the name from the profiles
     * @param active the profiles asked for
     * @param inactive the profiles turned off ({@code -P !id})
     * @throws IllegalArgumentException for a name or profile id that a lockfile cannot hold, naming it
     */
    public static BuildVariant of(String explicitName, Collection<String> active, Collection<String> inactive) {
        List<String> profiles = new ArrayList<>(active);
        inactive.forEach(id -> profiles.add("!" + id));
        List<String> sorted = List.copyOf(new TreeSet<>(profiles));
        return new BuildVariant(explicitName == null || explicitName.isBlank() ? derivedName(sorted)
                : explicitName.strip(), sorted);
    }

    /** The name of a build with these profiles and no {@value #NAME_PROPERTY}. */
    static String derivedName(List<String> profiles) {
        return profiles.isEmpty() ? DEFAULT_NAME : String.join("+", new TreeSet<>(profiles));
    }

    /** The profiles as the lockfile's {@code build} line writes them: as given to {@code -P}, or {@code -}. */
    public String profilesField() {
        return profiles.isEmpty() ? "-" : String.join(",", profiles);
    }

    /**
     * The command that locks this build, keeping the lockfile's other builds: {@code mvn verify hermetic:lock}, with
     * its {@code -P} profiles and its name when the profiles do not give it.
     */
    public String lockCommand() {
        StringBuilder command = new StringBuilder(Lockfile.LOCK_COMMAND);
        if (!profiles.isEmpty()) {
            String option = "-P" + String.join(",", profiles);
            // A shell expands '!' in an unquoted word.
            command.append(' ').append(option.contains("!") ? "'" + option + "'" : option);
        }
        if (!name.equals(derivedName(profiles))) {
            command.append(" -D").append(NAME_PROPERTY).append('=').append(name);
        }
        return command.toString();
    }

    /** E.g. {@code 'release' (-Prelease)} or {@code 'default' (no profiles)}, for messages. */
    public String describe() {
        return "'" + name + "' (" + (profiles.isEmpty() ? "no profiles" : "-P" + String.join(",", profiles)) + ")";
    }
}
