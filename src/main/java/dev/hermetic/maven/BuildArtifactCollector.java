package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.UnpinnedVersion;
import dev.hermetic.lock.UsedArtifact;
import dev.hermetic.lock.VersionSpec;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Extension;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginContainer;
import org.apache.maven.model.Profile;
import org.apache.maven.plugin.PluginResolutionException;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Finds every artifact a reactor uses, with its file in the local repository: each module's dependencies (all scopes,
 * transitive), the plugins of its build plan (default lifecycle bindings and super-POM versions included) with their
 * dependencies, build extensions, parent POMs, imported BOMs and the POM of every one of these.
 *
 * <p>It resolves through a copy of the session's repository session that has a fresh cache and a
 * {@link ResolvedArtifactRecorder}: every POM the resolver reads on the way (parents of dependencies, BOMs of plugins,
 * ...) is then seen, even if Maven had already cached it. Lock and verify both call this one collector, so they see
 * the same set. Reactor projects are built from source and never collected; their own dependencies are.
 */
final class BuildArtifactCollector {

    /** What was collected. */
    record Collected(List<UsedArtifact> used, List<UnpinnedVersion> versionFindings, long millis) {}

    private final ProjectBuilder projectBuilder;
    private final ProjectDependenciesResolver dependenciesResolver;
    private final PluginDependenciesResolver pluginResolver;

    BuildArtifactCollector(ProjectBuilder projectBuilder, ProjectDependenciesResolver dependenciesResolver,
            PluginDependenciesResolver pluginResolver) {
        this.projectBuilder = projectBuilder;
        this.dependenciesResolver = dependenciesResolver;
        this.pluginResolver = pluginResolver;
    }

    /**
     * @param session the Maven session
     * @param projects the modules whose use to collect (e.g. {@code session.getProjects()})
     * @throws BuildCollectionException naming the module and artifact that could not be resolved
     */
    Collected collect(MavenSession session, Collection<MavenProject> projects) throws BuildCollectionException {
        long start = System.nanoTime();
        Set<String> reactor = reactorIds(session.getAllProjects());
        DefaultRepositorySystemSession repoSession = new DefaultRepositorySystemSession(session.getRepositorySession());
        repoSession.setCache(new DefaultRepositoryCache());
        ResolvedArtifactRecorder recorder = ResolvedArtifactRecorder.standalone();
        repoSession.setRepositoryListener(recorder);

        List<UsedArtifact> used = new ArrayList<>();
        List<UnpinnedVersion> findings = new ArrayList<>();
        Map<String, List<UsedArtifact>> pluginCache = new HashMap<>();
        for (MavenProject project : projects) {
            String module = moduleName(project);
            collectModel(session, project, module, repoSession, recorder, reactor, used);
            collectDependencies(project, module, repoSession, recorder, reactor, used, findings);
            collectPlugins(project, module, repoSession, recorder, reactor, used, findings, pluginCache);
        }
        return new Collected(used, findings, (System.nanoTime() - start) / 1_000_000);
    }

    static String moduleName(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }

    static ArtifactCoordinates coordinates(Artifact a) {
        return new ArtifactCoordinates(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getExtension(),
                a.getClassifier());
    }

    /** {@code groupId:artifactId:version} of each module, for {@link #inReactor}. */
    static Set<String> reactorIds(Collection<MavenProject> projects) {
        return projects.stream().map(p -> p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion())
                .collect(Collectors.toSet());
    }

    /** Whether {@code c} is one of the reactor's modules: built from source, never locked. */
    static boolean inReactor(Set<String> reactor, ArtifactCoordinates c) {
        return reactor.contains(c.groupId() + ":" + c.artifactId() + ":" + c.version());
    }

