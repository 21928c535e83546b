package dev.hermetic.maven;

import dev.hermetic.maven.CompareMojo.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.DeploymentRepository;
import org.apache.maven.model.Repository;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;

/**
 * Resolves the reference of {@code hermetic:compare} from a Maven repository: the build's own coordinates, in a
 * session of its own whose local repository is a private, emptied directory and which has no reactor, so that what
 * this build installed (in the reactor or the user's local repository) can never be its own reference.
 */
final class ReferenceRepository {

    /**
     * @param description the repository, for the report ({@code id (url)})
     * @param files the reference file of each output found there, by its file name
     */
    record Resolved(String description, Map<String, Path> files) {}

    private final RepositorySystem system;
    private final MavenSession session;
    private final MavenProject root;

    ReferenceRepository(RepositorySystem system, MavenSession session, MavenProject root) {
        this.system = system;
        this.session = session;
        this.root = root;
    }

    /**
     * @param spec {@code id::url}, or the id of a repository the POM or settings declare
     * @param privateRepository the local repository of this resolution: emptied first
     * @throws IOException naming the repository and the artifact that could not be resolved, and why
     */
    Resolved resolve(String spec, List<Output> outputs, Path privateRepository) throws IOException {
        RemoteRepository repository = repository(spec);
        String description = repository.getId() + " (" + repository.getUrl() + ")";
        if (session.isOffline()) {
            throw new IOException("the build is offline (-o), so the reference repository " + description
                    + " cannot be reached (the reference is resolved afresh on every run, never from your local"
                    + " repository): build online, or give a directory or a digest manifest with"
                    + " -Dhermetic.compare.reference=PATH");
        }
        empty(privateRepository);
        DefaultRepositorySystemSession own = new DefaultRepositorySystemSession(session.getRepositorySession());
        own.setWorkspaceReader(null);
        own.setCache(new DefaultRepositoryCache());
        own.setLocalRepositoryManager(system.newLocalRepositoryManager(own,
                new LocalRepository(privateRepository.toFile())));
        // The reference is what is being checked: the build's trusted-checksum list is about its inputs, not this.
        own.setConfigProperty("aether.artifactResolver.postProcessor.trustedChecksums", false);
        List<ArtifactRequest> requests = new ArrayList<>();
        for (Output output : outputs) {
            requests.add(new ArtifactRequest(new DefaultArtifact(output.groupId(), output.artifactId(),
                    output.classifier(), output.extension(), output.version()), List.of(repository), null));
        }
        List<ArtifactResult> results;
        try {
            results = system.resolveArtifacts(own, requests);
        } catch (ArtifactResolutionException e) {
            results = e.getResults();
        }
        Map<String, Path> files = new TreeMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            ArtifactResult result = results.get(i);
            if (result.isResolved()) {
                files.put(outputs.get(i).fileName(), result.getArtifact().getFile().toPath());
            } else if (!result.getExceptions().stream().allMatch(e -> e instanceof ArtifactNotFoundException)) {
                Exception cause = result.getExceptions().get(0);
                throw new IOException("cannot resolve the reference of " + outputs.get(i).fileName() + " from "
                        + description + ": " + cause.getMessage());
            }
        }
        return new Resolved(description, files);
    }

    /** The remote repository named by {@code id::url} as given, or by an id the POM, settings or distribution declare. */
    private RemoteRepository repository(String spec) throws IOException {
        int separator = spec.indexOf("::");
        if (separator > 0) {
            String id = spec.substring(0, separator);
            String url = spec.substring(spec.lastIndexOf("::") + 2);
            RemoteRepository given = new RemoteRepository.Builder(id, "default", url).build();
            // The URL given is the one used (no mirror), with the credentials and proxy settings.xml has for it.
            return new RemoteRepository.Builder(given)
                    .setAuthentication(session.getRepositorySession().getAuthenticationSelector().getAuthentication(given))
                    .setProxy(session.getRepositorySession().getProxySelector().getProxy(given)).build();
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (Repository r : root.getRepositories()) {
            declared.putIfAbsent(r.getId(), r.getUrl());
        }
        DeploymentRepository release = root.getDistributionManagement() == null ? null
                : root.getDistributionManagement().getRepository();
        if (release != null) {
            declared.putIfAbsent(release.getId(), release.getUrl());
        }
        String url = declared.get(spec);
        if (url == null) {
            throw new IOException("no repository with id '" + spec + "' is declared in the POM, the settings' active"
                    + " profiles or distributionManagement (declared: " + String.join(", ", declared.keySet())
                    + "): give -Dhermetic.compare.referenceRepository=id::url");
        }
        // As the build reaches it: through its mirror, proxy and credentials.
        return system.newResolutionRepositories(session.getRepositorySession(),
                List.of(new RemoteRepository.Builder(spec, "default", url).build())).get(0);
    }

    private static void empty(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(directory);
    }
}
