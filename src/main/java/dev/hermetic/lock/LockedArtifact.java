package dev.hermetic.lock;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One line of the lockfile: an artifact, its checksum, and how the build uses it.
 *
 * @param coordinates the artifact
 * @param digest lowercase hex checksum of its file (algorithm: the lockfile's)
 * @param roles why the build uses it, never empty
 * @param scopes dependency scopes it is used in (empty for plugins, POMs, ...)
 * @param modules modules ({@code groupId:artifactId}) that use it
 * @param plugins plugins and extensions ({@code groupId:artifactId}) that pulled it in: whose dependency it is, or
 *     which resolved it while they ran (empty for anything no plugin pulled in)
 * @param builds the names of the {@link BuildVariant}s that use it; empty here means every build of the lockfile it
 *     goes into ({@link Lockfile} fills them in)
 */
public record LockedArtifact(ArtifactCoordinates coordinates, String digest, SortedSet<ArtifactRole> roles,
        SortedSet<String> scopes, SortedSet<String> modules, SortedSet<String> plugins, SortedSet<String> builds)
        implements Comparable<LockedArtifact> {

    public LockedArtifact {
        LockfileFields.checkCoordinates(coordinates);
        if (!LockfileFields.isHex(digest)) {
            throw new IllegalArgumentException("Checksum of " + coordinates + " is not hexadecimal: '" + digest + "'");
        }
        digest = digest.toLowerCase(java.util.Locale.ROOT);
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Artifact " + coordinates + " has no role");
        }
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        scopes = copyTokens(scopes, "scope", coordinates);
        modules = copyTokens(modules, "module", coordinates);
        plugins = copyTokens(plugins, "plugin", coordinates);
        builds = copyTokens(builds, "build", coordinates);
    }

    /** An entry of every build of its lockfile. */
    public LockedArtifact(ArtifactCoordinates coordinates, String digest, SortedSet<ArtifactRole> roles,
            SortedSet<String> scopes, SortedSet<String> modules, SortedSet<String> plugins) {
        this(coordinates, digest, roles, scopes, modules, plugins, null);
    }

    /** An entry that no plugin pulled in. */
    public LockedArtifact(ArtifactCoordinates coordinates, String digest, SortedSet<ArtifactRole> roles,
            SortedSet<String> scopes, SortedSet<String> modules) {
        this(coordinates, digest, roles, scopes, modules, null);
    }

    /** This entry, used by these builds instead. */
    public LockedArtifact withBuilds(Collection<String> names) {
        return new LockedArtifact(coordinates, digest, roles, scopes, modules, plugins, new TreeSet<>(names));
    }

    /**
     * This entry with the uses of {@code other} (same coordinates) added: roles, scopes, modules, plugins and builds
     * are the union of both; the checksum is this entry's.
     */
    LockedArtifact union(LockedArtifact other) {
        return new LockedArtifact(coordinates, digest, union(roles, other.roles), union(scopes, other.scopes),
                union(modules, other.modules), union(plugins, other.plugins), union(builds, other.builds));
    }

    private static <T extends Comparable<T>> TreeSet<T> union(SortedSet<T> a, SortedSet<T> b) {
        TreeSet<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public int compareTo(LockedArtifact o) {
        return coordinates.compareTo(o.coordinates);
    }

    private static SortedSet<String> copyTokens(Collection<String> values, String what, ArtifactCoordinates c) {
        TreeSet<String> copy = new TreeSet<>();
        if (values != null) {
            for (String v : values) {
                if (!LockfileFields.isToken(v)) {
                    throw new IllegalArgumentException("Invalid " + what + " '" + v + "' for " + c
                            + ": it must be non-empty, without blanks, commas or '*'");
                }
                copy.add(v);
            }
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
