package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.UsedArtifact;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Parent;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOM reading: the POMs that building a module's model reads from the repository, its parent POMs and the BOMs it
 * imports (and the BOMs those import), found by building the model again through the collection's recording session.
 */
final class ParentAndBomCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ParentAndBomCollector.class);

    private final ProjectBuilder projectBuilder;

    ParentAndBomCollector(ProjectBuilder projectBuilder) {
        this.projectBuilder = projectBuilder;
    }

    /** Adds the module's parent POMs and imported BOMs to {@code run}. */
    void collect(MavenProject project, String module, BuildArtifactCollector.CollectionRun run)
            throws BuildCollectionException {
        MavenSession session = run.session();
        Set<String> parents = new HashSet<>();
        for (MavenProject p = project; p != null && p.getModel().getParent() != null; p = p.getParent()) {
            Parent parent = p.getModel().getParent();
            parents.add(parent.getGroupId() + ":" + parent.getArtifactId() + ":" + parent.getVersion());
        }
        run.recorder().drain();
        if (project.getFile() != null) {
            try {
                projectBuilder.build(project.getFile(), modelRequest(session, run.repoSession()));
            } catch (ProjectBuildingException e) {
                throw new BuildCollectionException("Cannot read the model of module " + module + " ("
                        + project.getFile() + "): " + e.getMessage(), e);
            }
        }
        Map<ArtifactCoordinates, Path> read = new TreeMap<>(run.recorder().drain());
        // Maven 3.8 builds the model without resolving the imported BOMs again (Maven 3.9 does): what the resolver
        // did not report is built here from its coordinates, which resolves it and its parents. The BOMs that BOM
        // imports come from Maven's model cache, unreported too, so they join the queue in turn.
        Properties user = session.getUserProperties();
        Properties system = session.getSystemProperties();
        Deque<String> boms = new ArrayDeque<>(ImportedBoms.of(project, user, system, LOG::warn));
        Set<String> queued = new HashSet<>(boms);
        while (!boms.isEmpty()) {
            String gav = boms.poll();
            String[] p = gav.split(":");
            if (read.containsKey(new ArtifactCoordinates(p[0], p[1], p[2], "pom", "")) || run.reactor().contains(gav)) {
                continue;
            }
            ProjectBuildingRequest request = modelRequest(session, run.repoSession());
            request.setRemoteRepositories(project.getRemoteArtifactRepositories());
            MavenProject bom;
            try {
                bom = projectBuilder.build(new DefaultArtifact(p[0], p[1], p[2], null, "pom", null,
                        new DefaultArtifactHandler("pom")), request).getProject();
            } catch (ProjectBuildingException e) {
                throw new BuildCollectionException("Cannot read the BOM " + gav + " that module " + module
                        + " imports (directly or through another BOM): " + e.getMessage(), e);
            }
            read.putAll(run.recorder().drain());
            for (String imported : ImportedBoms.of(bom, user, system, LOG::warn)) {
                if (queued.add(imported)) {
                    boms.add(imported);
                }
            }
        }
        read.forEach((c, file) -> {
            if (!run.inReactor(c)) {
                String gav = c.groupId() + ":" + c.artifactId() + ":" + c.version();
                run.used().add(new UsedArtifact(c, file,
                        parents.contains(gav) ? ArtifactRole.PARENT : ArtifactRole.BOM, "", module));
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
}
