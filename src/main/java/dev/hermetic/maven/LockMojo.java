package dev.hermetic.maven;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactFileException;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.BuildVariant;
import dev.hermetic.lock.LockedArtifact;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileDrift;
import dev.hermetic.lock.LockfileReader;
import dev.hermetic.lock.LockfileWriter;
import dev.hermetic.lock.RuntimeResolutions;
import dev.hermetic.lock.TrustedChecksumsWriter;
import dev.hermetic.lock.UnpinnedVersion;
import dev.hermetic.lock.UsedArtifact;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Writes the reactor's one lockfile: every artifact the build uses (dependencies of every module in every scope,
 * plugins of the build plan up to {@code deploy} and their dependencies, build extensions, parent POMs, BOMs, the POM
 * of each, and, in extension mode, whatever plugins resolved while this build ran), with its checksum, and the
 * environment. Runs once per build, after the other goals of the command line: lock with
 * {@code mvn verify hermetic:lock}. The lockfile serves several builds ({@link BuildVariant}: {@code -P} profiles,
 * {@code -Dhermetic.build}): this build's entries replace what it held for this build, other builds' are kept.
 */
@Mojo(name = "lock", aggregator = true, threadSafe = true)
public class LockMojo extends LockfileMojo {

    /** Session data key of the extension's record of everything resolved during this build. */
    static final String RESOLVED_KEY = "dev.hermetic.resolved";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.lock.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The lockfile. Default: {@code hermetic.lock} in the directory Maven was started on (the reactor's root).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.lock.lockfile")
    private File lockfile;

    /**
     * Digest algorithm: {@code SHA-256} or {@code SHA-512}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.lock.algorithm", defaultValue = "SHA-256")
    private String algorithm;

    /**
     * Fails instead of writing when the lockfile would change (for CI).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.lock.check", defaultValue = "false")
    private boolean check;

    /**
     * Also writes Maven Resolver's trusted-checksums file ({@code .mvn/checksums/checksums.sha256}) and the
     * {@code .mvn/maven.config} lines that make Maven 3.9+ check every artifact as it is resolved, before its code
     * runs.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.lock.resolverChecksums", defaultValue = "false")
    private boolean resolverChecksums;

    @Inject
    public LockMojo(ProjectBuilder projectBuilder, ProjectDependenciesResolver dependenciesResolver,
            PluginDependenciesResolver pluginResolver, RuntimeInformation runtime) {
        super("lock", projectBuilder, dependenciesResolver, pluginResolver, runtime);
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        DigestAlgorithm digestAlgorithm = parseAlgorithm(algorithm);
        Path root = BuildVerifier.root(session);
        Path file = BuildVerifier.lockfile(session, lockfile);
        BuildVariant build;
        try {
            build = BuildVerifier.build(session);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + ".", e);
        }

        List<MavenProject> projects = BuildVerifier.reactor(session);
        BuildArtifactCollector.Collected collected;
        try {
            collected = collector.collect(session, projects);
        } catch (BuildCollectionException e) {
            throw new MojoExecutionException(e.getMessage() + " Build once online (e.g. `mvn verify`), then lock "
                    + "again.", e);
        }
        // Locked all the same; hermetic:verify applies its policies to these.
        collected.versionFindings().stream().map(UnpinnedVersion::message).distinct()
                .forEach(m -> getLog().warn(m));
        List<UsedArtifact> used = new ArrayList<>(collected.used());
        addRuntimeRecord(projects, used, build);

        Lockfile lock;
        try {
            lock = Lockfile.create(used, digestAlgorithm,
                    BuildVerifier.environment(session, runtime.getMavenVersion()), build);
        } catch (ArtifactFileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot lock: " + e.getMessage(), e);
        }
        Lockfile earlier = earlier(file, build);
        if (runsNoPluginFirst(session.getGoals())) {
            lock = keepRuntimeCaptures(earlier, lock, projects, build);
        }
        Optional<String> reminder = earlier == null ? Optional.empty() : earlier.otherBuildsReminder(lock);
        if (earlier != null) {
            try {
                lock = earlier.relock(lock);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("Cannot lock " + file + ": " + e.getMessage(), e);
            }
        }
        try {
            if (check) {
                Optional<LockfileDrift> drift = LockfileDrift.between(file, lock);
                if (drift.isPresent()) {
                    // The lockfile it would write, for `diff`: the message shows only the first lines.
                    Path proposed = Path.of(session.getTopLevelProject().getBuild().getDirectory())
                            .resolve(file.getFileName());
                    if (!drift.get().missing()) {
                        try {
                            LockfileWriter.write(lock, proposed);
                        } catch (IOException e) {
                            throw new MojoExecutionException(drift.get().message(proposed, build.lockCommand())
                                    + " (Cannot write " + proposed + ": " + e.getMessage() + ".)", e);
                        }
                    }
                    throw new MojoFailureException(drift.get().message(proposed, build.lockCommand()));
                }
            } else {
                LockfileWriter.write(lock, file);
                // The next verification of this unchanged build reuses this collection instead of repeating it.
                StoredArtifactLists.write(StoredArtifactLists.file(session.getRepositorySession().getLocalRepository()
                        .getBasedir().toPath(), projects, file, runtime.getMavenVersion(),
                        StoredArtifactLists.environment(session.getUserProperties())), collected);
                if (resolverChecksums) {
                    Path summary = TrustedChecksumsWriter.write(lock, root.resolve(TrustedChecksumsWriter.DEFAULT_DIRECTORY));
                    TrustedChecksumsWriter.mergeMavenConfig(root.resolve(".mvn/maven.config"),
                            TrustedChecksumsWriter.mavenConfigLines(digestAlgorithm));
                    getLog().info("Wrote " + summary + " and the trusted-checksums lines of .mvn/maven.config: "
                            + "Maven 3.9+ now checks every artifact as it is resolved");
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage()
                    + ". Check that the directory is writable.", e);
        }
        long bytes = used.stream().map(UsedArtifact::file).distinct().mapToLong(f -> f.toFile().length()).sum();
        Lockfile own = lock.forBuild(build.name());
        // Counted in what is written: the entries kept from earlier locks are captured at run time too.
        long captured = own.artifacts().stream().filter(a -> a.roles().contains(ArtifactRole.RUNTIME)).count();
        String others = lock.builds().size() == 1 ? "" : "; the lockfile locks " + lock.builds().size() + " builds ("
                + lock.builds().stream().map(BuildVariant::name).collect(Collectors.joining(", ")) + "), "
                + lock.artifacts().size() + " artifacts in all";
        getLog().info(String.format(Locale.ROOT, "hermetic:lock: %s %s for build %s: %d artifacts (%d captured at run "
                + "time), %d %s, %.1f MB hashed, %.2f s%s", check ? "checked" : "wrote", file, build.describe(),
                own.artifacts().size(), captured, projects.size(), projects.size() == 1 ? "module" : "modules",
                bytes / 1e6, (System.nanoTime() - start) / 1e9, others));
        if (!check) {
            reminder.ifPresent(m -> getLog().warn("hermetic:lock: " + m));
        }
    }

    /**
     * The lockfile this lock replaces, to keep its other builds' entries; null when there is none, or when it cannot
     * be read (then this lock writes this build alone, and says so: an unreadable file's advice is to lock again).
     */
    private Lockfile earlier(Path file, BuildVariant build) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return LockfileReader.read(file, build.lockCommand());
        } catch (IOException e) {
            getLog().warn("hermetic:lock: cannot read " + file + " (" + e.getMessage() + "): this lock replaces it "
                    + "with build " + build.describe() + " alone; if it locked other builds, lock each of them "
                    + "again.");
            return null;
        }
    }

    /**
     * Whether no lifecycle phase and no other plugin's goal comes before {@code hermetic:lock} on this command line:
     * then no plugin ran in this invocation, so nothing it resolves while it runs could be captured.
     */
    static boolean runsNoPluginFirst(List<String> goals) {
        for (String goal : goals) {
            String own = BuildVerifier.ownGoal(goal);
            if (own == null) {
                return false;
            }
            if (own.equals("lock")) {
                return true;
            }
        }
        return false; // bound in the POM: runs within the phases, after their plugins
    }

    /**
     * The new lockfile plus the entries earlier locks of this build captured at run time, which this invocation could
     * not capture again (dropping them would fail the next build); says how many in one line, and how to refresh
     * them.
     *
     * @param earlier the lockfile this lock replaces, or null
     */
    private Lockfile keepRuntimeCaptures(Lockfile earlier, Lockfile lock, List<MavenProject> projects,
            BuildVariant build) {
        if (earlier == null || earlier.build(build.name()).isEmpty()) {
            return lock;
        }
        String refresh = "run `" + build.lockCommand() + "` to capture them again.";
        Set<String> reactor = BuildArtifactCollector.reactorIds(projects);
        List<LockedArtifact> kept = RuntimeResolutions.capturedEarlier(earlier.forBuild(build.name()), lock,
                c -> BuildArtifactCollector.inReactor(reactor, c));
        if (kept.isEmpty()) {
            return lock;
        }
        if (earlier.algorithm() != lock.algorithm()) {
            getLog().warn("hermetic:lock: dropped " + kept.size() + " artifacts that earlier locks captured at run "
                    + "time: their checksums are " + earlier.algorithm().jcaName() + ", this lock writes "
                    + lock.algorithm().jcaName() + "; " + refresh);
            return lock;
        }
        getLog().info("hermetic:lock: kept " + kept.size() + (kept.size() == 1 ? " artifact" : " artifacts")
                + " that earlier locks captured at run time (no plugin ran before this lock to resolve them again); "
                + "to refresh them, run `" + build.lockCommand() + "`.");
        return lock.plus(kept);
    }

    static DigestAlgorithm parseAlgorithm(String algorithm) throws MojoFailureException {
        try {
            return DigestAlgorithm.parse(algorithm);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("hermetic.lock.algorithm: " + e.getMessage(), e);
        }
    }

    /**
     * Adds what plugins resolved while this build ran (recorded by the extension), as role RUNTIME, naming the plugin
     * that resolved it.
     */
    private void addRuntimeRecord(List<MavenProject> projects, List<UsedArtifact> used, BuildVariant build) {
        Object record = session.getRepositorySession().getData().get(RESOLVED_KEY);
        if (!(record instanceof Map<?, ?> map)) {
            getLog().warn("Artifacts that plugins resolve while they run (e.g. Surefire's test-framework providers) "
                    + "are not captured: declare this plugin with <extensions>true</extensions> and lock with "
                    + "`" + build.lockCommand() + "`.");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> resolved = (Map<String, String>) map;
        @SuppressWarnings("unchecked")
        Map<String, String> resolvedBy = (Map<String, String>) session.getRepositorySession().getData()
                .get(ResolvedArtifactRecorder.RESOLVED_BY_KEY);
        Set<String> reactor = BuildArtifactCollector.reactorIds(projects);
        Set<ArtifactCoordinates> planned = used.stream().map(UsedArtifact::coordinates).collect(Collectors.toSet());
        String module = BuildArtifactCollector.moduleName(session.getTopLevelProject());
        List<UsedArtifact> added = RuntimeResolutions.beyondPlan(
                RuntimeResolutions.uses(resolved, resolvedBy, module, claim -> true), planned,
                c -> BuildArtifactCollector.inReactor(reactor, c));
        used.addAll(added);
    }
}