    /** Parent POMs and imported BOMs: what building the module's model reads from the repository. */
    private void collectModel(MavenSession session, MavenProject project, String module,
            DefaultRepositorySystemSession repoSession, ResolvedArtifactRecorder recorder, Set<String> reactor,
            List<UsedArtifact> used) throws BuildCollectionException {
        Set<String> parents = new HashSet<>();
        for (MavenProject p = project; p != null && p.getModel().getParent() != null; p = p.getParent()) {
            org.apache.maven.model.Parent parent = p.getModel().getParent();
            parents.add(parent.getGroupId() + ":" + parent.getArtifactId() + ":" + parent.getVersion());
        }
        recorder.drain();
        if (project.getFile() != null) {
            try {
                projectBuilder.build(project.getFile(), modelRequest(session, repoSession));
            } catch (ProjectBuildingException e) {
                throw new BuildCollectionException("Cannot read the model of module " + module + " ("
                        + project.getFile() + "): " + e.getMessage(), e);
            }
        }
        Map<ArtifactCoordinates, Path> read = new TreeMap<>(recorder.drain());
        // Maven 3.8 builds the model without resolving the imported BOMs again (Maven 3.9 does): what the resolver
        // did not report is built here from its coordinates, which resolves it and its parents. The BOMs that BOM
        // imports come from Maven's model cache, unreported too, so they join the queue in turn.
        Properties user = session.getUserProperties();
        Properties system = session.getSystemProperties();
        Deque<String> boms = new ArrayDeque<>(importedBoms(project, user, system));
        Set<String> queued = new HashSet<>(boms);
        while (!boms.isEmpty()) {
            String gav = boms.poll();
            String[] p = gav.split(":");
            if (read.containsKey(new ArtifactCoordinates(p[0], p[1], p[2], "pom", "")) || reactor.contains(gav)) {
                continue;
            }
            ProjectBuildingRequest request = modelRequest(session, repoSession);
            request.setRemoteRepositories(project.getRemoteArtifactRepositories());
            MavenProject bom;
            try {
                bom = projectBuilder.build(new org.apache.maven.artifact.DefaultArtifact(p[0], p[1], p[2], null, "pom",
                        null, new org.apache.maven.artifact.handler.DefaultArtifactHandler("pom")), request).getProject();
            } catch (ProjectBuildingException e) {
                throw new BuildCollectionException("Cannot read the BOM " + gav + " that module " + module
                        + " imports (directly or through another BOM): " + e.getMessage(), e);
            }
            read.putAll(recorder.drain());
            for (String imported : importedBoms(bom, user, system)) {
                if (queued.add(imported)) {
                    boms.add(imported);
                }
            }
        }
        read.forEach((c, file) -> {
            if (!inReactor(reactor, c)) {
                String gav = c.groupId() + ":" + c.artifactId() + ":" + c.version();
                used.add(new UsedArtifact(c, file, parents.contains(gav) ? ArtifactRole.PARENT : ArtifactRole.BOM,
                        "", module));
            }
        });
    }

    /** A request that reads a model (resolving its parents and imports through {@code repoSession}) and no more. */
    private static ProjectBuildingRequest modelRequest(MavenSession session, DefaultRepositorySystemSession repoSession) {
        ProjectBuildingRequest request = new DefaultProjectBuildingRequest(session.getProjectBuildingRequest());
        request.setRepositorySession(repoSession);
        request.setProcessPlugins(false);
        request.setResolveDependencies(false);
        request.setProject(null);
        return request;
    }

    /**
     * {@code groupId:artifactId:version} of the BOMs the module and its parents import, as their POMs write them,
     * with {@code ${...}} expressions replaced as Maven's model interpolation does: {@code project.*} from the
     * module's model, then the build's user properties ({@code -D}), the module's effective properties, the system
     * properties. Entries whose expressions cannot be resolved that way are left out (on Maven 3.9 the resolver
     * reports them anyway).
     */
    static Set<String> importedBoms(MavenProject project, Properties userProperties, Properties systemProperties) {
        Set<String> boms = new java.util.LinkedHashSet<>();
        for (MavenProject p = project; p != null; p = p.getParent()) {
            org.apache.maven.model.Model original = p.getOriginalModel();
            if (original == null || original.getDependencyManagement() == null) {
                continue;
            }
            for (org.apache.maven.model.Dependency d : original.getDependencyManagement().getDependencies()) {
                if ("import".equals(d.getScope()) && "pom".equals(d.getType())) {
                    // Inherited into the module's model before interpolation: the module's values apply.
                    String g = interpolate(d.getGroupId(), project, userProperties, systemProperties);
                    String a = interpolate(d.getArtifactId(), project, userProperties, systemProperties);
                    String v = interpolate(d.getVersion(), project, userProperties, systemProperties);
                    if (g != null && a != null && v != null) {
                        boms.add(g + ":" + a + ":" + v);
                    }
                }
            }
        }
        return boms;
    }

