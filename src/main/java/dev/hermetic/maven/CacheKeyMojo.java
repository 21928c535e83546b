package dev.hermetic.maven;

import dev.hermetic.cachekey.CacheKey;
import dev.hermetic.cachekey.CacheKeyException;
import dev.hermetic.cachekey.CommandProperties;
import dev.hermetic.io.AtomicFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * Prints the build's cache key, {@code sha256:<hex>}, over its tracked sources, lockfile, Maven, JDK, Maven Wrapper,
 * {@code .mvn/} configuration and the command's properties and profiles (docs/cache-key.md); writes it to
 * {@code target/hermetic-cache-key.txt} of the root and sets the property {@code hermetic.cacheKey} of every module.
 * Once per build; needs no network.
 */
@Mojo(name = "cache-key", aggregator = true, threadSafe = true)
public class CacheKeyMojo extends HermeticMojo {

    /** The file under the root's build directory that holds the key. */
    static final String KEY_FILE = "hermetic-cache-key.txt";

    /** The project property that holds the key, for plugins that run later. */
    static final String KEY_PROPERTY = "hermetic.cacheKey";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.cacheKey.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Also prints each component's own hash, to see why two keys differ. {@code -Ddetail} does the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.cacheKey.detail", defaultValue = "false")
    private boolean detail;

    /**
     * The lockfile. Default: {@code hermetic.lock} in the directory Maven was started on (the reactor's root).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.cacheKey.lockfile")
    private File lockfile;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final RuntimeInformation runtime;

    @Inject
    public CacheKeyMojo(RuntimeInformation runtime) {
        super("cache-key");
        this.runtime = runtime;
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Path root = BuildVerifier.root(session);
        Properties user = session.getUserProperties();
        Map<String, String> defines = new HashMap<>();
        user.stringPropertyNames().forEach(name -> defines.put(name, user.getProperty(name)));
        CacheKey.Result result;
        try {
            CommandProperties command = CommandProperties.of(defines, session.getRequest().getActiveProfiles(),
                    session.getRequest().getInactiveProfiles()).withoutMavenConfig(root);
            result = CacheKey.compute(new CacheKey.Inputs(root, BuildVerifier.lockfile(session, lockfile),
                    BuildVerifier.environment(session, runtime.getMavenVersion()), command));
        } catch (CacheKeyException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        getLog().info("Cache key " + result.key());
        if (detail || Boolean.parseBoolean(user.getProperty("detail", "false"))) {
            result.detailLines().forEach(getLog()::info);
        }
        MavenProject top = session.getTopLevelProject();
        Path keyFile = (top != null ? Path.of(top.getBuild().getDirectory()) : root.resolve("target"))
                .resolve(KEY_FILE);
        try {
            AtomicFile.write(keyFile, result.key() + "\n");
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the cache key to " + keyFile + ": " + e, e);
        }
        for (MavenProject project : BuildVerifier.reactor(session)) {
            project.getProperties().setProperty(KEY_PROPERTY, result.key());
        }
        getLog().info("Wrote " + keyFile + "; property " + KEY_PROPERTY + " set in " + modules() + ".");
    }

    private String modules() {
        List<MavenProject> reactor = BuildVerifier.reactor(session);
        return reactor.size() == 1 ? "the project" : "all " + reactor.size() + " modules";
    }
}
