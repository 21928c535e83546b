package dev.hermetic.maven;

import dev.hermetic.attest.DsseSigner;
import dev.hermetic.attest.ExternalParameters;
import dev.hermetic.attest.GitSource;
import dev.hermetic.attest.InternalParameters;
import dev.hermetic.attest.Provenance;
import dev.hermetic.attest.ResourceDescriptor;
import dev.hermetic.attest.RunMetadata;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileCache;
import dev.hermetic.sign.SigningEnvironment;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningKey;
import dev.hermetic.sign.SigningKeyLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes the module's signed SLSA provenance, {@code <artifactId>-<version>.intoto.jsonl} (one DSSE envelope line,
 * docs/provenance.md), and attaches it (type {@code intoto.jsonl}) so that {@code install} and {@code deploy} carry
 * it. Its subjects are the files {@code hermetic:sign} signs (the POM, the main artifact, every attachment); its
 * dependencies are the lockfile's entries for this module when {@code hermetic:verify} checked the build against
 * the lockfile, else the module's resolved artifacts, hashed here. Signed with {@code hermetic:sign}'s key, from the
 * same sources ({@code hermetic.sign.*}); bind it before {@code hermetic:sign} in {@code verify} so that the
 * provenance gets its own {@code .asc} and checksums.
 */
