package dev.hermetic.maven;

import dev.hermetic.audit.Audit;
import dev.hermetic.audit.AuditReport;
import dev.hermetic.audit.BuildFacts;
import dev.hermetic.audit.ConsoleReport;
import dev.hermetic.audit.JsonReport;
import dev.hermetic.audit.KnownIssues;
import dev.hermetic.audit.Level;
import dev.hermetic.audit.MarkdownReport;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.lock.VerifySettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.LifecycleExecutionPlanCalculator;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Grades how hermetic the build is, on the levels Basic, Bronze, Silver, Gold and Platinum, and lists every check
 * with its evidence and one fix: plugin and dependency versions, the JDK, repositories, the Maven Wrapper, the
 * lockfile (verified as {@code hermetic:verify} does, without failing), Resolver's trusted checksums, the output
 * timestamp, plugins with known non-reproducible versions, normalization, line endings, signing, the digest manifest,
 * provenance, the SBOM, the .buildinfo and a compared rebuild (docs/audit.md). Prints a table, and writes
 * {@code target/hermetic-audit.md} (to paste into a pull request) and {@code target/hermetic-audit.json} in the root
 * module. Reports only, unless {@code hermetic.audit.failBelow} names a level the build must reach.
 *
 * <p>Runs once per reactor, also under {@code -T}: each module records that it is built, and the execution that
 * completes the reactor audits all of it. Offline: it reads the models, the files at the build's root and what the
 * local repository holds.
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = true)
public class AuditMojo extends LockfileMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.audit.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Fails the build when it is below this level: {@code BRONZE}, {@code SILVER}, {@code GOLD} or {@code PLATINUM}
     * (any case). The message names the level reached, the level required and the fixes. Unset: report only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.audit.failBelow")
    private String failBelow;

    /**
     * A file of plugins with known non-reproducible versions (format in docs/audit.md): each plugin it names replaces
     * the built-in entry, the others are added. A relative path is taken from the directory Maven runs in.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.audit.knownIssues")
    private String knownIssues;

    /**
     * The lockfile the {@code lockfile} check verifies the build against. Default: as {@code hermetic:verify} is
     * configured, else {@code hermetic.lock} in the directory Maven was started on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.verify.lockfile")
    private File lockfile;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    private final BuildPluginManager pluginManager;
    private final LifecycleExecutionPlanCalculator planner;

    @Inject
    public AuditMojo(ProjectBuilder projectBuilder, ProjectDependenciesResolver dependenciesResolver,
            PluginDependenciesResolver pluginResolver, RuntimeInformation runtime, BuildPluginManager pluginManager,
            LifecycleExecutionPlanCalculator planner) {
        super("audit", projectBuilder, dependenciesResolver, pluginResolver, runtime);
        this.pluginManager = pluginManager;
        this.planner = planner;
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Level required = null;
        if (failBelow != null && !failBelow.isBlank()) {
            try {
                required = Level.parse(failBelow, "hermetic.audit.failBelow");
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage());
            }
        }
        if (!OncePerReactor.claim(AuditMojo.class, session, project, mojoExecution, getLog())) {
            getLog().info("hermetic:audit audits the whole reactor once its last module gets here");
            return;
        }
        MavenProject root = OncePerReactor.executionRoot(session, project);
        Path target = Path.of(root.getBuild().getDirectory());
        BuildFactsReader reader = new BuildFactsReader(session);
        AuditReport report;
        try {
            KnownIssues issues = knownIssues == null || knownIssues.isBlank() ? KnownIssues.builtIn()
                    : KnownIssues.withUserFile(Path.of(session.getExecutionRootDirectory()).resolve(knownIssues));
            VerifySettings settings = verifySettings();
            String mavenVersion = runtime.getMavenVersion();
            BuildFacts facts = new BuildFacts(mavenVersion, Runtime.version().feature(),
                    mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion(), reader.modules(),
                    reader.repositories(), reader.wrapper(), reader.gitattributes(), reader.resolverProperties(),
                    reader.lockfile(settings, collector, mavenVersion, getLog()::debug),
                    reader.comparisons());
            report = new Audit(issues, BuildVerifier.VERSION_ORDER).run(facts);
        } catch (KnownIssues.KnownIssuesException e) {
            throw new MojoFailureException("hermetic:audit: the known issues file " + e.getMessage()
                    + " (hermetic.audit.knownIssues; format in docs/audit.md)");
        } catch (IOException e) {
            throw new MojoFailureException("hermetic:audit: " + e.getMessage());
        }
        Path markdown = target.resolve("hermetic-audit.md");
        Path json = target.resolve("hermetic-audit.json");
        for (String line : ConsoleReport.lines(report, markdown.toString())) {
            getLog().info(line);
        }
        try {
            AtomicFile.write(markdown, MarkdownReport.write(report));
            AtomicFile.write(json, JsonReport.write(report));
        } catch (IOException e) {
            throw new MojoExecutionException("hermetic:audit: cannot write the reports in " + target + ": "
                    + e.getMessage(), e);
        }
        getLog().info("Reports: " + markdown + ", " + json);
        if (required != null && !report.reaches(required)) {
            throw new MojoFailureException(report.belowMessage(required, "hermetic.audit.failBelow", markdown.toString()));
        }
    }

    /**
     * hermetic:verify's settings as the build configures that goal (its lockfile, exclusions and policies), so the
     * audit judges the lockfile as verify would; this goal's own {@code lockfile} wins.
     */
    private VerifySettings verifySettings() throws MojoFailureException {
        try {
            PlannedMojoConfiguration verify = PlannedMojoConfiguration.plan(session,
                    PlannedMojoConfiguration.configuringProject(session.getProjects()), "verify", pluginManager,
                    planner);
            String configured = verify.text("lockfile");
            File file = lockfile != null ? lockfile : configured == null ? null : new File(configured);
            return VerifySettings.from(BuildVerifier.lockfile(session, file), verify::text);
        } catch (PlannedMojoConfiguration.UnreadableSetting | IllegalArgumentException e) {
            throw new MojoFailureException("hermetic:audit: cannot read hermetic:verify's settings: "
                    + e.getMessage());
        }
    }
}
