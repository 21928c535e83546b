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
 */
public record LockedArtifact(ArtifactCoordinates coordinates, String digest, SortedSet<ArtifactRole> roles,
        SortedSet<String> scopes, SortedSet<String> modules, SortedSet<String> plugins)
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
    }

    /** An entry that no plugin pulled in. */
    public LockedArtifact(ArtifactCoordinates coordinates, String digest, SortedSet<ArtifactRole> roles,
            SortedSet<String> scopes, SortedSet<String> modules) {
        this(coordinates, digest, roles, scopes, modules, null);
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
