package dev.hermetic.maven;

import dev.hermetic.buildinfo.Buildinfo;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.io.AtomicFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Writes the Reproducible Builds {@code .buildinfo} of the whole reactor, once, in the root module's
 * {@code target/} as {@code <artifactId>-<version>.buildinfo}, in maven-artifact-plugin's format: every module's
 * POM, main artifact and attachments with their length and SHA-512, as they are when the last module is built
 * (normalized, when {@code hermetic:normalize} runs). Attaches it (type {@code buildinfo}) to the module it runs in,
 * the reactor's last, as maven-artifact-plugin does, so that {@code hermetic:sign} (declared after it), install and
 * deploy take it.
 *
 * <p>Which files are listed follows maven-artifact-plugin 3.6.1's buildinfo goal: javadoc jars are left out (its
 * {@code buildinfo.ignoreJavadoc} default), so are signatures, checksum files and {@code .buildinfo} files.
 */
@Mojo(name = "buildinfo", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class BuildinfoMojo extends ModuleGoalMojo {

    /** Type (and repository extension) of the attached {@code .buildinfo}. */
    static final String TYPE = "buildinfo";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.buildinfo.skip", defaultValue = "false")
    private boolean skip;

    /** The lockfile whose SHA-256 is recorded, as {@code hermetic:verify} finds it. */
    @Parameter(property = "hermetic.verify.lockfile")
    private File lockfile;

    private final MavenProjectHelper projectHelper;
    private final RuntimeInformation runtime;

    @Inject
    public BuildinfoMojo(MavenProjectHelper projectHelper, RuntimeInformation runtime) {
        super("buildinfo");
        this.projectHelper = projectHelper;
        this.runtime = runtime;
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        boolean aggregated = session.getProjects().size() > 1;
        if (aggregated && !OncePerReactor.claim(BuildinfoMojo.class, session, project, mojoExecution, getLog())) {
            getLog().info("hermetic:buildinfo describes the whole reactor once its last module is built");
            return;
        }
        MavenProject root = aggregated ? OncePerReactor.executionRoot(session, project) : project;
        Path file = Path.of(root.getBuild().getDirectory(), root.getArtifactId() + "-" + root.getVersion()
                + ".buildinfo");
        boolean signNext = SigningKeyMojo.signRunsNext("buildinfo", project, mojoExecution, session);
        PendingSbom sbom = signNext ? PendingSbom.peek(project) : null;
        PendingBuildinfo.Plan plan;
        try {
            List<PendingBuildinfo.ModuleFiles> modules = new ArrayList<>();
            for (MavenProject module : aggregated ? session.getProjects() : List.of(project)) {
                modules.add(outputs(module, module.getId().equals(project.getId()) ? sbom : null));
            }
            Path lock = BuildVerifier.lockfile(session, lockfile);
            String lockSha256 = Files.isRegularFile(lock) ? HexDigests.digest(lock, DigestAlgorithm.SHA_256) : null;
            String scmUri = root.getScm() == null ? null : root.getScm().getConnection();
            String scmTag = root.getScm() == null ? null : root.getScm().getTag();
            plan = new PendingBuildinfo.Plan(file, root.getId(), new Buildinfo.Header(root.getName(), root.getGroupId(),
                    root.getArtifactId(), root.getVersion(), scmUri, scmTag, System.getProperty("java.version"),
                    System.getProperty("java.vendor"), System.lineSeparator(), runtime.getMavenVersion(),
                    project.getArtifactId(), lockSha256), aggregated, modules);
        } catch (IOException e) {
            throw new MojoExecutionException("hermetic:buildinfo: cannot read " + e.getMessage(), e);
        }
        PendingBuildinfo.Counts counts = new PendingBuildinfo.Counts();
        PendingBuildinfo pending = new PendingBuildinfo(plan, SignedFilesCollector.repositoryFileName(
                project.getArtifactId(), project.getVersion(), "", TYPE), sbom == null ? List.of()
                : sbom.files().stream().map(PendingSbom.SbomFile::repositoryFileName).toList(), counts,
                () -> writeAlone(plan, counts));
        if (signNext) {
            // Sign reads this module's files once for their signatures; their measures here come from that read.
            pending.handTo(project);
            getLog().info("The .buildinfo is made by hermetic:sign, which runs next in " + project.getId()
                    + ", from the digests of the bytes it signs");
            return;
        }
        pending.writeAlone();
    }

    /** Writes the {@code .buildinfo} on its own: files signed earlier in the build measured by that read. */
    private void writeAlone(PendingBuildinfo.Plan plan, PendingBuildinfo.Counts counts)
            throws MojoExecutionException {
        try {
            Buildinfo buildinfo = plan.measure(SignMojo.recordedDigests(session), counts);
            Files.createDirectories(plan.file().getParent());
            AtomicFile.write(plan.file(), buildinfo.write());
        } catch (IOException e) {
            throw new MojoExecutionException("hermetic:buildinfo: cannot write " + plan.file() + ": "
                    + e.getMessage(), e);
        }
        attach(projectHelper, project, plan, counts, getLog());
    }

    /**
     * Attaches the written {@code .buildinfo} (by this goal or by hermetic:sign) to {@code project} and says so; warns
     * when the root POM has no {@code <scm>}.
     */
    static void attach(MavenProjectHelper helper, MavenProject project, PendingBuildinfo.Plan plan,
            PendingBuildinfo.Counts counts, Log log) {
        if (plan.header().scmUri() == null) {
            log.warn("The POM of " + plan.root() + " has no <scm>: the .buildinfo cannot tell a rebuilder where the sources are. Add"
                    + " <scm><connection>scm:git:URL</connection><tag>TAG</tag></scm>");
        }
        helper.attachArtifact(project, TYPE, plan.file().toFile());
        int modules = plan.modules().size();
        log.info("Wrote " + plan.file() + " (" + plan.files() + " files of " + modules + " module"
                + (modules == 1 ? "" : "s") + ", with their SHA-512), attached to " + project.getId() + "; "
                + counts.describe());
    }

    /**
     * The files of one module maven-artifact-plugin's buildinfo lists: POM, main artifact, attachments; then the
     * SBOM files hermetic:sign will make and attach, when {@code sbom} waits for it.
     */
    private PendingBuildinfo.ModuleFiles outputs(MavenProject module, PendingSbom sbom)
            throws MojoExecutionException {
        List<PendingBuildinfo.OutputFile> outputs = new ArrayList<>();
        String groupId = module.getGroupId();
        if (module.getFile() != null) {
            outputs.add(new PendingBuildinfo.OutputFile(groupId, module.getArtifactId() + "-" + module.getVersion()
                    + ".pom", module.getFile().toPath()));
        }
        Artifact main = module.getArtifact();
        if (main != null && main.getFile() != null) {
            add(outputs, module, main);
        }
        for (Artifact attached : module.getAttachedArtifacts()) {
            String extension = attached.getArtifactHandler().getExtension();
            if (SignedFilesCollector.isSideFile(extension) || TYPE.equals(extension)
                    || "javadoc".equals(attached.getClassifier())) {
                continue;
            }
            add(outputs, module, attached);
        }
        if (sbom != null) {
            sbom.files().forEach(f -> outputs.add(new PendingBuildinfo.OutputFile(groupId, f.repositoryFileName(),
                    f.file())));
        }
        return new PendingBuildinfo.ModuleFiles(groupId, module.getArtifactId(), outputs);
    }

    private void add(List<PendingBuildinfo.OutputFile> outputs, MavenProject module, Artifact artifact)
            throws MojoExecutionException {
        Path file = artifact.getFile().toPath();
        String extension = artifact.getArtifactHandler().getExtension();
        if (Files.isDirectory(file)) {
            if ("pom".equals(extension)) {
                return;
            }
            throw new MojoExecutionException("hermetic:buildinfo: the artifact " + artifact.getId() + " of "
                    + module.getId() + " is the directory " + file + ", not a file: was its packaging meant to be"
                    + " pom?");
        }
        if (!Files.isRegularFile(file)) {
            getLog().warn("Left out of the .buildinfo: " + artifact.getId() + ", whose file " + file
                    + " does not exist");
            return;
        }
        String classifier = artifact.getClassifier() == null ? "" : artifact.getClassifier();
        outputs.add(new PendingBuildinfo.OutputFile(artifact.getGroupId(), SignedFilesCollector.repositoryFileName(
                artifact.getArtifactId(), artifact.getBaseVersion(), classifier, extension), file));
    }
}
