package dev.hermetic.lock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What plugins resolve while the build runs, as extension mode records it, and what lock and verify make of it.
 *
 * <p>The record is two maps of JDK types, because the realms that write and read it share no other: {@code record}
 * from a {@link #key} to the file's absolute path, and {@code resolvedBy} from a key to the comma-separated,
 * sorted {@code groupId:artifactId} of the plugins whose mojos were running on the resolving thread.
 */
public final class RuntimeResolutions {

    private RuntimeResolutions() {}

    /** {@code groupId:artifactId:extension:classifier:version}, the classifier possibly empty. */
    public static String key(String groupId, String artifactId, String extension, String classifier,
            String version) {
        return groupId + ":" + artifactId + ":" + extension + ":" + classifier + ":" + version;
    }

    /** The coordinates of a {@link #key}. */
    static ArtifactCoordinates coordinates(String key) {
        String[] p = key.split(":", -1);
        return new ArtifactCoordinates(p[0], p[1], p[4], p[2], p[3]);
    }

    /** The record's artifacts and files, sorted. */
    public static Map<ArtifactCoordinates, Path> decode(Map<String, String> record) {
        Map<ArtifactCoordinates, Path> out = new TreeMap<>();
        record.forEach((k, v) -> out.put(coordinates(k), Path.of(v)));
        return out;
    }

    /** A {@code resolvedBy} value with the plugins of both: comma-separated, sorted, each once. */
    public static String union(String plugins, String morePlugins) {
        TreeSet<String> all = new TreeSet<>(Arrays.asList(plugins.split(",")));
        all.addAll(Arrays.asList(morePlugins.split(",")));
        return String.join(",", all);
    }

    /**
     * The recorded artifacts as run-time uses of {@code module}: one per artifact and plugin that resolved it (plugin
     * empty when no mojo was running on the resolving thread), each only if {@code claim} accepts its claim key
     * ({@code <coordinates key> <plugin>}).
     */
    public static List<UsedArtifact> uses(Map<String, String> record, Map<String, String> resolvedBy, String module,
            Predicate<String> claim) {
        List<UsedArtifact> uses = new ArrayList<>();
        for (Map.Entry<String, String> e : record.entrySet()) {
            String plugins = resolvedBy == null ? null : resolvedBy.get(e.getKey());
            for (String plugin : plugins == null ? List.of("") : Arrays.asList(plugins.split(","))) {
                if (claim.test(e.getKey() + " " + plugin)) {
                    uses.add(new UsedArtifact(coordinates(e.getKey()), Path.of(e.getValue()), ArtifactRole.RUNTIME, "",
                            module, plugin));
                }
            }
        }
        return uses;
    }

    /**
     * What locking adds for the run-time uses: only what the build plan does not already explain. An artifact that
     * was collected with the plan keeps its role there (a plugin jar stays "plugin"); reactor modules are built from
     * source, never locked.
     *
     * @param planned the coordinates the build plan's collection holds
     * @param inReactor whether coordinates are a module of this build
     */
    public static List<UsedArtifact> beyondPlan(List<UsedArtifact> uses, Set<ArtifactCoordinates> planned,
            Predicate<ArtifactCoordinates> inReactor) {
        List<UsedArtifact> beyond = new ArrayList<>();
        for (UsedArtifact u : uses) {
            if (!inReactor.test(u.coordinates()) && !planned.contains(u.coordinates())) {
                beyond.add(u);
            }
        }
        return beyond;
    }

    /**
     * The entries an earlier lock captured at run time that a lock which ran no plugin keeps: it could not capture
     * them again, and dropping them would fail the next build. Kept: every entry with the role "runtime" that the new
     * lockfile does not hold and that is not a module of this build.
     *
     * @param earlier the lockfile on disk before this lock
     * @param now the lockfile this lock made
     * @param inReactor whether coordinates are a module of this build
     */
    public static List<LockedArtifact> capturedEarlier(Lockfile earlier, Lockfile now,
            Predicate<ArtifactCoordinates> inReactor) {
        Map<ArtifactCoordinates, LockedArtifact> locked = now.index();
        List<LockedArtifact> kept = new ArrayList<>();
        for (LockedArtifact a : earlier.artifacts()) {
            if (a.roles().contains(ArtifactRole.RUNTIME) && !locked.containsKey(a.coordinates())
                    && !inReactor.test(a.coordinates())) {
                kept.add(a);
            }
        }
        return kept;
    }
}