@Mojo(name = "provenance", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class ProvenanceMojo extends SigningKeyMojo {

    /** Type (and repository extension) of the attached provenance. */
    static final String TYPE = "intoto.jsonl";

    private static final String WRITTEN_KEY = "dev.hermetic.provenance.written";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Whether a build without a signing key fails. When neither this nor {@code hermetic.sign.required} is true and
     * no key is found, the goal writes nothing and says so in one line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.required", defaultValue = "false")
    private boolean required;

    /** {@code hermetic:sign}'s own flag: a release that requires signatures requires the provenance too. */
    @Parameter(property = "hermetic.sign.required", defaultValue = "false", readonly = true)
    private boolean signRequired;

    /**
     * {@code runDetails.builder.id}: who vouches for the build, e.g. your CI's identity.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.builderId", defaultValue = Provenance.DEFAULT_BUILDER_ID)
    private String builderId;

    /**
     * The source repository's URI, when not read from {@code .git} (or to replace the remote's URL there).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.sourceUri")
    private String sourceUri;

    /**
     * The source commit (40 or 64 hex digits), when the build does not run in a git checkout.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.sourceCommit")
    private String sourceCommit;

    /**
     * Opt-in {@code runDetails.metadata.invocationId}, e.g. a CI run's URL; makes each run's file differ.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.invocationId")
    private String invocationId;

    /**
     * Opt-in {@code runDetails.metadata.startedOn}/{@code finishedOn}; makes each run's file differ.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.recordTimes", defaultValue = "false")
    private boolean recordTimes;

    /**
     * Where the provenance is written before it is attached.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.provenance.outputDirectory",
            defaultValue = "${project.build.directory}/hermetic-provenance")
    private File outputDirectory;

    /** The lockfile {@code hermetic:verify} checks: the same property. */
    @Parameter(property = "hermetic.verify.lockfile")
    private File lockfile;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final MavenProjectHelper projectHelper;

    private final SettingsDecrypter settingsDecrypter;

    private final RuntimeInformation runtime;

    @Inject
    public ProvenanceMojo(MavenProjectHelper projectHelper, SettingsDecrypter settingsDecrypter,
            RuntimeInformation runtime) {
        super("provenance");
        this.projectHelper = projectHelper;
        this.settingsDecrypter = settingsDecrypter;
        this.runtime = runtime;
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (project.getContextValue(WRITTEN_KEY) != null) {
            getLog().info("Skipping hermetic:provenance: " + project.getId() + " already has its provenance");
            return;
        }
        Instant started = session.getRequest().getStartTime() == null ? Instant.now()
                : session.getRequest().getStartTime().toInstant();
        PassphraseSource.refusePassphraseProperty(
                List.of(session.getUserProperties(), session.getSystemProperties(), project.getProperties()));
        if (signRunsNext("provenance", project, mojoExecution, session)) {
            // Sign reads every file once for its signature; the subjects' digests come from that read.
            Path file = outputFile();
            new PendingProvenance(file, file.getFileName().toString(), required || signRequired,
                    () -> prepare(started), () -> writeAlone(started)).handTo(project);
            getLog().info("The provenance of " + project.getId() + " is made by hermetic:sign, which runs next, from"
                    + " the digests of the bytes it signs, and signed with its key");
            return;
        }
        writeAlone(started);
    }

    /**
     * Writes the provenance on its own: its key from its own settings, every subject hashed here. What it does when
     * {@code hermetic:sign} does not run right after it in the module.
     */
    private void writeAlone(Instant started) throws MojoExecutionException, MojoFailureException {
        boolean keyRequired = required || signRequired;
        SigningEnvironment environment = SigningEnvironment.system();
        SignMojo.KeySettings keySettings = keySettings(keyRequired);
        SigningKeyLoader loader = keySettings.loader(environment, settings(), settingsDecrypter, project.getId());
        if (!keyRequired && !SignMojo.KeySettings.keyFound(loader, project.getId())) {
            getLog().info("Not writing provenance for " + project.getId() + ": no signing key in the "
                    + keySettings.keySource(environment).description() + ". It is signed with hermetic:sign's key"
                    + " (docs/signing.md); -Dhermetic.provenance.required=true (or hermetic.sign.required) makes a"
                    + " missing key fail the build.");
            return;
        }
        SigningKey key;
        try {
            key = loader.load();
        } catch (SigningException e) {
            throw new MojoFailureException("Cannot sign the provenance of " + project.getId() + ": "
                    + e.getMessage(), e);
        }
        List<ResourceDescriptor> subjects = subjects();
        PendingProvenance.Prepared prepared = prepare(started);
        Provenance provenance;
        try {
            provenance = prepared.statement().apply(subjects);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Cannot write the provenance of " + project.getId() + ": "
                    + e.getMessage(), e);
        }
        Path file = outputFile();
        try {
            byte[] line = DsseSigner.sign(provenance, key, "the provenance of " + project.getId()).toJsonLine();
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, line);
        } catch (SigningException e) {
            throw new MojoFailureException("Cannot sign the provenance of " + project.getId() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e
                    + ". Check free space and permissions there.", e);
        }
        attach(file);
        getLog().info(PendingProvenance.written(file.getFileName().toString(), subjects.size(), prepared.summary(),
                key));
    }

    /** Attaches the written provenance (by this goal or by hermetic:sign) and marks the module as having it. */
    static void attach(MavenProjectHelper helper, MavenProject project, Path file) {
        helper.attachArtifact(project, TYPE, null, file.toFile());
        project.setContextValue(WRITTEN_KEY, Boolean.TRUE);
    }

    private void attach(Path file) {
        attach(projectHelper, project, file);
    }

    private Path outputFile() {
        return outputDirectory.toPath().resolve(SignedFilesCollector.repositoryFileName(
                project.getArtifactId(), project.getVersion(), "", TYPE));
    }

    /** All but the subjects: the dependencies (the lockfile's, or hashed here), the source, the parameters. */
    private PendingProvenance.Prepared prepare(Instant started) throws MojoExecutionException, MojoFailureException {
        boolean verified = VerifyOutcome.verifiedAgainstLockfile(session);
        Path lockfilePath = BuildVerifier.lockfile(session, lockfile);
        List<ResourceDescriptor> dependencies = new ArrayList<>(verified ? lockedDependencies(lockfilePath)
                : resolvedDependencies());
        int dependencyCount = dependencies.size();
        Path root = BuildVerifier.root(session);
        ResourceDescriptor source = source(root);
        if (source != null) {
            dependencies.add(source);
        }
        ExternalParameters external = ExternalParameters.of(session.getGoals(),
                BuildVerifier.build(session).profiles(), userProperties(), source, root);
        InternalParameters internal = InternalParameters.current(runtime.getMavenVersion(), plugin.getVersion(),
                verified);
        String summary = dependencyCount + " dependencies ("
                + (verified ? "verified against " + lockfilePath.getFileName() : "resolved, not verified") + ")"
                + (source == null ? ", source unknown (not a git checkout: set hermetic.provenance.sourceUri and"
                        + " sourceCommit)" : "");
        return new PendingProvenance.Prepared(subjects -> new Provenance(subjects, external, internal,
                dependencies, builderId, new RunMetadata(Optional.ofNullable(blankToNull(invocationId)),
                        recordTimes ? Optional.of(started) : Optional.empty(),
                        recordTimes ? Optional.of(Instant.now()) : Optional.empty())), summary);
    }

    /**
     * The files {@code hermetic:sign} signs, each hashed once here. An archive attached or rewritten after
     * {@code hermetic:normalize} is normalized first, as {@code hermetic:sign} would, so the subject is what is
     * deployed.
     */
    private List<ResourceDescriptor> subjects() throws MojoExecutionException, MojoFailureException {
        List<SignedFilesCollector.SignedFile> files = SignedFilesCollector.collect(project).stream()
                .filter(f -> !TYPE.equals(f.extension()))
                .toList();
        Map<SignedFilesCollector.SignedFile, Map<DigestAlgorithm, String>> digests = digests(files);
        if (NormalizationLedger.settingsOf(project) != null) {
            Map<Path, String> sha256ByFile = new LinkedHashMap<>();
            digests.forEach((f, d) -> sha256ByFile.put(f.file(), d.get(DigestAlgorithm.SHA_256)));
            boolean rewritten = NormalizationLedger.normalizeAgainIfConfigured(project, getLog(), sha256ByFile)
                    .stream().anyMatch(r -> r.outcome() == dev.hermetic.archive.NormalizationResult.Outcome.NORMALIZED);
            if (rewritten) {
                digests = digests(files);
            }
        }
        List<ResourceDescriptor> subjects = new ArrayList<>();
        digests.forEach((f, d) -> subjects.add(ResourceDescriptor.file(f.repositoryFileName(), d)));
        return subjects;
    }

    private static Map<SignedFilesCollector.SignedFile, Map<DigestAlgorithm, String>> digests(
            List<SignedFilesCollector.SignedFile> files) throws MojoExecutionException {
        Map<SignedFilesCollector.SignedFile, Map<DigestAlgorithm, String>> digests = new LinkedHashMap<>();
        for (SignedFilesCollector.SignedFile f : files) {
            digests.put(f, hash(f.file(), EnumSet.allOf(DigestAlgorithm.class)));
        }
        return digests;
    }

    /** The file's digests; shared with {@code hermetic:sbom}. */
    static Map<DigestAlgorithm, String> hash(Path file, EnumSet<DigestAlgorithm> algorithms)
            throws MojoExecutionException {
        try {
            return MultiDigest.read(file, algorithms).hex();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + file + " to hash it: " + e
                    + ". Check that the plugin that made it left it in place, readable.", e);
        }
    }

    /**
     * The lockfile's entries this module uses (as verify checked them: no file is hashed again), and the lockfile
     * itself; parsed once per reactor ({@link VerifyOutcome#lockfile}), as for the SBOM.
     */
    private List<ResourceDescriptor> lockedDependencies(Path lockfilePath) throws MojoFailureException {
        Lockfile lock;
        String lockfileSha256;
        try {
            LockfileCache.Read read = VerifyOutcome.lockfile(session, lockfilePath);
            lock = read.lockfile().forBuild(BuildVerifier.build(session).name());
            lockfileSha256 = read.sha256();
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException("Cannot read the lockfile " + lockfilePath + " for the provenance of "
                    + project.getId() + ": " + e.getMessage(), e);
        }
        String module = project.getGroupId() + ":" + project.getArtifactId();
        List<ResourceDescriptor> dependencies = new ArrayList<>();
        for (LockedArtifact locked : lock.artifacts()) {
            if (locked.modules().isEmpty() || locked.modules().contains(module)) { // empty: used by the build as a whole
                dependencies.add(ResourceDescriptor.mavenArtifact(locked.coordinates(),
                        Map.of(lock.algorithm(), locked.digest())));
            }
        }
        Path root = BuildVerifier.root(session).toAbsolutePath().normalize();
        Path absolute = lockfilePath.toAbsolutePath().normalize();
        String name = absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/')
                : absolute.getFileName().toString();
        dependencies.add(ResourceDescriptor.lockfile(name, Map.of(DigestAlgorithm.SHA_256, lockfileSha256)));
        return dependencies;
    }

    /** Without a verified lockfile: the module's resolved artifacts, each hashed once here. */
    private List<ResourceDescriptor> resolvedDependencies() throws MojoExecutionException {
        List<ResourceDescriptor> dependencies = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            if (a.getFile() == null || !a.getFile().isFile()) {
                continue; // a reactor sibling not packaged in this build: built from source, not resolved
            }
            ArtifactCoordinates coordinates = VerifyOutcome.lockfileCoordinates(a);
            dependencies.add(ResourceDescriptor.mavenArtifact(coordinates,
                    hash(a.getFile().toPath(), EnumSet.of(DigestAlgorithm.SHA_256))));
        }
        return dependencies;
    }

    /** The source: the parameters when given, else what {@code .git} says; null when unknown. */
    private ResourceDescriptor source(Path root) throws MojoFailureException {
        try {
            Optional<ResourceDescriptor> fromGit = GitSource.find(project.getBasedir().toPath());
            String commit = blankToNull(sourceCommit);
            if (commit == null) {
                if (fromGit.isEmpty()) {
                    return null;
                }
                commit = fromGit.get().digest().get(ResourceDescriptor.GIT_COMMIT);
            }
            String uri = blankToNull(sourceUri);
            if (uri == null && fromGit.isPresent()) {
                uri = fromGit.get().uri();
            }
            return ResourceDescriptor.gitCommit(uri, commit);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid hermetic.provenance.sourceCommit: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read the git checkout around " + root + " for the provenance's"
                    + " source: " + e.getMessage() + ". Set hermetic.provenance.sourceUri and sourceCommit.", e);
        }
    }

    private Map<String, String> userProperties() {
        Map<String, String> properties = new TreeMap<>();
        session.getUserProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
