package dev.hermetic.maven;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.ReactorVerification;
import dev.hermetic.lock.RuntimeResolutionCheck;
import dev.hermetic.lock.VerifySettings;
import dev.hermetic.sbom.CycloneDxSbom;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.LifecycleExecutionPlanCalculator;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositoryListener;
import org.eclipse.aether.RepositorySystemSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extension mode (the plugin declared with {@code <extensions>true</extensions>}, or named in
 * {@code .mvn/extensions.xml}): right after Maven has read the projects, and before the first mojo runs,
 * <ul>
 *   <li>adds the {@link RecommendedBindings} where the POM leaves them to it;</li>
 *   <li>starts the SBOM's serialization warm-up when the build will run {@code hermetic:sbom} (in a build
 *       extension's realm, the mojos' own), so that it overlaps Maven's work before that goal;</li>
 *   <li>pins the JVM defaults that leak into build outputs ({@code Locale.ROOT}, time zone UTC; opt out with
 *       {@code hermetic.pinJvmDefaults=false}) until the session ends;</li>
 *   <li>starts recording every artifact the resolver hands out, so that {@code hermetic:lock} also captures what
 *       plugins resolve while they run (Surefire's providers);</li>
 *   <li>verifies the whole build plan against the lockfile (unless this build locks), so a tampered plugin fails
 *       the build before its code is loaded;</li>
 *   <li>then arms {@link RuntimeResolutionVerifier}, which checks after each mojo what it resolved while it ran.</li>
 * </ul>
 * A build that runs only {@code hermetic:help} gets nothing else. Its settings are hermetic:verify's parameters, read as
 * Maven would configure that mojo ({@link PlannedMojoConfiguration}).
 */
@Named("hermetic")
@Singleton
public class HermeticLifecycleParticipant extends AbstractMavenLifecycleParticipant {

    static final String GROUP_ID = "dev.hermetic";
    static final String ARTIFACT_ID = "hermetic-maven-plugin";

    /** hermetic:sbom's default phase, for an execution that names none. */
    private static final String SBOM_DEFAULT_PHASE = "verify";

    private static final Logger LOG = LoggerFactory.getLogger(HermeticLifecycleParticipant.class);

    /**
     * Key, in {@link MavenProject#getContextValue(String)}, of the version at which extension mode added this plugin
     * to a module whose POM does not declare it: the version {@code .mvn/extensions.xml} names, so a pinned one.
     */
    static final String ADDED_VERSION_KEY = "dev.hermetic.addedPluginVersion";

    /** Extension mode only (no mojo has it): {@code false} leaves the JVM's Locale and TimeZone alone. */
    static final String PIN_PROPERTY = "hermetic.pinJvmDefaults";
    /** Session data key of the {@link JvmDefaults} that pinning replaced, restored when the session ends. */
    private static final String JVM_DEFAULTS_KEY = "dev.hermetic.jvmDefaultsBefore";

    private final BuildArtifactCollector collector;
    private final RuntimeInformation runtime;
    private final BuildPluginManager pluginManager;
    private final LifecycleExecutionPlanCalculator planner;

    @Inject
    public HermeticLifecycleParticipant(ProjectBuilder projectBuilder,
            ProjectDependenciesResolver dependenciesResolver, PluginDependenciesResolver pluginResolver,
            RuntimeInformation runtime, BuildPluginManager pluginManager, LifecycleExecutionPlanCalculator planner) {
        this.collector = new BuildArtifactCollector(projectBuilder, dependenciesResolver, pluginResolver);
        this.runtime = runtime;
        this.pluginManager = pluginManager;
        this.planner = planner;
    }

    @Override
    public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
        RepositorySystemSession repo = session.getRepositorySession();
        // Several modules declare the extension; the participant acts once per build.
        if (repo.getData().get(LockMojo.RESOLVED_KEY) != null || session.getProjects().isEmpty()) {
            return;
        }
        try {
            prepare(session);
        } catch (PlannedMojoConfiguration.UnreadableSetting e) {
            restoreJvmDefaults(session);
            throw new MavenExecutionException("hermetic: " + e.getMessage() + ". Extension mode stops rather than "
                    + "verify with settings the POM does not say: fix that setting.",
                    session.getTopLevelProject().getFile());
        } catch (MavenExecutionException | RuntimeException e) {
            // Maven does not call afterSessionEnd when this method fails.
            restoreJvmDefaults(session);
            throw e;
        }
    }

    private void prepare(MavenSession session) throws MavenExecutionException {
        // Even for hermetic:help, whose prefix resolves only through a module's plugins as a core extension.
        addRecommendedBindings(session);
        startSbomWarmUp(session);
        if (BuildVerifier.onlyHelp(session.getGoals())) {
            return;
        }
        RepositorySystemSession repo = session.getRepositorySession();
        // Read as hermetic:verify would get them in the project where it runs first.
        PlannedMojoConfiguration verify = PlannedMojoConfiguration.plan(session,
                PlannedMojoConfiguration.configuringProject(session.getProjects()), "verify", pluginManager, planner);
        if (Boolean.parseBoolean(verify.text("skipAll"))) {
            LOG.info("hermetic: skipped (hermetic.skip)");
            return;
        }
        checkGoalSettings(session);
        if (!"false".equalsIgnoreCase(verify.property(PIN_PROPERTY))) {
            repo.getData().set(JVM_DEFAULTS_KEY, JvmDefaults.pin());
            LOG.info("hermetic: JVM defaults pinned for this build: Locale.ROOT, time zone UTC "
                    + "(opt out: -D" + PIN_PROPERTY + "=false); restored when the build ends");
        }
        Map<String, String> record = installRecorder(repo);
        if (BuildVerifier.locking(session) || Boolean.parseBoolean(verify.text("skip"))) {
            return;
        }
        VerifySettings settings;
        try {
            String file = verify.text("lockfile");
            settings = VerifySettings.from(BuildVerifier.lockfile(session, file == null ? null : new File(file)),
                    verify::text);
        } catch (IllegalArgumentException e) {
            throw new MavenExecutionException(e.getMessage(), verify.pomFile());
        }
        Lockfile lockfile;
        try {
            lockfile = BuildVerifier.readLockfile(session, settings);
            String summary = BuildVerifier.verify(collector, session, settings, lockfile, runtime.getMavenVersion(),
                    LOG::info, LOG::warn);
            repo.getData().set(VerifyMojo.VERIFIED_KEY, summary);
        } catch (ReactorVerification.Failure e) {
            throw new MavenExecutionException("hermetic: verification failed before any plugin ran: "
                    + e.getMessage(), session.getTopLevelProject().getFile());
        }
        if (record != null) {
            armRuntimeCheck(session, settings, lockfile, record);
        }
    }

    /**
     * Gives the {@link RecommendedBindings}, before Maven plans the build, to each module that declares the plugin as
     * an extension with no executions and, when this plugin is a core extension ({@code .mvn/extensions.xml}), to
     * each module whose POM does not declare it, by adding the plugin itself (this version). Maven copies the
     * plugin's configuration into each declared execution while it builds the model; these are added after that, so
     * they get a copy here. Runs once, before any mojo: no other thread touches the models yet.
     */
    private static void addRecommendedBindings(MavenSession session) throws MavenExecutionException {
        boolean coreExtension = isCoreExtensionRealm(HermeticLifecycleParticipant.class.getClassLoader());
        List<RecommendedBindings.Binding> added = List.of();
        int modules = 0;
        String ownVersion = null;
        int pluginAddedTo = 0;
        for (MavenProject project : session.getProjects()) {
            Plugin plugin = project.getBuild().getPluginsAsMap().get(PlannedMojoConfiguration.PLUGIN_KEY);
            if (RecommendedBindings.addsPlugin(coreExtension, plugin != null)) {
                if (ownVersion == null) {
                    ownVersion = ownVersion(session);
                }
                project.getBuild().addPlugin(pluginWithRecommendedBindings(project, ownVersion));
                project.getBuild().flushPluginMap();
                project.setContextValue(ADDED_VERSION_KEY, ownVersion);
                pluginAddedTo++;
                continue;
            }
            if (plugin == null || !plugin.isExtensions()) {
                continue;
            }
            List<RecommendedBindings.Binding> bindings = RecommendedBindings.toAdd(!plugin.getExecutions().isEmpty());
            addExecutions(plugin, bindings);
            if (!bindings.isEmpty()) {
                added = bindings;
                modules++;
            }
        }
        if (modules > 0) {
            LOG.info(RecommendedBindings.notice(added, modules));
        }
        if (pluginAddedTo > 0) {
            LOG.info(RecommendedBindings.coreExtensionNotice(PlannedMojoConfiguration.PLUGIN_KEY + ":" + ownVersion,
                    pluginAddedTo));
        }
    }

    /**
     * Starts cyclonedx-core-java's first serialization ({@link CycloneDxSbom#warmUpInBackground}) now, while Maven's
     * own work before hermetic:sbom mostly leaves a core idle, when the build will run an sbom execution.
     */
    private static void startSbomWarmUp(MavenSession session) {
        List<String> sbomPhases = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        for (MavenProject project : session.getProjects()) {
            Plugin plugin = project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY);
            for (PluginExecution execution : plugin == null ? List.<PluginExecution>of() : plugin.getExecutions()) {
                if (execution.getGoals().contains("sbom")) {
                    sbomPhases.add(execution.getPhase() == null ? SBOM_DEFAULT_PHASE : execution.getPhase());
                    if (execution.getConfiguration() instanceof Xpp3Dom configuration
                            && configuration.getChild("format") != null) {
                        formats.add(configuration.getChild("format").getValue());
                    }
                }
            }
        }
        boolean onCommandLine = session.getGoals().stream().anyMatch(g -> "sbom".equals(BuildVerifier.ownGoal(g)));
        Properties properties = new Properties();
        properties.putAll(session.getSystemProperties());
        properties.putAll(session.getUserProperties());
        if (startsSbomWarmUp(sbomPhases, onCommandLine, phase -> GoalSettingsCheck.reached(session, phase),
                properties, isCoreExtensionRealm(HermeticLifecycleParticipant.class.getClassLoader()))) {
            formats.add(properties.getProperty("hermetic.sbom.format", ""));
            CycloneDxSbom.warmUpInBackground(formats.stream()
                    .anyMatch(f -> f != null && List.of("xml", "all").contains(f.trim())));
        }
    }

    /**
     * Whether to warm up the SBOM's serialization in this realm: the build runs hermetic:sbom (on the command line,
     * or an execution bound to a phase it {@code reaches}), neither {@code hermetic.skip} nor
     * {@code hermetic.sbom.skip} is set, and the mojos load their classes from this participant's realm (a build
     * extension's, not {@code .mvn/extensions.xml}'s, whose static state the mojos never see).
     */
    static boolean startsSbomWarmUp(List<String> sbomPhases, boolean sbomOnCommandLine, Predicate<String> reaches,
            Properties properties, boolean coreExtension) {
        return !coreExtension
                && !Boolean.parseBoolean(properties.getProperty("hermetic.skip"))
                && !Boolean.parseBoolean(properties.getProperty("hermetic.sbom.skip"))
                && (sbomOnCommandLine || sbomPhases.stream().anyMatch(reaches));
    }

    private static String ownVersion(MavenSession session) throws MavenExecutionException {
        try {
            return PlannedMojoConfiguration.ownVersion();
        } catch (IOException e) {
            throw new MavenExecutionException("hermetic: cannot add the plugin to the modules that do not declare it: "
                    + e.getMessage() + "; declare the plugin in the POM", session.getTopLevelProject().getFile());
        }
    }

    /**
     * This plugin at {@code version}, with the recommended executions, for a module whose POM does not declare it;
     * with the configuration of the module's {@code <pluginManagement>} entry for it if there is one, as Maven would
     * have merged it into a declaration.
     */
    static Plugin pluginWithRecommendedBindings(MavenProject project, String version) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(GROUP_ID);
        plugin.setArtifactId(ARTIFACT_ID);
        plugin.setVersion(version);
        PluginManagement management = project.getBuild().getPluginManagement();
        Plugin managed = management == null ? null
                : management.getPluginsAsMap().get(PlannedMojoConfiguration.PLUGIN_KEY);
        if (managed != null && managed.getConfiguration() instanceof Xpp3Dom configuration) {
            plugin.setConfiguration(new Xpp3Dom(configuration));
        }
        addExecutions(plugin, RecommendedBindings.RECOMMENDED);
        return plugin;
    }

    private static void addExecutions(Plugin plugin, List<RecommendedBindings.Binding> bindings) {
        for (RecommendedBindings.Binding binding : bindings) {
            PluginExecution execution = new PluginExecution();
            execution.setId(binding.id());
            execution.setPhase(binding.phase());
            execution.addGoal(binding.goal());
            if (plugin.getConfiguration() instanceof Xpp3Dom configuration) {
                execution.setConfiguration(new Xpp3Dom(configuration));
            }
            plugin.addExecution(execution);
        }
        plugin.flushExecutionMap();
    }

    /**
     * Whether {@code loader} is the realm of a core extension ({@code .mvn/extensions.xml}): Maven names it
     * {@code coreExtension>groupId:artifactId:version}, a build extension's {@code extension>...}. The realm's type
     * is not visible from here, so its id is read by name.
     */
    static boolean isCoreExtensionRealm(ClassLoader loader) {
        try {
            return loader.getClass().getMethod("getId").invoke(loader) instanceof String id
                    && id.startsWith("coreExtension>");
        } catch (ReflectiveOperationException | RuntimeException notARealm) {
            return false;
        }
    }

    /**
     * Runs {@link GoalSettingsCheck} with Maven's container realm as the context class loader: Maven's components
     * (its lifecycles) are not visible from a core extension's realm, the context Maven calls this participant in.
     */
    private void checkGoalSettings(MavenSession session) throws MavenExecutionException {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        if (session.getContainer() != null) {
            thread.setContextClassLoader(session.getContainer().getContainerRealm());
        }
        try {
            GoalSettingsCheck.check(session, pluginManager, planner);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /** Gives a long-lived JVM (mvnd, an IDE) its own Locale and TimeZone back. */
    @Override
    public void afterSessionEnd(MavenSession session) {
        restoreJvmDefaults(session);
    }

    private static void restoreJvmDefaults(MavenSession session) {
        RepositorySystemSession repo = session.getRepositorySession();
        if (repo != null && repo.getData().get(JVM_DEFAULTS_KEY) instanceof JvmDefaults before) {
            repo.getData().set(JVM_DEFAULTS_KEY, null);
            before.restore();
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
        RuntimeResolutionCheck armed = new RuntimeResolutionCheck(record, resolvedBy, lockfile,
                BuildVerifier.build(session), settings.excludes(),
                settings.runtimePolicy(), settings.usagePolicy(),
                settings.lockfile(), BuildArtifactCollector.moduleName(session.getTopLevelProject()),
                BuildVerifier.VERSION_ORDER);
        armed.claimRecorded();
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
}
