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
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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
public class BuildinfoMojo extends HermeticMojo {

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

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

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
        Buildinfo buildinfo;
        int files = 0;
        try {
            List<Buildinfo.Module> modules = new ArrayList<>();
            for (MavenProject module : aggregated ? session.getProjects() : List.of(project)) {
                Buildinfo.Module outputs = outputs(module);
                files += outputs.outputs().size();
                modules.add(outputs);
            }
            Path lock = BuildVerifier.lockfile(session, lockfile);
            String lockSha256 = Files.isRegularFile(lock) ? HexDigests.digest(lock, DigestAlgorithm.SHA_256) : null;
            String scmUri = root.getScm() == null ? null : root.getScm().getConnection();
            String scmTag = root.getScm() == null ? null : root.getScm().getTag();
            buildinfo = new Buildinfo(new Buildinfo.Header(root.getName(), root.getGroupId(), root.getArtifactId(),
                    root.getVersion(), scmUri, scmTag, System.getProperty("java.version"),
                    System.getProperty("java.vendor"), System.lineSeparator(), runtime.getMavenVersion(),
                    project.getArtifactId(), lockSha256), aggregated, modules);
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, buildinfo.write());
        } catch (IOException e) {
            throw new MojoExecutionException("hermetic:buildinfo: cannot write " + file + ": " + e.getMessage(), e);
        }
        if (root.getScm() == null) {
            getLog().warn("The POM of " + root.getId() + " has no <scm>: the .buildinfo cannot tell a rebuilder where"
                    + " the sources are. Add <scm><connection>scm:git:URL</connection><tag>TAG</tag></scm>");
        }
        projectHelper.attachArtifact(project, "buildinfo", file.toFile());
        getLog().info("Wrote " + file + " (" + files + " files of " + buildinfo.modules().size() + " module"
                + (buildinfo.modules().size() == 1 ? "" : "s") + ", with their SHA-512), attached to "
                + project.getId());
    }

    /** The files of one module maven-artifact-plugin's buildinfo lists: POM, main artifact, attachments. */
    private Buildinfo.Module outputs(MavenProject module) throws IOException, MojoExecutionException {
        List<Buildinfo.Output> outputs = new ArrayList<>();
        String groupId = module.getGroupId();
        if (module.getFile() != null) {
            outputs.add(Buildinfo.Output.of(groupId, module.getArtifactId() + "-" + module.getVersion() + ".pom",
                    module.getFile().toPath()));
        }
        Artifact main = module.getArtifact();
        if (main != null && main.getFile() != null) {
            add(outputs, module, main);
        }
        for (Artifact attached : module.getAttachedArtifacts()) {
            String extension = attached.getArtifactHandler().getExtension();
            if (SignedFilesCollector.isSideFile(extension) || "buildinfo".equals(extension)
                    || "javadoc".equals(attached.getClassifier())) {
                continue;
            }
            add(outputs, module, attached);
        }
        return new Buildinfo.Module(groupId, module.getArtifactId(), outputs);
    }

    private void add(List<Buildinfo.Output> outputs, MavenProject module, Artifact artifact)
            throws IOException, MojoExecutionException {
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
        outputs.add(Buildinfo.Output.of(artifact.getGroupId(), SignedFilesCollector.repositoryFileName(
                artifact.getArtifactId(), artifact.getBaseVersion(), classifier, extension), file));
    }
}
