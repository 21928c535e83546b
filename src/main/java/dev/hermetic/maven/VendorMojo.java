package dev.hermetic.maven;

import dev.hermetic.lock.BuildVariant;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.ReactorVerification;
import dev.hermetic.vendor.VendorException;
import dev.hermetic.vendor.Vendoring;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Copies every file the lockfile locks for this build (jars, POMs, parents, BOMs, plugins and their dependencies,
 * what plugins resolve while they run) from the local repository into a directory in Maven repository layout, each
 * checked against the lockfile's checksum on the way, and writes the {@code settings.xml} that makes that directory
 * the build's only repository: then the build needs no network. A second run copies only what changed, and removes
 * what the lockfile no longer holds; a vendored file someone changed is replaced and reported. One mismatch or
 * missing file, and nothing is written. The reactor's own modules are never vendored.
 *
 * <p>Runs once per build: from the command line after its other goals ({@code mvn hermetic:vendor}, also offline,
 * {@code -o}, from a warm local repository); bound in the POM, the first module to get there vendors.
 * See docs/vendor.md.
 */
@Mojo(name = "vendor", aggregator = true, threadSafe = true)
public class VendorMojo extends HermeticMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.vendor.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The lockfile, which decides what is vendored and what each file's checksum must be. Default:
     * {@code hermetic.lock} in the reactor's root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.vendor.lockfile")
    private File lockfile;

    /**
     * The vendored repository. Default: {@code .hermetic/repository} in the reactor's root. It must be new, empty,
     * or written by this goal: files the lockfile does not hold are removed from it. The {@code settings.xml} that
     * uses it is written beside it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.vendor.directory")
    private File directory;

    public VendorMojo() {
        super("vendor");
    }

    /**
     * Also packs the vendored repository and its {@code settings.xml} into one byte-reproducible {@code .tar.gz}
     * beside them ({@code .hermetic/repository.tar.gz}), for a machine without network: there, unpack it into the
     * project's {@code .hermetic/} ({@code tar -xzf repository.tar.gz -C .hermetic}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.vendor.archive", defaultValue = "false")
    private boolean archive;

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        // Bound in every module's build, this aggregator would run in each: the first one vendors.
        if (!session.getRepositorySession().getData().set(VendorMojo.class.getName() + ".done", null, Boolean.TRUE)) {
            getLog().info("hermetic:vendor: already vendored in this build");
            return;
        }
        long start = System.nanoTime();
        Path root = BuildVerifier.root(session);
        Path lockPath = BuildVerifier.lockfile(session, lockfile);
        Lockfile own;
        BuildVariant build;
        try {
            build = BuildVerifier.build(session);
            own = ReactorVerification.readLockfile(lockPath, build).forBuild(build.name());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + ".", e);
        } catch (ReactorVerification.Failure e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        Path target = directory != null ? directory.toPath() : root.resolve(".hermetic/repository");
        RepositorySystemSession repository = session.getRepositorySession();
        Set<String> reactor = BuildArtifactCollector.reactorIds(BuildVerifier.reactor(session));
        Vendoring vendoring;
        try {
            vendoring = Vendoring.run(own, c -> BuildArtifactCollector.inReactor(reactor, c),
                    c -> BuildVerifier.localFile(repository, c), target, root, archive);
        } catch (VendorException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("hermetic:vendor into " + target.toAbsolutePath() + " failed: "
                    + e.getMessage() + ". Check that the local repository is readable, the directory writable and "
                    + "the disk not full.", e);
        }
        vendoring.result().repairs().forEach(r -> getLog().warn("hermetic:vendor: repaired " + r));
        getLog().info(String.format(Locale.ROOT, "hermetic:vendor: %s for build %s: %d artifacts: %s, %.2f s",
                vendoring.directory(), build.describe(), vendoring.artifacts(),
                vendoring.counts(), (System.nanoTime() - start) / 1e9));
        getLog().info("hermetic:vendor: wrote " + vendoring.settings() + "; to build from the vendored repository "
                + "alone, run from " + root + ": " + vendoring.command());
        if (vendoring.archive() != null) {
            getLog().info("hermetic:vendor: " + vendoring.archiveAdvice());
        }
        if (vendoring.gitignoreAdvice() != null) {
            getLog().warn("hermetic:vendor: " + vendoring.gitignoreAdvice());
        }
    }
}
