package dev.hermetic.maven;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import dev.hermetic.lock.Lockfile;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositoryListener;
import org.eclipse.aether.RepositorySystemSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extension mode (the plugin declared with {@code <extensions>true</extensions>}): right after Maven has read the
 * projects, and before the first mojo runs,
 * <ul>
 *   <li>pins the JVM defaults that leak into build outputs ({@code Locale.ROOT}, time zone UTC; opt out with
 *       {@code hermetic.pinJvmDefaults=false});</li>
 *   <li>starts recording every artifact the resolver hands out, so that {@code hermetic:lock} also captures what
 *       plugins resolve while they run (Surefire's providers);</li>
 *   <li>verifies the whole build plan against the lockfile (unless this build locks), so a tampered plugin fails
 *       the build before its code is loaded;</li>
 *   <li>then arms {@link RuntimeResolutionVerifier}, which checks after each mojo what it resolved while it ran.</li>
 * </ul>
 */
@Named("hermetic")
@Singleton
public class HermeticLifecycleParticipant extends AbstractMavenLifecycleParticipant {

    static final String GROUP_ID = "dev.hermetic";
    static final String ARTIFACT_ID = "hermetic-maven-plugin";

    private static final Logger LOG = LoggerFactory.getLogger(HermeticLifecycleParticipant.class);

    private final BuildArtifactCollector collector;
    private final RuntimeInformation runtime;

    @Inject
    public HermeticLifecycleParticipant(ProjectBuilder projectBuilder,
            ProjectDependenciesResolver dependenciesResolver, PluginDependenciesResolver pluginResolver,
            RuntimeInformation runtime) {
        this.collector = new BuildArtifactCollector(projectBuilder, dependenciesResolver, pluginResolver);
        this.runtime = runtime;
    }

    @Override
    public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
        RepositorySystemSession repo = session.getRepositorySession();
        // Several modules declare the extension; the participant acts once per build.
        if (repo.getData().get(LockMojo.RESOLVED_KEY) != null) {
            return;
        }
        if (Boolean.parseBoolean(setting(session, "hermetic.skip", null))) {
            LOG.info("hermetic: skipped (hermetic.skip)");
            return;
        }
        if (!"false".equalsIgnoreCase(setting(session, "hermetic.pinJvmDefaults", null))) {
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            LOG.info("hermetic: JVM defaults pinned for this build: Locale.ROOT, time zone UTC "
                    + "(opt out: -Dhermetic.pinJvmDefaults=false)");
        }
        Map<String, String> record = installRecorder(repo);
        if (BuildVerifier.locking(session) || Boolean.parseBoolean(setting(session, "hermetic.verify.skip",
                "skip"))) {
            return;
        }
        VerifySettings settings;
        try {
            String file = setting(session, "hermetic.verify.lockfile", "lockfile");
            settings = VerifySettings.from(file != null ? BuildVerifier.root(session).resolve(file)
                    : BuildVerifier.lockfile(session, null),
                    name -> setting(session, VerifySettings.PREFIX + name, name));
        } catch (IllegalArgumentException e) {
            throw new MavenExecutionException(e.getMessage(), session.getTopLevelProject().getFile());
        }
        Lockfile lockfile;
        try {
            lockfile = BuildVerifier.readLockfile(settings.lockfile());
            String summary = BuildVerifier.verify(collector, session, settings, lockfile, runtime.getMavenVersion(),
                    LOG::info, LOG::warn);
            repo.getData().set(VerifyMojo.VERIFIED_KEY, summary);
        } catch (BuildVerifier.VerifyFailure e) {
            throw new MavenExecutionException("hermetic: verified before any plugin ran. " + e.getMessage(),
                    session.getTopLevelProject().getFile());
        }
        if (record != null) {
            armRuntimeCheck(session, settings, lockfile, record);
        }
    }

    /**
     * From now on, what plugins resolve while they run is checked after each mojo ({@link RuntimeResolutionVerifier}).
     * What the recorder holds at this point was resolved for the verification that just passed: already checked.
     */
    private static void armRuntimeCheck(MavenSession session, VerifySettings settings, Lockfile lockfile,
            Map<String, String> record) {
        @SuppressWarnings("unchecked")
        Map<String, String> resolvedBy = (Map<String, String>) session.getRepositorySession().getData()
                .get(ResolvedArtifactRecorder.RESOLVED_BY_KEY);
        RuntimeResolutionVerifier.Armed armed = RuntimeResolutionVerifier.arm(record, resolvedBy, lockfile,
                settings.excludes(),
                () -> BuildVerifier.fileHashCache(session, lockfile.algorithm(), settings.useCache()),
                settings.runtimePolicy(), settings.usagePolicy(),
                settings.lockfile(), BuildArtifactCollector.moduleName(session.getTopLevelProject()));
        RuntimeResolutionVerifier.claimRecorded(armed);
        session.getRepositorySession().getData().set(RuntimeResolutionVerifier.KEY, armed);
    }

    /**
     * Chains a {@link ResolvedArtifactRecorder} in front of the session's repository listener. Maven makes the
     * repository session read-only before extensions get to run, so this sets the field directly when the setter
     * refuses.
     */
    private static Map<String, String> installRecorder(RepositorySystemSession repo) {
        Map<String, String> record = new ConcurrentHashMap<>();
        Map<String, String> resolvedBy = new ConcurrentHashMap<>();
        Map<Thread, String> running = new ConcurrentHashMap<>();
        if (!(repo instanceof DefaultRepositorySystemSession session)) {
            LOG.warn("hermetic: cannot record resolved artifacts: the repository session is a "
                    + repo.getClass().getName());
            return null;
        }
        RepositoryListener recorder = new ResolvedArtifactRecorder(repo.getRepositoryListener(), record, resolvedBy,
                running);
        try {
            session.setRepositoryListener(recorder);
        } catch (IllegalStateException readOnly) {
            try {
                Field field = DefaultRepositorySystemSession.class.getDeclaredField("repositoryListener");
                field.setAccessible(true);
                field.set(session, recorder);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("hermetic: cannot record resolved artifacts (" + e + "): hermetic:lock will not capture "
                        + "what plugins resolve while they run, and verify will not check it");
                return null;
            }
        }
        repo.getData().set(LockMojo.RESOLVED_KEY, record);
        repo.getData().set(ResolvedArtifactRecorder.RESOLVED_BY_KEY, resolvedBy);
        repo.getData().set(ResolvedArtifactRecorder.RUNNING_KEY, running);
        return record;
    }

    /**
     * A setting as a mojo would see it: user property, system property, this plugin's configuration in the
     * top-level POM (element {@code parameter}), then a POM property.
     */
    static String setting(MavenSession session, String property, String parameter) {
        String v = session.getUserProperties().getProperty(property);
        if (v == null) {
            v = session.getSystemProperties().getProperty(property);
        }
        MavenProject top = session.getTopLevelProject();
        if (v == null && parameter != null && top != null) {
            v = configured(top, parameter);
        }
        if (v == null && top != null) {
            v = top.getProperties().getProperty(property);
        }
        return v;
    }

    private static String configured(MavenProject project, String parameter) {
        Plugin plugin = project.getPlugin(GROUP_ID + ":" + ARTIFACT_ID);
        if (plugin == null) {
            return null;
        }
        List<Object> configurations = new ArrayList<>();
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains("verify")) {
                configurations.add(execution.getConfiguration());
            }
        }
        configurations.add(plugin.getConfiguration());
        for (Object c : configurations) {
            Object child = c == null ? null : call(c, "getChild", parameter);
            if (child != null) {
                Object[] items = (Object[]) call(child, "getChildren", null);
                if (items != null && items.length > 0) {
                    List<String> values = new ArrayList<>();
                    for (Object item : items) {
                        values.add((String) call(item, "getValue", null));
                    }
                    return String.join(",", values);
                }
                return (String) call(child, "getValue", null);
            }
        }
        return null;
    }

    /**
     * Reads the POM configuration DOM by reflection: its class (Xpp3Dom) comes from Maven's core, whose plexus-utils
     * differs from the one this plugin compiles against.
     */
    private static Object call(Object target, String method, String argument) {
        try {
            return argument == null ? target.getClass().getMethod(method).invoke(target)
                    : target.getClass().getMethod(method, String.class).invoke(target, argument);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
