package dev.hermetic.maven;

import dev.hermetic.lock.ReactorVerification;
import dev.hermetic.lock.VerifySettings;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.aether.SessionData;

/**
 * Fails the build when what it uses differs from the lockfile: a checksum, an artifact that is not locked, a locked
 * artifact used in a role, scope, module or by a plugin its line does not record, a version that does not pin one
 * artifact, a malformed lockfile; reports unused entries and a different environment.
 *
 * <p>The whole reactor is verified once per build, by the first module that gets here (the others, also under
 * {@code -T}, wait for and share that result): every module's use is checked against the one root lockfile and each
 * file is hashed once.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class VerifyMojo extends LockfileMojo {

    /** Session data key under which the extension records that it verified the build before any mojo ran. */
    static final String VERIFIED_KEY = "dev.hermetic.verified";

    /**
     * Session data key of the build's one verification, which its modules share. Session data, not a static field:
     * a long-lived JVM (mvnd, an IDE) runs several builds, and each has its own repository session.
     */
    static final String RUN_KEY = "dev.hermetic.verifyRun";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The lockfile. Default: {@code hermetic.lock} in the directory Maven was started on (the reactor's root).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.lockfile")
    private File lockfile;

    /**
     * Artifacts neither checked nor reported unused, as patterns {@code groupId[:artifactId[:extension[:version]]]} or
     * {@code groupId:artifactId:extension:classifier:version} with {@code *} wildcards, e.g. {@code org.example:*}.
     * Listed in the log on every run. On the command line: comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.excludes")
    private List<String> excludes;

    /**
     * What to do with a dependency whose version is a range: {@code fail}, {@code warn} or {@code ignore}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.rangePolicy", defaultValue = "fail")
    private String rangePolicy;

    /**
     * What to do with a SNAPSHOT dependency or plugin: {@code fail}, {@code warn} or {@code ignore}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.snapshotPolicy", defaultValue = "fail")
    private String snapshotPolicy;

    /**
     * What to do with a LATEST or RELEASE version: {@code fail}, {@code warn} or {@code ignore}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.metaVersionPolicy", defaultValue = "fail")
    private String metaVersionPolicy;

    /**
     * What to do with a plugin whose version the POM does not write (it comes from Maven's super POM or default
     * bindings, and changes with Maven): {@code fail}, {@code warn} or {@code ignore}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.pluginVersionPolicy", defaultValue = "fail")
    private String pluginVersionPolicy;

    /**
     * What to do with locked artifacts the build no longer uses: {@code fail}, {@code warn} or {@code ignore}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.unusedPolicy", defaultValue = "warn")
    private String unusedPolicy;

    /**
     * Fails (instead of warning) when Maven, Java or the Maven Wrapper distribution differ from the lockfile's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.strict", defaultValue = "false")
    private boolean strict;

    /**
     * Reuses the dependency graphs collected by the last successful verification or lock of an unchanged build (same
     * models, lockfile, Maven, JDK, operating system and user properties), if they name every artifact the lockfile
     * locks, each at its place in the local repository, and everything the modules' models declare (dependencies
     * with their scopes and managed versions, plugins and their dependencies, extensions, parents, imported BOMs).
     * Every file, POMs included, is still hashed and compared with the lockfile. Unset: {@code true}, except on CI
     * (environment variable {@code CI} set), where the local repository may come from a cache someone else wrote;
     * {@code true} there opts in. {@code false} collects every graph again.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.reuseGraphs")
    private String reuseGraphs;

    /**
     * Extension mode only: what to do when a plugin resolves, while it runs, an artifact the lockfile does not hold
     * (checked after each mojo): {@code fail}, {@code warn} or {@code ignore}. A changed checksum always fails, and
     * goals typed on the command line only warn. See docs/lock-verify.md, "Extension mode".
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.runtimeResolutions", defaultValue = "fail")
    private String runtimeResolutions;

    /**
     * What to do when the build uses a locked artifact in a role, scope or module, or for a plugin, that the lockfile
     * does not record (e.g. a jar locked only as a plugin's dependency is now a compile dependency of a module):
     * {@code fail}, {@code warn} or {@code ignore}. Using an artifact less (fewer modules, a partial build) is not
     * reported. See docs/lock-verify.md, "How artifacts are used".
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.usagePolicy", defaultValue = "fail")
    private String usagePolicy;

    @Inject
    public VerifyMojo(ProjectBuilder projectBuilder, ProjectDependenciesResolver dependenciesResolver,
            PluginDependenciesResolver pluginResolver, RuntimeInformation runtime) {
        super("verify", projectBuilder, dependenciesResolver, pluginResolver, runtime);
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoFailureException {
        if (BuildVerifier.locking(session)) {
            getLog().info("hermetic:verify skipped: this build runs hermetic:lock");
            return;
        }
        Object early = session.getRepositorySession().getData().get(VERIFIED_KEY);
        if (early != null) {
            // The summary itself was logged once, as the build started; each module's execution only points to it.
            getLog().info("Verified before the first mojo ran (extension mode): the hermetic:verify summary is at "
                    + "the start of the build");
            return;
        }
        VerifySettings settings = settings();
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> run = claimRun(session.getRepositorySession().getData(), mine);
        if (run == null) {
            try {
                mine.complete(BuildVerifier.verify(collector, session, settings, runtime.getMavenVersion(),
                        getLog()::info, getLog()::warn));
            } catch (ReactorVerification.Failure | RuntimeException e) {
                mine.completeExceptionally(e);
                throw new MojoFailureException(e.getMessage(), e);
            }
            return;
        }
        try {
            getLog().info("Reactor already verified: " + run.get());
        } catch (ExecutionException e) {
            throw new MojoFailureException("The build does not match its lockfile: see the first module's "
                    + "hermetic:verify error above.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("Interrupted while waiting for the reactor's verification", e);
        }
    }

    /**
     * Makes {@code mine} this build's verification unless a module got there first.
     *
     * @return null when the caller is first and must complete {@code mine}; else the run of the module that was
     */
    @SuppressWarnings("unchecked")
    static CompletableFuture<String> claimRun(SessionData data, CompletableFuture<String> mine) {
        // Compare-and-set: in Maven 3.8's resolver SessionData has no computeIfAbsent.
        if (data.set(RUN_KEY, null, mine)) {
            return null;
        }
        return (CompletableFuture<String>) data.get(RUN_KEY);
    }

    private VerifySettings settings() throws MojoFailureException {
        Map<String, String> values = Map.ofEntries(Map.entry("rangePolicy", rangePolicy),
                Map.entry("snapshotPolicy", snapshotPolicy), Map.entry("metaVersionPolicy", metaVersionPolicy),
                Map.entry("pluginVersionPolicy", pluginVersionPolicy), Map.entry("unusedPolicy", unusedPolicy),
                Map.entry("strict", Boolean.toString(strict)),
                Map.entry("reuseGraphs", reuseGraphs == null ? "" : reuseGraphs),
                Map.entry("runtimeResolutions", runtimeResolutions), Map.entry("usagePolicy", usagePolicy),
                Map.entry("excludes", excludes == null ? "" : String.join(",", excludes)));
        try {
            return VerifySettings.from(BuildVerifier.lockfile(session, lockfile), values::get);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
