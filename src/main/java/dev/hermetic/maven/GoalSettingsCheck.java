package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactPattern;
import dev.hermetic.lock.VerifySettings;
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
import org.apache.maven.lifecycle.internal.LifecycleExecutionPlanCalculator;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;

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

    /** One check and the parameters it reads; the message says where the culprit among them was set. */
    record Rule(List<String> parameters, Check check) {
    }

    private static final List<String> VERIFY_SETTINGS = List.of("excludes", "rangePolicy", "snapshotPolicy",
            "metaVersionPolicy", "pluginVersionPolicy", "unusedPolicy", "reuseGraphs", "runtimeResolutions",
            "usagePolicy");

    static final Map<String, List<Rule>> RULES = Map.of(
            "normalize", List.of(
                    new Rule(List.of("mode"), c -> NormalizeMojo.parseMode(c.text("mode"))),
                    new Rule(List.of("outputTimestamp"),
                            c -> NormalizeMojo.resolveTimestamp(System.getenv(), c.text("outputTimestamp")))),
            "lock", List.of(new Rule(List.of("algorithm"), c -> LockMojo.parseAlgorithm(c.text("algorithm")))),
            "verify", List.of(new Rule(VERIFY_SETTINGS, GoalSettingsCheck::verifySettings)));

    private GoalSettingsCheck() {}

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
                Optional<String> problem = problem(planned, execution.goal());
                if (problem.isPresent()) {
                    throw new MavenExecutionException(problem.get(), planned.pomFile());
                }
            }
        }
    }

    /** A goal of this plugin the build runs in a module, and the POM's execution id (null: {@code default-cli}). */
    private record Execution(String goal, String id) {
    }

    /** What is checked in {@code project}: the goals on the command line, then each execution in its POM. */
    private static List<Execution> executions(MavenProject project, Set<String> commandLine, boolean verifying) {
        Plugin plugin = project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY);
        List<Execution> executions = new ArrayList<>();
        commandLine.forEach(g -> executions.add(new Execution(g, PlannedMojoConfiguration.executionId(plugin, g))));
        if (plugin != null) {
            for (PluginExecution e : plugin.getExecutions()) {
                e.getGoals().stream().filter(g -> !commandLine.contains(g))
                        .forEach(g -> executions.add(new Execution(g, e.getId())));
            }
        }
        if (verifying && executions.stream().noneMatch(e -> e.goal().equals("verify"))) {
            executions.add(new Execution("verify", null));
        }
        executions.removeIf(e -> !RULES.containsKey(e.goal()) || e.goal().equals("verify") && !verifying);
        return executions;
    }

    /**
     * The first problem in the settings of {@code goal}, as the goal itself words it, followed by where the bad value
     * was set; empty when the goal is skipped or nothing is wrong.
     */
    static Optional<String> problem(PlannedMojoConfiguration planned, String goal) {
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
            if (!rule.parameters().stream().allMatch(p -> knownBeforeRun(planned, p))) {
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

    /** The goal's message, then where the parameters whose value it quotes were set (else which execution). */
    private static String message(PlannedMojoConfiguration planned, String goalMessage, List<String> parameters) {
        List<String> origins = new ArrayList<>();
        for (String parameter : parameters) {
            String given = planned.givenText(parameter);
            String origin = given == null ? null : planned.origin(parameter);
            if (origin != null && Arrays.stream(given.split(","))
                    .anyMatch(item -> goalMessage.contains("'" + item.strip() + "'"))) {
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
