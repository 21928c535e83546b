package dev.hermetic.maven;

import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.archive.NormalizationResult;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.sbom.CycloneDxSbom;
import dev.hermetic.sbom.DeclaredLicense;
import dev.hermetic.sbom.SbomComponent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import java.util.function.Function;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes the module's CycloneDX 1.6 SBOM, {@code <artifactId>-<version>-cyclonedx.json} (or {@code .xml}, or both;
 * docs/sbom.md), and attaches it (type {@code json}/{@code xml}, classifier {@code cyclonedx}, as
 * cyclonedx-maven-plugin does) so that {@code hermetic:sign},
 * {@code hermetic:provenance}, {@code install} and {@code deploy} carry it when they run after it. The dependencies'
 * digests are the lockfile's when {@code hermetic:verify} checked the build against it; otherwise each resolved file
 * is hashed once here, and the SBOM says so. When {@code hermetic:sign} runs right after it, sign makes the file in its
 * run with the module's hashes from its own read ({@link PendingSbom}).
 */
@Mojo(name = "sbom", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class SbomMojo extends ModuleGoalMojo {

    static final String CLASSIFIER = "cyclonedx";

    /** The values of {@code hermetic.sbom.format}: the types written and attached. */
    private static final Map<String, List<String>> FORMATS = Map.of("json", List.of("json"), "xml", List.of("xml"),
            "all", List.of("json", "xml"));

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

    /**
     * What to write and attach: {@code json}, {@code xml}, or {@code all} (both, the same BOM).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sbom.format", defaultValue = "json")
    private String format;

    /**
     * Writes {@code metadata.timestamp}: the build's fixed time ({@code SOURCE_DATE_EPOCH}, else
     * {@code project.build.outputTimestamp}), never the clock. Refused when neither is set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sbom.timestamp", defaultValue = "false")
    private boolean timestamp;

    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    /** The lockfile {@code hermetic:verify} checks: the same property. */
    @Parameter(property = "hermetic.verify.lockfile")
    private File lockfile;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final MavenProjectHelper projectHelper;
    private final ProjectBuilder projectBuilder;

    @Inject
    public SbomMojo(MavenProjectHelper projectHelper, ProjectBuilder projectBuilder) {
        super("sbom");
        this.projectHelper = projectHelper;
        this.projectBuilder = projectBuilder;
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
        List<String> types = types(format);
        CycloneDxSbom.warmUpInBackground(types.contains("xml"));
        for (String type : types) {
            Optional<Artifact> theirs = SignedFilesCollector.attachedAs(project, type, CLASSIFIER);
            if (theirs.isPresent()) { // same coordinates and file name: ours would replace it, on disk and in deploy
                getLog().info("Not writing the SBOM of " + project.getId() + ": another plugin already attached one"
                        + " under the same coordinates (" + theirs.get().getFile() + "), left in place. To have"
                        + " hermetic:sbom's, remove that plugin's execution; to silence this, -Dhermetic.sbom.skip.");
                return;
            }
        }
        Path moduleFile = moduleFile();
        SbomComponent module = module(moduleFile, Map.of());
        boolean verified = VerifyOutcome.verifiedAgainstLockfile(session);
        Path lockfilePath = BuildVerifier.lockfile(session, lockfile);
        Lockfile lock = verified ? readLockfile(lockfilePath) : null;
        List<SbomComponent> components = new ArrayList<>();
        DependencyLicenses licenses = new DependencyLicenses(session, projectBuilder, project, getLog()::warn);
        int hashedHere = 0;
        int licensed = 0;
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
            List<DeclaredLicense> declared = licenses.of(a);
            licensed += declared.isEmpty() ? 0 : 1;
            components.add(new SbomComponent(coordinates, new TreeSet<>(List.of(scope(a))), digests, declared));
        }
        Optional<SortedMap<ArtifactCoordinates, SortedSet<ArtifactCoordinates>>> graph = graph(module.coordinates());
        Optional<Instant> time = timestamp ? Optional.of(fixedTime(System.getenv(), outputTimestamp)) : Optional.empty();
        CycloneDxSbom.DependencySource source = verified ? CycloneDxSbom.DependencySource.LOCKFILE
                : CycloneDxSbom.DependencySource.RESOLVED;
        String summary = components.size() + " components, "
                + (graph.isPresent() ? "dependency graph" : "the module's list only (no dependency trail)") + "; "
                + (verified ? "digests from " + lockfilePath.getFileName() + " (verified)"
                        + (hashedHere == 0 ? "" : ", reactor modules (never locked) hashed here: " + hashedHere)
                        : "dependencies resolved, not verified against a lockfile: " + hashedHere + " hashed here")
                + "; licenses declared by " + licensed + " of their POMs";
        List<PendingSbom.SbomFile> files = new ArrayList<>();
        for (String type : types) {
            String name = SignedFilesCollector.repositoryFileName(project.getArtifactId(), project.getVersion(),
                    CLASSIFIER, type);
            files.add(new PendingSbom.SbomFile(type, outputDirectory.toPath().resolve(name), name));
        }
        Function<Map<DigestAlgorithm, String>, CycloneDxSbom> sbom = digests -> new CycloneDxSbom(
                module(moduleFile, digests), components, graph, plugin.getVersion(), source, time);
        PendingSbom pending = new PendingSbom(files, moduleFile, sbom, summary,
                () -> writeAlone(files, moduleFile, sbom, summary));
        if (SigningKeyMojo.signRunsNext("sbom", project, mojoExecution, session)) {
            // Sign reads the module's artifact once for its signature; the SBOM's own hashes come from that read.
            pending.handTo(project);
            getLog().info("The SBOM of " + project.getId() + " is made by hermetic:sign, which runs next, with the"
                    + " hashes of the module's artifact as it signs it");
            return;
        }
        pending.writeAlone();
    }

    /**
     * Writes the SBOM on its own: the module's artifact hashed here, after {@code hermetic:normalize}'s settings are
     * applied again, as {@code hermetic:sign} would, so the digests are those of what is deployed. What it does when
     * {@code hermetic:sign} does not run right after it in the module.
     */
    private void writeAlone(List<PendingSbom.SbomFile> files, Path moduleFile,
            Function<Map<DigestAlgorithm, String>, CycloneDxSbom> sbom, String summary)
            throws MojoExecutionException, MojoFailureException {
        Map<DigestAlgorithm, String> digests = ProvenanceMojo.hash(moduleFile, EnumSet.allOf(DigestAlgorithm.class));
        if (!moduleFile.equals(project.getFile().toPath()) && NormalizationLedger.settingsOf(project) != null) {
            boolean rewritten = NormalizationLedger.normalizeAgainIfConfigured(project, getLog(),
                    Map.of(moduleFile, digests.get(DigestAlgorithm.SHA_256))).stream()
                    .anyMatch(r -> r.outcome() == NormalizationResult.Outcome.NORMALIZED);
            if (rewritten) {
                digests = ProvenanceMojo.hash(moduleFile, EnumSet.allOf(DigestAlgorithm.class));
            }
        }
        CycloneDxSbom written = sbom.apply(digests);
        for (PendingSbom.SbomFile file : files) {
            try {
                Files.createDirectories(file.file().getParent());
                AtomicFile.write(file.file(), file.content(written));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write " + file.file() + ": " + e
                        + ". Check free space and permissions there.", e);
            }
            attach(projectHelper, project, file.type(), file.file());
        }
        getLog().info(PendingSbom.written(files.stream().map(PendingSbom.SbomFile::repositoryFileName).toList(),
                summary));
    }

    /** Attaches a written SBOM file (by this goal or by hermetic:sign) and marks the module as having its SBOM. */
    static void attach(MavenProjectHelper helper, MavenProject project, String type, Path file) {
        helper.attachArtifact(project, type, CLASSIFIER, file.toFile());
        project.setContextValue(WRITTEN_KEY, Boolean.TRUE);
    }

    /**
     * The module's own artifact, whose hashes the SBOM holds: its packaged file, or its POM when it packages nothing.
     */
    private Path moduleFile() throws MojoFailureException {
        Artifact artifact = project.getArtifact();
        boolean packaged = artifact.getFile() != null && artifact.getFile().isFile();
        if (!packaged && !"pom".equals(project.getPackaging())) {
            throw new MojoFailureException("No " + project.getPackaging() + " file for " + project.getId()
                    + " yet: hermetic:sbom describes the packaged module, with its hashes. Bind it to a phase after"
                    + " package (verify, its default).");
        }
        return packaged ? artifact.getFile().toPath() : project.getFile().toPath();
    }

    /** The module as the SBOM's {@code metadata.component}, with {@code digests} of its own artifact. */
    private SbomComponent module(Path moduleFile, Map<DigestAlgorithm, String> digests) {
        Artifact artifact = project.getArtifact();
        boolean packaged = artifact.getFile() != null && artifact.getFile().toPath().equals(moduleFile);
        String extension = packaged ? artifact.getArtifactHandler().getExtension() : "pom";
        return new SbomComponent(new ArtifactCoordinates(project.getGroupId(), project.getArtifactId(),
                project.getVersion(), extension, ""), new TreeSet<>(), digests, DependencyLicenses.of(project));
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
            return VerifyOutcome.lockfile(session, path).lockfile().forBuild(BuildVerifier.build(session).name());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException("Cannot read the lockfile " + path + " for the SBOM of "
                    + project.getId() + ": " + e.getMessage(), e);
        }
    }

    /** The types {@code hermetic.sbom.format} asks for. */
    static List<String> types(String format) throws MojoFailureException {
        List<String> types = FORMATS.get(format == null ? "" : format.trim());
        if (types == null) {
            throw new MojoFailureException("hermetic.sbom.format is '" + format + "': use json, xml or all"
                    + " (<format> in the plugin's configuration, or -Dhermetic.sbom.format).");
        }
        return types;
    }

    /** The build's fixed time for {@code hermetic.sbom.timestamp}; refused when the build has none. */
    static Instant fixedTime(Map<String, String> environment, String outputTimestamp) throws MojoFailureException {
        BuildTimestamp time = NormalizeMojo.resolveTimestamp(environment, outputTimestamp);
        if (time.source().equals(BuildTimestamp.DEFAULT)) {
            throw new MojoFailureException("hermetic.sbom.timestamp asks for the build's fixed time, but neither"
                    + " SOURCE_DATE_EPOCH nor project.build.outputTimestamp is set. Set <project.build.outputTimestamp>"
                    + " (e.g. 2026-01-01T00:00:00Z), or leave hermetic.sbom.timestamp off: the SBOM then has no"
                    + " timestamp, which is what makes rebuilds identical without one.");
        }
        return Instant.ofEpochSecond(time.epochSeconds());
    }

    private static String scope(Artifact a) {
        return a.getScope() == null || a.getScope().isEmpty() ? Artifact.SCOPE_COMPILE : a.getScope();
    }
}
