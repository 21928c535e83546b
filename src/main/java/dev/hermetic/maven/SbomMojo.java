package dev.hermetic.maven;

import dev.hermetic.archive.NormalizationResult;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileReader;
import dev.hermetic.sbom.CycloneDxSbom;
import dev.hermetic.sbom.SbomComponent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes the module's CycloneDX 1.6 SBOM, {@code <artifactId>-<version>-cyclonedx.json} (docs/sbom.md), and attaches
 * it (type {@code json}, classifier {@code cyclonedx}, as cyclonedx-maven-plugin does) so that {@code hermetic:sign},
 * {@code hermetic:provenance}, {@code install} and {@code deploy} carry it when they run after it. The dependencies'
 * digests are the lockfile's when {@code hermetic:verify} checked the build against it; otherwise each resolved file
 * is hashed once here, and the SBOM says so.
 */
@Mojo(name = "sbom", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class SbomMojo extends HermeticMojo {

    static final String TYPE = "json";
    static final String CLASSIFIER = "cyclonedx";

    private static final String WRITTEN_KEY = "dev.hermetic.sbom.written";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sbom.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Where the SBOM is written before it is attached.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sbom.outputDirectory", defaultValue = "${project.build.directory}")
    private File outputDirectory;

    /** The lockfile {@code hermetic:verify} checks: the same property. */
    @Parameter(property = "hermetic.verify.lockfile")
    private File lockfile;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final MavenProjectHelper projectHelper;

    @Inject
    public SbomMojo(MavenProjectHelper projectHelper) {
        super("sbom");
        this.projectHelper = projectHelper;
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (project.getContextValue(WRITTEN_KEY) != null) {
            getLog().info("Skipping hermetic:sbom: " + project.getId() + " already has its SBOM");
            return;
        }
        Optional<Artifact> theirs = SignedFilesCollector.attachedAs(project, TYPE, CLASSIFIER);
        if (theirs.isPresent()) { // same coordinates and file name: ours would replace it, on disk and in deploy
            getLog().info("Not writing the SBOM of " + project.getId() + ": another plugin already attached one"
                    + " under the same coordinates (" + theirs.get().getFile() + "), left in place. To have"
                    + " hermetic:sbom's, remove that plugin's execution; to silence this, -Dhermetic.sbom.skip.");
            return;
        }
        SbomComponent module = module();
        boolean verified = VerifyOutcome.verifiedAgainstLockfile(session);
        Path lockfilePath = BuildVerifier.lockfile(session, lockfile);
        Lockfile lock = verified ? readLockfile(lockfilePath) : null;
        List<SbomComponent> components = new ArrayList<>();
        int hashedHere = 0;
        for (Artifact a : project.getArtifacts()) {
            ArtifactCoordinates coordinates = VerifyOutcome.lockfileCoordinates(a);
            Map<DigestAlgorithm, String> digests;
            Optional<LockedArtifact> locked = lock == null ? Optional.empty() : lock.find(coordinates);
            if (locked.isPresent()) {
                digests = Map.of(lock.algorithm(), locked.get().digest());
            } else if (a.getFile() != null && a.getFile().isFile()) {
                // Not locked: no lockfile was verified, or a reactor sibling (built here from source, never locked).
                digests = ProvenanceMojo.hash(a.getFile().toPath(), EnumSet.of(DigestAlgorithm.SHA_256));
                hashedHere++;
            } else {
                digests = Map.of(); // a reactor sibling not packaged in this build
            }
            components.add(new SbomComponent(coordinates, new TreeSet<>(List.of(scope(a))), digests));
        }
        Optional<SortedMap<ArtifactCoordinates, SortedSet<ArtifactCoordinates>>> graph = graph(module.coordinates());
        CycloneDxSbom sbom = new CycloneDxSbom(module, components, graph, plugin.getVersion(),
                verified ? CycloneDxSbom.DependencySource.LOCKFILE : CycloneDxSbom.DependencySource.RESOLVED);
        Path file = outputDirectory.toPath().resolve(SignedFilesCollector.repositoryFileName(
                project.getArtifactId(), project.getVersion(), CLASSIFIER, TYPE));
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, sbom.toJson());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e
                    + ". Check free space and permissions there.", e);
        }
        projectHelper.attachArtifact(project, TYPE, CLASSIFIER, file.toFile());
        project.setContextValue(WRITTEN_KEY, Boolean.TRUE);
        getLog().info("Wrote " + file.getFileName() + ": " + components.size() + " components, "
                + (graph.isPresent() ? "dependency graph" : "the module's list only (no dependency trail)") + "; "
                + (verified ? "digests from " + lockfilePath.getFileName() + " (verified)"
                        + (hashedHere == 0 ? "" : ", reactor modules (never locked) hashed here: " + hashedHere)
                        : "dependencies resolved, not verified against a lockfile: " + hashedHere + " hashed here"));
    }

    /**
     * The module's own artifact (its POM when it packages nothing), hashed after {@code hermetic:normalize}'s
     * settings are applied again, as {@code hermetic:sign} would, so the digests are those of what is deployed.
     */
    private SbomComponent module() throws MojoExecutionException, MojoFailureException {
        Artifact artifact = project.getArtifact();
        boolean packaged = artifact.getFile() != null && artifact.getFile().isFile();
        if (!packaged && !"pom".equals(project.getPackaging())) {
            throw new MojoFailureException("No " + project.getPackaging() + " file for " + project.getId()
                    + " yet: hermetic:sbom describes the packaged module, with its hashes. Bind it to a phase after"
                    + " package (verify, its default).");
        }
        Path file = packaged ? artifact.getFile().toPath() : project.getFile().toPath();
        String extension = packaged ? artifact.getArtifactHandler().getExtension() : "pom";
        Map<DigestAlgorithm, String> digests = ProvenanceMojo.hash(file, EnumSet.allOf(DigestAlgorithm.class));
        if (packaged && NormalizationLedger.settingsOf(project) != null) {
            boolean rewritten = NormalizationLedger.normalizeAgainIfConfigured(project, getLog(),
                    Map.of(file, digests.get(DigestAlgorithm.SHA_256))).stream()
                    .anyMatch(r -> r.outcome() == NormalizationResult.Outcome.NORMALIZED);
            if (rewritten) {
                digests = ProvenanceMojo.hash(file, EnumSet.allOf(DigestAlgorithm.class));
            }
        }
        return new SbomComponent(new ArtifactCoordinates(project.getGroupId(), project.getArtifactId(),
                project.getVersion(), extension, ""), new TreeSet<>(), digests);
    }

    /**
     * Each artifact's direct dependencies, from the dependency trails Maven resolved (the tree after its conflict
     * resolution); empty when an artifact has no trail.
     */
    private Optional<SortedMap<ArtifactCoordinates, SortedSet<ArtifactCoordinates>>> graph(
            ArtifactCoordinates moduleCoordinates) {
        Map<String, ArtifactCoordinates> byId = new HashMap<>();
        for (Artifact a : project.getArtifacts()) {
            byId.put(a.getId(), VerifyOutcome.lockfileCoordinates(a));
        }
        SortedMap<ArtifactCoordinates, SortedSet<ArtifactCoordinates>> graph = new TreeMap<>();
        graph.put(moduleCoordinates, new TreeSet<>());
        for (Artifact a : project.getArtifacts()) {
            List<String> trail = a.getDependencyTrail();
            if (trail == null || trail.size() < 2) {
                return Optional.empty();
            }
            ArtifactCoordinates parent = trail.size() == 2 ? moduleCoordinates : byId.get(trail.get(trail.size() - 2));
            if (parent == null) {
                return Optional.empty();
            }
            graph.computeIfAbsent(parent, p -> new TreeSet<>()).add(VerifyOutcome.lockfileCoordinates(a));
        }
        return Optional.of(graph);
    }

    private Lockfile readLockfile(Path path) throws MojoFailureException {
        try {
            return LockfileReader.read(path).forBuild(BuildVerifier.build(session).name());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException("Cannot read the lockfile " + path + " for the SBOM of "
                    + project.getId() + ": " + e.getMessage(), e);
        }
    }

    private static String scope(Artifact a) {
        return a.getScope() == null || a.getScope().isEmpty() ? Artifact.SCOPE_COMPILE : a.getScope();
    }
}
