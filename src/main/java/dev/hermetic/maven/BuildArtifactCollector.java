package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.UnpinnedVersion;
import dev.hermetic.lock.UsedArtifact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.graph.DependencyNode;

/**
 * Finds every artifact a reactor uses, with its file in the local repository: each module's dependencies (all scopes,
 * transitive, collected here), its parent POMs and imported BOMs ({@link ParentAndBomCollector}), the plugins of its
 * build plan and its build extensions with their dependencies ({@link PluginCollector}), and the POM of every one of
 * these; on the way, the versions that do not pin one artifact ({@link UnpinnedVersions}).
 *
 * <p>It resolves through a copy of the session's repository session that has a {@link ResolvedArtifactRecorder}:
 * every POM the resolver reads on the way (parents of dependencies, BOMs of plugins, ...) is then seen. Each module,
 * and each plugin, is resolved with a fresh cache ({@link CollectionRun#freshCache}), so the POMs credited to a module
 * are all those its graphs need, not only those no module before it had read: what the resolver caches, and for how
 * long (Maven 3.8's resolver keeps descriptors weakly, so the garbage collector decides), never changes what is
 * recorded. Lock and verify both call this one collector, so they see the same set. Reactor projects are built from
 * source and never collected; their own dependencies are.
 */
final class BuildArtifactCollector {

    /** What was collected. */
    record Collected(List<UsedArtifact> used, List<UnpinnedVersion> versionFindings, long millis) {}

    /**
     * What one collection shares across its modules and collectors: the recording repository session, the reactor
     * ({@link #reactorIds}), and what was found so far.
     */
    record CollectionRun(MavenSession session, DefaultRepositorySystemSession repoSession,
            ResolvedArtifactRecorder recorder, Set<String> reactor, List<UsedArtifact> used,
            List<UnpinnedVersion> findings) {

        boolean inReactor(ArtifactCoordinates c) {
            return BuildArtifactCollector.inReactor(reactor, c);
        }

        /**
         * Starts resolving with nothing cached, so that every POM what follows needs is read, and recorded, again.
         * Called before each module and each plugin: what they record must not depend on what came before them.
         */
        void freshCache() {
            repoSession.setCache(new DefaultRepositoryCache());
        }
    }

    private final ParentAndBomCollector parentsAndBoms;
    private final ProjectDependenciesResolver dependenciesResolver;
    private final PluginDependenciesResolver pluginResolver;

    BuildArtifactCollector(ProjectBuilder projectBuilder, ProjectDependenciesResolver dependenciesResolver,
            PluginDependenciesResolver pluginResolver) {
        this.parentsAndBoms = new ParentAndBomCollector(projectBuilder);
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
        DefaultRepositorySystemSession repoSession = new DefaultRepositorySystemSession(session.getRepositorySession());
        ResolvedArtifactRecorder recorder = ResolvedArtifactRecorder.standalone();
        repoSession.setRepositoryListener(recorder);
        CollectionRun run = new CollectionRun(session, repoSession, recorder, reactorIds(session.getAllProjects()),
                new ArrayList<>(), new ArrayList<>());
        PluginCollector plugins = new PluginCollector(pluginResolver, run);
        for (MavenProject project : projects) {
            String module = moduleName(project);
            run.freshCache();
            parentsAndBoms.collect(project, module, run);
            collectDependencies(project, module, run);
            plugins.collect(project, module);
        }
        return new Collected(run.used(), run.findings(), (System.nanoTime() - start) / 1_000_000);
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

    private void collectDependencies(MavenProject project, String module, CollectionRun run)
            throws BuildCollectionException {
        DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project,
                run.repoSession());
        // Siblings are built from source; asking for their jars at validate would fail on a fresh clone.
        request.setResolutionFilter((node, parents) ->
                node.getArtifact() == null || !run.inReactor(coordinates(node.getArtifact())));
        DependencyResolutionResult result;
        try {
            result = dependenciesResolver.resolve(request);
        } catch (DependencyResolutionException e) {
            throw new BuildCollectionException("Cannot resolve the dependencies of module " + module + ": "
                    + e.getMessage(), e);
        }
        addDependencies(result.getDependencyGraph(), module, run);
        run.recorder().drain().forEach((c, file) -> {
            if (!run.inReactor(c) && "pom".equals(c.extension())) {
                run.used().add(new UsedArtifact(c, file, ArtifactRole.POM, "", module));
            }
        });
    }

    private static void addDependencies(DependencyNode node, String module, CollectionRun run) {
        for (DependencyNode child : node.getChildren()) {
            Artifact a = child.getArtifact();
            if (a != null && child.getDependency() != null) {
                UnpinnedVersions.ofDependency(module, child).ifPresent(run.findings()::add);
                ArtifactCoordinates c = coordinates(a);
                if (!run.inReactor(c) && a.getFile() != null) {
                    run.used().add(new UsedArtifact(c, a.getFile().toPath(), ArtifactRole.DEPENDENCY,
                            child.getDependency().getScope(), module));
                }
            }
            addDependencies(child, module, run);
        }
    }
}
