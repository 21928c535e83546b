package dev.hermetic.maven;

import dev.hermetic.lock.UnpinnedVersion;
import dev.hermetic.lock.VersionSpec;
import java.util.Optional;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginContainer;
import org.apache.maven.model.Profile;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyNode;

/**
 * The version policy of a collection: which versions in a module do not pin one artifact (a range, a SNAPSHOT,
 * LATEST/RELEASE, a plugin whose version no POM writes). Verify's policies decide what each finding costs.
 */
final class UnpinnedVersions {

    private UnpinnedVersions() {}

    /** The dependency's version as requested, else as resolved, if either does not pin one artifact. */
    static Optional<UnpinnedVersion> ofDependency(String module, DependencyNode node) {
        Artifact a = node.getArtifact();
        String what = "Dependency " + a.getGroupId() + ":" + a.getArtifactId();
        VersionSpec requested = VersionSpec.of(node.getVersionConstraint() == null
                ? a.getBaseVersion() : node.getVersionConstraint().toString());
        VersionSpec resolved = VersionSpec.of(a.getBaseVersion());
        if (!requested.isPinned()) {
            return Optional.of(new UnpinnedVersion(module, what, requested, false));
        }
        if (!resolved.isPinned()) {
            return Optional.of(new UnpinnedVersion(module, what, resolved, false));
        }
        return Optional.empty();
    }

    /** A plugin of the build plan whose version no POM writes, or whose version does not pin one release. */
    static Optional<UnpinnedVersion> ofPlugin(MavenProject project, String module,
            Plugin plugin) {
        String key = plugin.getGroupId() + ":" + plugin.getArtifactId();
        VersionSpec spec = VersionSpec.of(plugin.getVersion());
        if (!hasExplicitVersion(project, plugin)) {
            return Optional.of(new UnpinnedVersion(module, key, spec, true));
        }
        if (!spec.isPinned() && !isThisPlugin(plugin)) {
            return Optional.of(new UnpinnedVersion(module, "Plugin " + key, spec, false));
        }
        return Optional.empty();
    }

    /**
     * This plugin may be a SNAPSHOT while it is developed and tested; every other plugin may not. Its own jar is
     * still locked and verified like any other.
     */
    static boolean isThisPlugin(Plugin plugin) {
        return HermeticLifecycleParticipant.GROUP_ID.equals(plugin.getGroupId())
                && HermeticLifecycleParticipant.ARTIFACT_ID.equals(plugin.getArtifactId());
    }

    /**
     * Whether the POM (the module's or one of its parents', in plugins, plugin management or a profile) writes the
     * plugin's version, or {@code .mvn/extensions.xml} does: this plugin as extension mode added it there. If not, the
     * version came from Maven's super POM or default lifecycle bindings.
     */
    static boolean hasExplicitVersion(MavenProject project, Plugin plugin) {
        if (isThisPlugin(plugin) && plugin.getVersion() != null
                && plugin.getVersion().equals(project.getContextValue(HermeticLifecycleParticipant.ADDED_VERSION_KEY))) {
            return true;
        }
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Model model = p.getOriginalModel();
            if (model == null) {
                continue;
            }
            if (declaresVersion(model.getBuild(), plugin)) {
                return true;
            }
            for (Profile profile : model.getProfiles()) {
                if (declaresVersion(profile.getBuild(), plugin)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declaresVersion(BuildBase build, Plugin plugin) {
        if (build == null) {
            return false;
        }
        if (declaresVersion((PluginContainer) build, plugin)) {
            return true;
        }
        return build.getPluginManagement() != null && declaresVersion(build.getPluginManagement(), plugin);
    }

    private static boolean declaresVersion(PluginContainer container, Plugin plugin) {
        for (Plugin p : container.getPlugins()) {
            if (p.getKey().equals(plugin.getKey()) && p.getVersion() != null && !p.getVersion().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
