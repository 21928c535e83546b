package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.UsedArtifact;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.PluginResolutionException;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Plugin collection, for one {@link BuildArtifactCollector.CollectionRun}: the plugins of each module's build plan
 * (default lifecycle bindings and super-POM versions included) and its build extensions, each with its jar, its
 * dependencies and the POMs read while resolving them.
 */
final class PluginCollector {

    /** Phases of Maven's site lifecycle, which {@code mvn verify} or {@code deploy} never run. */
    private static final Set<String> SITE_PHASES = Set.of("pre-site", "site", "post-site", "site-deploy");

    private final PluginDependenciesResolver resolver;
    private final BuildArtifactCollector.CollectionRun run;
    /** What a plugin with its added dependencies resolved to: the same in every module, so resolved once. */
    private final Map<String, List<UsedArtifact>> resolved = new HashMap<>();

    PluginCollector(PluginDependenciesResolver resolver, BuildArtifactCollector.CollectionRun run) {
        this.resolver = resolver;
        this.run = run;
    }

    /** Adds the module's plugins and build extensions, and the findings of the version policy on its plugins. */
    void collect(MavenProject project, String module) throws BuildCollectionException {
        List<RemoteRepository> repositories = project.getRemotePluginRepositories();
        DependencyFilter filter = project.getExtensionDependencyFilter();
        for (Plugin plugin : project.getBuildPlugins()) {
            if (onlySiteLifecycle(project, plugin)) {
                continue;
            }
            UnpinnedVersions.ofPlugin(project, module, plugin).ifPresent(run.findings()::add);
            if (plugin.getVersion() == null || plugin.getVersion().isBlank()) {
                continue; // Maven resolves it later from repository metadata: nothing fixed to lock.
            }
            add(plugin, ArtifactRole.PLUGIN, module, repositories, filter);
        }
        for (Extension extension : project.getBuildExtensions()) {
            Plugin plugin = new Plugin();
            plugin.setGroupId(extension.getGroupId());
            plugin.setArtifactId(extension.getArtifactId());
            plugin.setVersion(extension.getVersion());
            add(plugin, ArtifactRole.EXTENSION, module, repositories, filter);
        }
    }

    private void add(Plugin plugin, ArtifactRole role, String module, List<RemoteRepository> repositories,
            DependencyFilter filter) throws BuildCollectionException {
        String key = role + " " + plugin.getId() + " " + plugin.getDependencies().stream()
                .map(d -> d.getManagementKey() + ":" + d.getVersion() + ":" + d.getScope() + d.getExclusions().stream()
                        .map(x -> x.getGroupId() + ":" + x.getArtifactId()).collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(";"));
        List<UsedArtifact> found = resolved.get(key);
        if (found == null) {
            found = resolve(plugin, role, module, repositories, filter);
            resolved.put(key, found);
        }
        for (UsedArtifact u : found) {
            run.used().add(new UsedArtifact(u.coordinates(), u.file(), u.role(), u.scope(), module, u.plugin()));
        }
    }

    private List<UsedArtifact> resolve(Plugin plugin, ArtifactRole role, String module,
            List<RemoteRepository> repositories, DependencyFilter filter) throws BuildCollectionException {
        List<UsedArtifact> found = new ArrayList<>();
        run.freshCache();
        run.recorder().drain();
        try {
            Artifact pluginArtifact = resolver.resolve(plugin, repositories, run.repoSession());
            DependencyNode root = resolver.resolve(plugin, pluginArtifact, filter, repositories, run.repoSession());
            found.add(new UsedArtifact(BuildArtifactCollector.coordinates(pluginArtifact),
                    pluginArtifact.getFile().toPath(), role, "", module));
            ArtifactRole dependencyRole = role == ArtifactRole.PLUGIN ? ArtifactRole.PLUGIN_DEPENDENCY : role;
            // Its dependencies name the plugin (or extension) that pulls them in; its own jar does not.
            addDependencies(root, dependencyRole, module, plugin.getKey(), found);
        } catch (PluginResolutionException e) {
            throw new BuildCollectionException("Cannot resolve " + (role == ArtifactRole.PLUGIN ? "plugin " :
                    "build extension ") + plugin.getId() + " of module " + module + ": " + e.getMessage(), e);
        }
        for (Map.Entry<ArtifactCoordinates, Path> e : run.recorder().drain().entrySet()) {
            if (!run.inReactor(e.getKey()) && "pom".equals(e.getKey().extension())) {
                found.add(new UsedArtifact(e.getKey(), e.getValue(), ArtifactRole.POM, "", module));
            }
        }
        return found;
    }

    private void addDependencies(DependencyNode node, ArtifactRole role, String module, String plugin,
            List<UsedArtifact> found) {
        for (DependencyNode child : node.getChildren()) {
            Artifact a = child.getArtifact();
            if (a != null && a.getFile() != null && !run.inReactor(BuildArtifactCollector.coordinates(a))) {
                found.add(new UsedArtifact(BuildArtifactCollector.coordinates(a), a.getFile().toPath(), role, "",
                        module, plugin));
            }
            addDependencies(child, role, module, plugin, found);
        }
    }

    /**
     * A plugin Maven added to the model only for the site lifecycle (maven-site-plugin for {@code site} and
     * {@code site-deploy}) is not part of the build up to {@code deploy}: it is skipped unless a POM declares it in
     * its build plugins. Locking it would need hundreds of artifacts that an offline build never downloaded.
     */
    static boolean onlySiteLifecycle(MavenProject project, Plugin plugin) {
        if (plugin.getExecutions().isEmpty() || !plugin.getExecutions().stream()
                .allMatch(e -> e.getPhase() != null && SITE_PHASES.contains(e.getPhase()))) {
            return false;
        }
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Model model = p.getOriginalModel();
            if (model != null && model.getBuild() != null) {
                for (Plugin declared : model.getBuild().getPlugins()) {
                    if (declared.getKey().equals(plugin.getKey())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
