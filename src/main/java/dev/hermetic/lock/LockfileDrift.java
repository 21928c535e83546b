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
 * @param added lines that locking would add
 * @param removed lines that locking would remove
 */
public record LockfileDrift(Path file, int artifacts, boolean missing, List<String> added, List<String> removed) {

    /** How many added and how many removed lines the message shows; the rest are counted and in the diff. */
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
                now.stream().filter(l -> !wasSet.contains(l)).toList(),
                was.stream().filter(l -> !nowSet.contains(l)).toList()));
    }

    /**
     * What differs and what to do, for the build's failure.
     *
     * @param proposed where the caller wrote the lockfile locking would write, named with a {@code diff} command
     *     that shows every change
     * @param lockCommand the command that locks the build checked ({@link BuildVariant#lockCommand})
     */
    public String message(Path proposed, String lockCommand) {
        if (missing) {
            return "hermetic.lock.check: there is no lockfile at " + file + ". Run `" + lockCommand + "` and "
                    + "commit " + file.getFileName() + ".";
        }
        return "hermetic.lock.check: " + file + " is out of date (" + artifacts + " artifacts now)."
                + lines(added, "+", "added") + lines(removed, "-", "removed") + "\nThe lockfile locking would write is "
                + proposed + ": see the whole change with `diff -u " + file + " " + proposed + "`. Review the change, "
                + "run `" + lockCommand + "` and commit the lockfile.";
    }

    /** The first {@link #SHOWN} lines and how many more, or nothing when there are none. */
    private static String lines(List<String> lines, String mark, String what) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\n").append(lines.size()).append(lines.size() == 1 ? " line" : " lines")
                .append(" would be ").append(what).append(':');
        lines.stream().limit(SHOWN).forEach(l -> s.append("\n  ").append(mark).append(' ').append(l));
        if (lines.size() > SHOWN) {
            s.append("\n  ... and ").append(lines.size() - SHOWN).append(" more ").append(what);
        }
        return s.toString();
    }
}
