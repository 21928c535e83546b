package dev.hermetic.maven;

import dev.hermetic.sbom.DeclaredLicense;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.License;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.LocalRepositoryManager;

/**
 * The licenses a dependency's POM declares, as its effective model has them (inherited from its parents,
 * interpolated), as cyclonedx-maven-plugin reads them. Offline: resolving the dependencies already put each POM and
 * its parents in the local repository (and verify checked them against the lockfile). The POMs are read as written,
 * up the parent chain until one declares licenses (Maven inherits the list whole, and profiles cannot declare any);
 * only a POM whose licenses hold an expression, or that cannot be read so, has its effective model built. Each POM is
 * read once per reactor.
 */
final class DependencyLicenses {

    private static final String CACHE_KEY = "dev.hermetic.sbom.licenses";

    /** Deeper than any real POM hierarchy: a loop of parents ends here. */
    private static final int MAX_PARENTS = 64;

    private final MavenSession session;
    private final ProjectBuilder projectBuilder;
    private final MavenProject module;
    private final Consumer<String> warn;

    DependencyLicenses(MavenSession session, ProjectBuilder projectBuilder, MavenProject module,
            Consumer<String> warn) {
        this.session = session;
        this.projectBuilder = projectBuilder;
        this.module = module;
        this.warn = warn;
    }

    /** A project's own licenses, as its effective model declares them. */
    static List<DeclaredLicense> of(MavenProject project) {
        return declared(project.getLicenses());
    }

    /** Where the POM of a groupId, artifactId, version is. */
    interface PomFiles {
        Path of(String groupId, String artifactId, String version);
    }

    /** The licenses of {@code artifact}'s POM; empty when it declares none, or (with a warning) cannot be read. */
    List<DeclaredLicense> of(Artifact artifact) {
        if (Artifact.SCOPE_SYSTEM.equals(artifact.getScope())) {
            return List.of(); // a file on disk, with no POM anywhere
        }
        String gav = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
        for (MavenProject p : session.getProjects()) {
            if (gav.equals(p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion())) {
                return of(p); // a module of this reactor: its model is at hand, its POM maybe not installed
            }
        }
        Map<String, List<DeclaredLicense>> cache = cache();
        List<DeclaredLicense> licenses = cache.get(gav);
        if (licenses == null) { // not computeIfAbsent: reading POMs must not hold the map's lock
            LocalRepositoryManager local = session.getRepositorySession().getLocalRepositoryManager();
            Path repository = local.getRepository().getBasedir().toPath();
            PomFiles poms = (g, a, v) -> repository.resolve(local.getPathForLocalArtifact(
                    new org.eclipse.aether.artifact.DefaultArtifact(g, a, "", "pom", v)));
            licenses = asWritten(artifact.getGroupId(), artifact.getArtifactId(), artifact.getVersion(), poms, cache,
                    0).orElseGet(() -> effective(artifact));
            cache.putIfAbsent(gav, licenses);
        }
        return licenses;
    }

    /**
     * The licenses of g:a:v's POM as written, else of its parent's, and so on; empty when a POM on the way is not in
     * the local repository, cannot be parsed, or declares licenses with an expression in them.
     */
    static Optional<List<DeclaredLicense>> asWritten(String groupId, String artifactId, String version, PomFiles poms,
            Map<String, List<DeclaredLicense>> cache, int depth) {
        String gav = groupId + ":" + artifactId + ":" + version;
        List<DeclaredLicense> known = cache.get(gav);
        if (known != null) {
            return Optional.of(known);
        }
        if (depth > MAX_PARENTS) {
            return Optional.empty();
        }
        Model model;
        try (InputStream in = Files.newInputStream(poms.of(groupId, artifactId, version))) {
            model = new MavenXpp3Reader().read(in, false);
        } catch (Exception e) { // absent, unreadable, not a POM: the model builder says why, or copes
            return Optional.empty();
        }
        Optional<List<DeclaredLicense>> licenses;
        if (!model.getLicenses().isEmpty()) {
            boolean expression = model.getLicenses().stream()
                    .anyMatch(l -> (l.getName() + l.getUrl()).contains("${"));
            licenses = expression ? Optional.empty() : Optional.of(declared(model.getLicenses()));
        } else if (model.getParent() == null) {
            licenses = Optional.of(List.of());
        } else {
            Parent parent = model.getParent();
            licenses = asWritten(parent.getGroupId(), parent.getArtifactId(), parent.getVersion(), poms, cache,
                    depth + 1);
        }
        licenses.ifPresent(l -> cache.putIfAbsent(gav, l));
        return licenses;
    }

    /** The licenses of the artifact's effective model, built offline by Maven's project builder. */
    private List<DeclaredLicense> effective(Artifact artifact) {
        DefaultRepositorySystemSession offline = new DefaultRepositorySystemSession(session.getRepositorySession());
        offline.setOffline(true);
        ProjectBuildingRequest request = new DefaultProjectBuildingRequest(session.getProjectBuildingRequest());
        request.setRepositorySession(offline);
        request.setRemoteRepositories(module.getRemoteArtifactRepositories()); // the origins the local files record
        request.setProcessPlugins(false);
        request.setResolveDependencies(false);
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL);
        request.setProject(null);
        try {
            DefaultArtifact pom = new DefaultArtifact(artifact.getGroupId(), artifact.getArtifactId(),
                    artifact.getVersion(), null, "pom", null, new DefaultArtifactHandler("pom"));
            return of(projectBuilder.build(pom, request).getProject());
        } catch (ProjectBuildingException | RuntimeException e) {
            warn.accept("No licenses in the SBOM for " + artifact.getId() + ": its POM could not be read offline from"
                    + " the local repository (" + e.getMessage() + "). Run `mvn dependency:resolve` online once, or"
                    + " check the POM's parents are there.");
            return List.of();
        }
    }

    private Map<String, List<DeclaredLicense>> cache() {
        return BuildScoped.get(session, CACHE_KEY, Cache.class, Cache::new);
    }

    /** The build's licenses by POM, a class of this realm: another plugin version's cache is not read as ours. */
    private static final class Cache extends ConcurrentHashMap<String, List<DeclaredLicense>> {
        private static final long serialVersionUID = 1L;
    }

    private static List<DeclaredLicense> declared(List<License> licenses) {
        return licenses == null ? List.of()
                : licenses.stream().map(l -> new DeclaredLicense(l.getName(), l.getUrl()))
                        .filter(l -> !l.isBlank()).toList();
    }
}
