package dev.hermetic.lock;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whether the artifact lists an earlier verification or lock stored may stand for this build's collection. They may
 * come from a cache someone else wrote, so a list is used only when it cannot hide a file from verification: it names
 * every artifact the lockfile locks for the build plan, each at its own place in the local repository, and holds
 * everything the modules' models declare.
 */
public final class StoredListCheck {

    /**
     * What the modules' effective models declare themselves, which every honest collection of them holds whatever the
     * repository's POMs say: each dependency (with its scope, as resolved from the declared type), each plugin with a
     * version and the dependencies declared for it, each build extension, each parent POM and imported BOM; and, per
     * module, the versions its dependency management forces on transitive dependencies. Reactor modules are left out
     * (built from source, never collected).
     *
     * @param required what a collection must list, files left null
     * @param managedVersions {@code module + " " + }{@link #managementKey} to the version the module's dependency
     *     management gives it, for artifacts the module does not declare directly
     */
    public record Declarations(List<UsedArtifact> required, Map<String, String> managedVersions) {}

    private StoredListCheck() {}

    /**
     * Why the stored list may not stand for the build, or null if it may.
     *
     * @param localFile where the local repository keeps the file of given coordinates
     * @param declarations what the models declare, read only if the list covers the lockfile
     */
    public static String whyNotUsable(List<UsedArtifact> listed, Lockfile lockfile,
            Function<ArtifactCoordinates, Path> localFile, Supplier<Declarations> declarations) {
        if (!coversLockfile(listed, lockfile, localFile)) {
            return "it does not name every locked artifact at its place in the local repository";
        }
        String missing = missingDeclaration(listed, declarations.get());
        return missing == null ? null : "it lacks what the models declare: " + missing;
    }

    /**
     * Whether the list holds every artifact the lockfile holds for the build plan (all but those only resolved while
     * plugins ran), each with the file the local repository keeps for its coordinates. A list written by someone else
     * that leaves out a locked artifact, or points it to another copy, would otherwise let verify skip the file the
     * build really uses.
     */
    public static boolean coversLockfile(List<UsedArtifact> listed, Lockfile lockfile,
            Function<ArtifactCoordinates, Path> localFile) {
        Set<ArtifactCoordinates> named = new HashSet<>();
        for (UsedArtifact u : listed) {
            Path expected = localFile.apply(u.coordinates());
            if (expected == null || !normalized(expected).equals(normalized(u.file()))) {
                return false;
            }
            named.add(u.coordinates());
        }
        for (LockedArtifact a : lockfile.artifacts()) {
            boolean planned = a.roles().stream().anyMatch(r -> r != ArtifactRole.RUNTIME);
            if (planned && !named.contains(a.coordinates())) {
                return false;
            }
        }
        return true;
    }

    /**
     * What of the {@link Declarations} the list lacks: a required artifact in its role, module (and scope, for a
     * dependency), or a dependency at another version than the module's dependency management forces. A list that
     * leaves out a new dependency, plugin, parent or BOM, or keeps a transitive dependency at the version it had before
     * the management changed, is not used.
     *
     * @return null if it lacks nothing, else what is missing, for the log
     */
    public static String missingDeclaration(List<UsedArtifact> listed, Declarations declarations) {
        Set<String> usages = new HashSet<>();
        for (UsedArtifact u : listed) {
            usages.add(usage(u.coordinates(), u.role(),
                    u.role() == ArtifactRole.DEPENDENCY ? declaredScope(u.scope()) : "", u.module()));
            if (u.role() == ArtifactRole.DEPENDENCY) {
                String forced = declarations.managedVersions().get(u.module() + " " + managementKey(u.coordinates()));
                if (forced != null && !forced.equals(u.coordinates().version())) {
                    return u.coordinates() + " in module " + u.module() + ", managed to version " + forced;
                }
            }
        }
        for (UsedArtifact r : declarations.required()) {
            String usage = usage(r.coordinates(), r.role(), r.scope(), r.module());
            if (!usages.contains(usage)) {
                return usage;
            }
        }
        return null;
    }

    /** What dependency management is keyed by: {@code groupId:artifactId:extension:classifier}. */
    public static String managementKey(ArtifactCoordinates c) {
        return c.groupId() + ":" + c.artifactId() + ":" + c.extension() + ":" + c.classifier();
    }

    /** Maven's default scope, which an unscoped declaration gets. */
    public static String declaredScope(String scope) {
        return scope == null || scope.isEmpty() ? "compile" : scope;
    }

    private static String usage(ArtifactCoordinates c, ArtifactRole role, String scope, String module) {
        return c + " " + role + " " + scope + " " + module;
    }

    private static Path normalized(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
