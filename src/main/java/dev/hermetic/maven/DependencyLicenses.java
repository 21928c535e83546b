package dev.hermetic.maven;

import dev.hermetic.sbom.DeclaredLicense;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.License;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.eclipse.aether.DefaultRepositorySystemSession;

/**
 * The licenses a dependency's POM declares, from its effective model (inherited from its parents, interpolated), as
 * cyclonedx-maven-plugin reads them. Built offline: resolving the dependencies already put each POM and its parents
 * in the local repository (and verify checked them against the lockfile). Each artifact is read once per reactor.
 */
final class DependencyLicenses {

    private static final String CACHE_KEY = "dev.hermetic.sbom.licenses";

    private final MavenSession session;
    private final ProjectBuilder projectBuilder;
    private final MavenProject module;
    private final Consumer<String> warn;

    DependencyLicenses(MavenSession session, ProjectBuilder projectBuilder, MavenProject module, Consumer<String> warn) {
        this.session = session;
        this.projectBuilder = projectBuilder;
        this.module = module;
        this.warn = warn;
    }

    /** A project's own licenses, as its effective model declares them. */
    static List<DeclaredLicense> of(MavenProject project) {
        return declared(project.getLicenses());
    }

    /** The licenses of {@code artifact}'s POM; empty when it declares none, or (with a warning) cannot be read. */
    List<DeclaredLicense> of(Artifact artifact) {
        String gav = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
        for (MavenProject p : session.getProjects()) {
            if (gav.equals(p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion())) {
                return of(p); // a module of this reactor: its model is at hand, its POM maybe not installed
            }
        }
        Map<String, List<DeclaredLicense>> cache = cache();
        List<DeclaredLicense> licenses = cache.get(gav);
        if (licenses == null) { // not computeIfAbsent: building a model must not hold the map's lock
            licenses = read(artifact);
            cache.putIfAbsent(gav, licenses);
        }
        return licenses;
    }

    private List<DeclaredLicense> read(Artifact artifact) {
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
            return of(projectBuilder.build(new DefaultArtifact(artifact.getGroupId(), artifact.getArtifactId(),
                    artifact.getVersion(), null, "pom", null, new DefaultArtifactHandler("pom")), request).getProject());
        } catch (ProjectBuildingException | RuntimeException e) {
            warn.accept("No licenses in the SBOM for " + artifact.getId() + ": its POM could not be read offline from"
                    + " the local repository (" + e.getMessage() + "). Run `mvn dependency:resolve` online once, or"
                    + " check the POM's parents are there.");
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<DeclaredLicense>> cache() {
        var data = session.getRepositorySession().getData();
        // Compare-and-set: in Maven 3.8's resolver SessionData has no computeIfAbsent.
        data.set(CACHE_KEY, null, new ConcurrentHashMap<String, List<DeclaredLicense>>());
        return (Map<String, List<DeclaredLicense>>) data.get(CACHE_KEY);
    }

    private static List<DeclaredLicense> declared(List<License> licenses) {
        return licenses == null ? List.of()
                : licenses.stream().map(l -> new DeclaredLicense(l.getName(), l.getUrl()))
                        .filter(l -> !l.isBlank()).toList();
    }
}
