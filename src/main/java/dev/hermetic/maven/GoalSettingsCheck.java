package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactPattern;
import dev.hermetic.lock.VerifySettings;
import dev.hermetic.sign.SigningEnvironment;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.lifecycle.Lifecycle;
import org.apache.maven.lifecycle.internal.LifecycleExecutionPlanCalculator;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Extension mode: the settings of this plugin's goals that can be judged without running the goal, checked as the
 * build starts by the goal's own parse or check, so that a wrong one fails before anything is compiled or tested
 * rather than when its goal's phase comes. Checked: every execution of a goal in a module's POM, every goal on the
 * command line, and hermetic:verify's settings where extension mode verifies. A value only known at run time (an
 * expression extension mode cannot evaluate) is left to the mojo.
 */
final class GoalSettingsCheck {

    /** A goal's own check of some of its settings, run on the planned configuration. */
    interface Check {
        void accept(PlannedMojoConfiguration configuration) throws MojoFailureException;
    }

    /**
     * One check and the parameters it reads (the message says where the culprit among them was set); a check that
     * reads the environment (a key, settings.xml) runs only when the build reaches the goal.
     */
    record Rule(List<String> parameters, boolean onlyWhenItRuns, Check check) {
        Rule(List<String> parameters, Check check) {
            this(parameters, false, check);
        }
    }

    private static final List<String> VERIFY_SETTINGS = List.of("excludes", "rangePolicy", "snapshotPolicy",
            "metaVersionPolicy", "pluginVersionPolicy", "unusedPolicy", "reuseGraphs", "runtimeResolutions",
            "usagePolicy");

    static final Map<String, List<Rule>> RULES = Map.of(
            "normalize", List.of(
                    new Rule(List.of("mode"), c -> NormalizeMojo.parseMode(c.text("mode"))),
                    new Rule(List.of("outputTimestamp"),
                            c -> NormalizeMojo.resolveTimestamp(System.getenv(), c.text("outputTimestamp")))),
            "sign", List.of(new Rule(withKeySettings("required"), true,
                    c -> keySettings(c, Boolean.parseBoolean(c.text("required"))))),
            "provenance", List.of(new Rule(withKeySettings("required", "signRequired"), true,
                    c -> keySettings(c, Boolean.parseBoolean(c.text("required"))
                            || Boolean.parseBoolean(c.text("signRequired"))))),
            "lock", List.of(new Rule(List.of("algorithm"), c -> LockMojo.parseAlgorithm(c.text("algorithm")))),
            "verify", List.of(new Rule(VERIFY_SETTINGS, GoalSettingsCheck::verifySettings)));

    private GoalSettingsCheck() {}

    /** {@code required} parameters, then the key's settings: hermetic:sign's and hermetic:provenance's alike. */
    private static List<String> withKeySettings(String... required) {
        List<String> parameters = new ArrayList<>(List.of(required));
        parameters.addAll(List.of("keyFile", "keyEnvName", "fingerprint", "fingerprintEnvName", "passphraseEnvName",
                "passphraseServerId", "reproducible", "outputTimestamp"));
        return List.copyOf(parameters);
    }

    /** @throws MavenExecutionException with the goal's own message, where the bad value was set */
    static void check(MavenSession session, BuildPluginManager plugins, LifecycleExecutionPlanCalculator planner)
            throws MavenExecutionException {
        Set<String> commandLine = session.getGoals().stream().map(BuildVerifier::ownGoal).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        // Extension mode verifies once, with the settings of the first module that declares the plugin, and the
        // hermetic:verify executions then only say so (VerifyMojo). A build that locks does not verify.
        MavenProject verifying = BuildVerifier.locking(session) ? null
                : PlannedMojoConfiguration.configuringProject(session.getProjects());
        for (MavenProject project : session.getProjects()) {
            for (Execution execution : executions(project, commandLine, project == verifying)) {
                MojoDescriptor descriptor = PlannedMojoConfiguration.descriptor(session, project, execution.goal(),
                        plugins);
                PlannedMojoConfiguration planned = PlannedMojoConfiguration.plan(session, project, descriptor,
                        execution.id(), planner);
                boolean runs = execution.phase() == null
                        || reached(session, execution.phase().isEmpty() ? descriptor.getPhase() : execution.phase());
                Optional<String> problem = problem(planned, execution.goal(), runs);
                if (problem.isPresent()) {
                    throw new MavenExecutionException(problem.get(), planned.pomFile());
                }
            }
        }
    }

    /**
     * A goal of this plugin the build may run in a module, the POM's execution id (null: {@code default-cli}), and
     * the phase it is bound to: null for a goal on the command line, empty for the goal's default phase.
     */
    private record Execution(String goal, String id, String phase) {
    }