    /** Replaces {@code ${...}} as {@link #importedBoms} describes; {@code null} if one is unknown. */
    static String interpolate(String value, MavenProject p, Properties userProperties, Properties systemProperties) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                return null;
            }
            out.append(value, i, start);
            String key = value.substring(start + 2, end);
            String replacement = switch (key) {
                case "project.version", "pom.version", "version" -> p.getVersion();
                case "project.groupId", "pom.groupId", "groupId" -> p.getGroupId();
                case "project.artifactId", "pom.artifactId", "artifactId" -> p.getArtifactId();
                case "project.parent.version", "parent.version" -> p.getModel().getParent() == null ? null : p.getModel().getParent().getVersion();
                case "project.parent.groupId", "parent.groupId" -> p.getModel().getParent() == null ? null : p.getModel().getParent().getGroupId();
                default -> firstOf(key, userProperties, p.getProperties(), systemProperties);
            };
            if (replacement == null || replacement.contains("${")) {
                return null;
            }
            out.append(replacement);
            i = end + 1;
        }
        return out.toString();
    }

    /** The value of {@code key} in the first of {@code sources} that has it, or {@code null}. */
    private static String firstOf(String key, Properties... sources) {
        for (Properties source : sources) {
            String value = source == null ? null : source.getProperty(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private void collectDependencies(MavenProject project, String module, DefaultRepositorySystemSession repoSession,
            ResolvedArtifactRecorder recorder, Set<String> reactor, List<UsedArtifact> used,
            List<UnpinnedVersion> findings) throws BuildCollectionException {
        DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project, repoSession);
        // Siblings are built from source; asking for their jars at validate would fail on a fresh clone.
        request.setResolutionFilter((node, parents) ->
                node.getArtifact() == null || !inReactor(reactor, coordinates(node.getArtifact())));
        DependencyResolutionResult result;
        try {
            result = dependenciesResolver.resolve(request);
        } catch (DependencyResolutionException e) {
            throw new BuildCollectionException("Cannot resolve the dependencies of module " + module + ": "
                    + e.getMessage(), e);
        }
        walkDependencies(result.getDependencyGraph(), module, reactor, used, findings);
        recorder.drain().forEach((c, file) -> {
            if (!inReactor(reactor, c) && "pom".equals(c.extension())) {
                used.add(new UsedArtifact(c, file, ArtifactRole.POM, "", module));
            }
        });
    }

    private static void walkDependencies(DependencyNode node, String module, Set<String> reactor,
            List<UsedArtifact> used, List<UnpinnedVersion> findings) {
        for (DependencyNode child : node.getChildren()) {
            Artifact a = child.getArtifact();
            if (a != null && child.getDependency() != null) {
                ArtifactCoordinates c = coordinates(a);
                String what = "Dependency " + a.getGroupId() + ":" + a.getArtifactId();
                VersionSpec requested = VersionSpec.of(child.getVersionConstraint() == null
                        ? a.getBaseVersion() : child.getVersionConstraint().toString());
                VersionSpec resolved = VersionSpec.of(a.getBaseVersion());
                if (!requested.isPinned()) {
                    findings.add(new UnpinnedVersion(module, what, requested, false));
                } else if (!resolved.isPinned()) {
                    findings.add(new UnpinnedVersion(module, what, resolved, false));
                }
                if (!inReactor(reactor, c) && a.getFile() != null) {
                    used.add(new UsedArtifact(c, a.getFile().toPath(), ArtifactRole.DEPENDENCY,
                            child.getDependency().getScope(), module));
                }
            }
            walkDependencies(child, module, reactor, used, findings);
        }
    }

    private void collectPlugins(MavenProject project, String module, DefaultRepositorySystemSession repoSession,
            ResolvedArtifactRecorder recorder, Set<String> reactor, List<UsedArtifact> used,
            List<UnpinnedVersion> findings, Map<String, List<UsedArtifact>> cache)
            throws BuildCollectionException {
        List<RemoteRepository> repositories = project.getRemotePluginRepositories();
        DependencyFilter filter = project.getExtensionDependencyFilter();
        for (Plugin plugin : project.getBuildPlugins()) {
            String key = plugin.getGroupId() + ":" + plugin.getArtifactId();
            if (onlySiteLifecycle(project, plugin)) {
                continue;
            }
            if (!hasExplicitVersion(project, plugin)) {
                findings.add(new UnpinnedVersion(module, key, VersionSpec.of(plugin.getVersion()), true));
            } else if (!VersionSpec.of(plugin.getVersion()).isPinned() && !isThisPlugin(plugin)) {
                findings.add(new UnpinnedVersion(module, "Plugin " + key, VersionSpec.of(plugin.getVersion()), false));
            }
            if (plugin.getVersion() == null || plugin.getVersion().isBlank()) {
                continue; // Maven resolves it later from repository metadata: nothing fixed to lock.
            }
            addPlugin(plugin, ArtifactRole.PLUGIN, module, repositories, filter, repoSession, recorder, reactor, used,
                    cache);
        }
        for (Extension extension : project.getBuildExtensions()) {
            Plugin plugin = new Plugin();
            plugin.setGroupId(extension.getGroupId());
            plugin.setArtifactId(extension.getArtifactId());
            plugin.setVersion(extension.getVersion());
            addPlugin(plugin, ArtifactRole.EXTENSION, module, repositories, filter, repoSession, recorder, reactor,
                    used, cache);
        }
    }

    private void addPlugin(Plugin plugin, ArtifactRole role, String module, List<RemoteRepository> repositories,
            DependencyFilter filter, DefaultRepositorySystemSession repoSession, ResolvedArtifactRecorder recorder,
            Set<String> reactor, List<UsedArtifact> used, Map<String, List<UsedArtifact>> cache)
            throws BuildCollectionException {
        // The same plugin with the same added dependencies resolves the same way in every module: resolve it once.
        String cacheKey = role + " " + plugin.getId() + " " + plugin.getDependencies().stream()
                .map(d -> d.getManagementKey() + ":" + d.getVersion() + ":" + d.getScope() + d.getExclusions().stream()
                        .map(x -> x.getGroupId() + ":" + x.getArtifactId()).collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(";"));
        List<UsedArtifact> found = cache.get(cacheKey);
        if (found == null) {
            found = new ArrayList<>();
            recorder.drain();
            try {
                Artifact pluginArtifact = pluginResolver.resolve(plugin, repositories, repoSession);
                DependencyNode root = pluginResolver.resolve(plugin, pluginArtifact, filter, repositories,
                        repoSession);
                found.add(new UsedArtifact(coordinates(pluginArtifact), pluginArtifact.getFile().toPath(), role, "",
                        module));
                ArtifactRole dependencyRole = role == ArtifactRole.PLUGIN ? ArtifactRole.PLUGIN_DEPENDENCY : role;
                // Its dependencies name the plugin (or extension) that pulls them in; its own jar does not.
                walkPluginDependencies(root, dependencyRole, module, plugin.getKey(), reactor, found);
            } catch (PluginResolutionException e) {
                throw new BuildCollectionException("Cannot resolve " + (role == ArtifactRole.PLUGIN ? "plugin " :
                        "build extension ") + plugin.getId() + " of module " + module + ": " + e.getMessage(), e);
            }
            for (Map.Entry<ArtifactCoordinates, Path> e : recorder.drain().entrySet()) {
                if (!inReactor(reactor, e.getKey()) && "pom".equals(e.getKey().extension())) {
                    found.add(new UsedArtifact(e.getKey(), e.getValue(), ArtifactRole.POM, "", module));
                }
            }
            cache.put(cacheKey, found);
        }
        for (UsedArtifact u : found) {
            used.add(new UsedArtifact(u.coordinates(), u.file(), u.role(), u.scope(), module, u.plugin()));
        }
    }

    private static void walkPluginDependencies(DependencyNode node, ArtifactRole role, String module, String plugin,
            Set<String> reactor, List<UsedArtifact> found) {
        for (DependencyNode child : node.getChildren()) {
            Artifact a = child.getArtifact();
            if (a != null && a.getFile() != null && !inReactor(reactor, coordinates(a))) {
                found.add(new UsedArtifact(coordinates(a), a.getFile().toPath(), role, "", module, plugin));
            }
            walkPluginDependencies(child, role, module, plugin, reactor, found);
        }
    }

    /** Phases of Maven's site lifecycle, which {@code mvn verify} or {@code deploy} never run. */
    private static final Set<String> SITE_PHASES = Set.of("pre-site", "site", "post-site", "site-deploy");

    /**
     * A plugin Maven added to the model only for the site lifecycle (maven-site-plugin for {@code site} and
     * {@code site-deploy}) is not part of the build up to {@code deploy}: it is skipped unless a POM declares it in
     * its build plugins. Locking it would need hundreds of artifacts that an offline build never downloaded.
     */
    static boolean onlySiteLifecycle(MavenProject project, Plugin plugin) {
        if (plugin.getExecutions().isEmpty()
                || !plugin.getExecutions().stream().allMatch(e -> e.getPhase() != null && SITE_PHASES.contains(e.getPhase()))) {
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
     * plugin's version. If not, the version came from Maven's super POM or default lifecycle bindings.
     */
    static boolean hasExplicitVersion(MavenProject project, Plugin plugin) {
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
