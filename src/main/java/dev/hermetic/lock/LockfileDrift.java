package dev.hermetic.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the lockfile on disk differs from the one locking now would write ({@code hermetic.lock.check}, for CI).
 *
 * @param file the lockfile on disk
 * @param artifacts how many artifacts the lockfile would hold now
 * @param missing whether there is no lockfile at all
 * @param added lines that locking would add (the first {@value #SHOWN})
 * @param removed lines that locking would remove (the first {@value #SHOWN})
 */
public record LockfileDrift(Path file, int artifacts, boolean missing, List<String> added, List<String> removed) {

    /** How many added and how many removed lines a drift shows, enough to see what changed. */
    public static final int SHOWN = 20;

    public LockfileDrift {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /**
     * Compares {@code file} with what {@link LockfileWriter} would write for {@code lock}.
     *
     * @return empty when the file holds exactly those bytes
     * @throws IOException if the file exists but cannot be read
     */
    public static Optional<LockfileDrift> between(Path file, Lockfile lock) throws IOException {
        String text = LockfileWriter.render(lock);
        String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (text.equals(existing)) {
            return Optional.empty();
        }
        int artifacts = lock.artifacts().size();
        if (existing == null) {
            return Optional.of(new LockfileDrift(file, artifacts, true, List.of(), List.of()));
        }
        List<String> was = existing.lines().toList();
        List<String> now = text.lines().toList();
        Set<String> wasSet = new HashSet<>(was);
        Set<String> nowSet = new HashSet<>(now);
        return Optional.of(new LockfileDrift(file, artifacts, false,
                now.stream().filter(l -> !wasSet.contains(l)).limit(SHOWN).toList(),
                was.stream().filter(l -> !nowSet.contains(l)).limit(SHOWN).toList()));
    }

    /** What differs and what to do, for the build's failure. */
    public String message() {
        if (missing) {
            return "hermetic.lock.check: there is no lockfile at " + file + ". Run `mvn verify hermetic:lock` and "
                    + "commit " + file.getFileName() + ".";
        }
        return "hermetic.lock.check: " + file + " is out of date (" + artifacts + " artifacts now). Lines that would "
                + "be added:\n  + " + String.join("\n  + ", added) + "\nLines that would be removed:\n  - "
                + String.join("\n  - ", removed) + "\nReview the change, run `mvn verify hermetic:lock` and commit the "
                + "lockfile.";
    }
}