    /** What is checked in {@code project}: the goals on the command line, then each execution in its POM. */
    private static List<Execution> executions(MavenProject project, Set<String> commandLine, boolean verifying) {
        Plugin plugin = project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY);
        List<Execution> executions = new ArrayList<>();
        commandLine.forEach(g -> executions.add(
                new Execution(g, PlannedMojoConfiguration.executionId(plugin, g), null)));
        if (plugin != null) {
            for (PluginExecution e : plugin.getExecutions()) {
                e.getGoals().stream().filter(g -> !commandLine.contains(g) && !g.equals("verify")).forEach(g ->
                        executions.add(new Execution(g, e.getId(), e.getPhase() == null ? "" : e.getPhase())));
            }
        }
        executions.removeIf(e -> !RULES.containsKey(e.goal()) || e.goal().equals("verify"));
        if (verifying) { // the configuration extension mode verifies with (HermeticLifecycleParticipant)
            executions.add(new Execution("verify", PlannedMojoConfiguration.executionId(plugin, "verify"), null));
        }
        return executions;
    }

    /**
     * Whether a phase on the command line comes at or after {@code phase} in its lifecycle (Maven's own lists), so
     * that the build reaches an execution bound to it. False when Maven's lifecycles cannot be read: the goal's
     * checks that need it are then left to the goal.
     */
    static boolean reached(MavenSession session, String phase) {
        if (phase == null || session.getContainer() == null) {
            return false;
        }
        try {
            DefaultLifecycles lifecycles = session.getContainer().lookup(DefaultLifecycles.class);
            for (Lifecycle lifecycle : lifecycles.getLifeCycles()) {
                int bound = lifecycle.getPhases().indexOf(phase);
                if (bound >= 0 && session.getGoals().stream()
                        .anyMatch(goal -> lifecycle.getPhases().indexOf(goal) >= bound)) {
                    return true;
                }
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
        return false;
    }

    /**
     * The first problem in the settings of {@code goal}, as the goal itself words it, followed by where the bad value
     * was set; empty when the goal is skipped or nothing is wrong. {@code runs}: the build reaches the goal.
     */
    static Optional<String> problem(PlannedMojoConfiguration planned, String goal, boolean runs) {
        for (String parameter : planned.booleanParameters()) {
            String given = knownBeforeRun(planned, parameter) ? planned.givenText(parameter) : null;
            if (given != null && !given.equalsIgnoreCase("true") && !given.equalsIgnoreCase("false")) {
                return Optional.of(message(planned, "Invalid value '" + given + "' for "
                        + planned.propertyOf(parameter) + " / <" + parameter + ">: use true or false (Maven reads"
                        + " any other value as false).", List.of(parameter)));
            }
        }
        for (String skip : List.of("skip", "skipAll")) {
            if (knownBeforeRun(planned, skip) && Boolean.parseBoolean(planned.text(skip))) {
                return Optional.empty();
            }
        }
        for (Rule rule : RULES.getOrDefault(goal, List.of())) {
            if (rule.onlyWhenItRuns() && !runs
                    || !rule.parameters().stream().allMatch(p -> knownBeforeRun(planned, p))) {
                continue;
            }
            try {
                rule.check().accept(planned);
            } catch (MojoFailureException e) {
                return Optional.of(message(planned, e.getMessage(), rule.parameters()));
            }
        }
        return Optional.empty();
    }

    /** hermetic:verify's settings, read as the mojo reads them, and its exclusion patterns as the verifier does. */
    private static void verifySettings(PlannedMojoConfiguration planned) throws MojoFailureException {
        try {
            VerifySettings.from(Path.of("."), planned::text).excludes().forEach(ArtifactPattern::parse);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /**
     * hermetic:sign's checks before it signs (the passphrase property refused, the key's settings, a key present when
     * {@code required}), with its settings as planned; hermetic:provenance signs with the same key. A key file inside
     * the build directory is left to the goal: the build may write it.
     */
    private static void keySettings(PlannedMojoConfiguration planned, boolean required) throws MojoFailureException {
        MavenSession session = planned.session();
        MavenProject project = planned.project();
        PassphraseSource.refusePassphraseProperty(
                List.of(session.getUserProperties(), session.getSystemProperties(), project.getProperties()));
        String keyFile = planned.text("keyFile");
        String buildDirectory = project.getBuild() == null ? null : project.getBuild().getDirectory();
        if (keyFile != null && buildDirectory != null && Path.of(keyFile).startsWith(Path.of(buildDirectory))) {
            return;
        }
        SignMojo.KeySettings settings = new SignMojo.KeySettings(required,
                keyFile == null ? null : new File(keyFile), planned.text("keyEnvName"), planned.text("fingerprint"),
                planned.text("fingerprintEnvName"), planned.text("passphraseEnvName"),
                planned.text("passphraseServerId"), Boolean.parseBoolean(planned.text("reproducible")),
                planned.text("outputTimestamp"));
        settings.checkBeforeSigning(SigningEnvironment.system(), session.getSettings(), decrypter(session),
                project.getId());
    }

    /** Maven's decrypter of settings.xml passwords, as the mojo gets it injected; null when there is no container. */
    private static SettingsDecrypter decrypter(MavenSession session) {
        try {
            return session.getContainer() == null ? null : session.getContainer().lookup(SettingsDecrypter.class);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The goal's message, then where the parameters whose value it quotes (or whose path it names) were set, else
     * which execution.
     */
    private static String message(PlannedMojoConfiguration planned, String goalMessage, List<String> parameters) {
        List<String> origins = new ArrayList<>();
        for (String parameter : parameters) {
            String given = planned.givenText(parameter);
            String origin = given == null ? null : planned.origin(parameter);
            if (origin != null && Arrays.stream(given.split(",")).map(String::strip).anyMatch(item ->
                    goalMessage.contains("'" + item + "'") || item.contains(File.separator) && goalMessage.contains(item))) {
                origins.add(origin);
            }
        }
        String text = goalMessage.endsWith(".") ? goalMessage : goalMessage + ".";
        return "hermetic: " + text + (origins.isEmpty() ? " In " + planned.where()
                : " Read from " + String.join("; ", origins)) + ".";
    }

    /**
     * Whether extension mode knows the parameter's value before the goal runs: not when it cannot evaluate it, or
     * when an expression is left in it (a property some plugin sets while the build runs).
     */
    private static boolean knownBeforeRun(PlannedMojoConfiguration planned, String parameter) {
        try {
            String given = planned.givenText(parameter);
            return given == null || !given.contains("${");
        } catch (PlannedMojoConfiguration.UnreadableSetting e) {
            return false;
        }
    }
}
