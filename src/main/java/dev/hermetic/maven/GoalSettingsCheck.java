package dev.hermetic.maven;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.LifecycleExecutionPlanCalculator;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Extension mode: the settings of this plugin's goals that take one of a few values, checked as the build starts, by
 * the goal's own check, so that a wrong one fails before anything is compiled or tested rather than when its goal's
 * phase comes. Each goal the build runs is checked: an execution of it in a module's POM, or a command-line goal.
 */
final class GoalSettingsCheck {

    /** How a goal checks its planned configuration: the check the mojo itself runs. */
    private interface Check {
        void accept(PlannedMojoConfiguration configuration) throws MojoFailureException;
    }

    private static final Map<String, Check> CHECKS = Map.of(
            "normalize", c -> NormalizeMojo.parseMode(c.text("mode")),
            "lock", c -> LockMojo.parseAlgorithm(c.text("algorithm")));

    private GoalSettingsCheck() {}

    /** @throws MavenExecutionException with the goal's own message, naming the module's POM */
    static void check(MavenSession session, BuildPluginManager plugins, LifecycleExecutionPlanCalculator planner)
            throws MavenExecutionException {
        Set<String> commandLine = session.getGoals().stream().map(BuildVerifier::ownGoal).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        for (MavenProject project : session.getProjects()) {
            Set<String> goals = new TreeSet<>(commandLine);
            Plugin plugin = project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY);
            if (plugin != null) {
                plugin.getExecutions().forEach(e -> goals.addAll(e.getGoals()));
            }
            goals.retainAll(CHECKS.keySet());
            for (String goal : goals) {
                PlannedMojoConfiguration planned = PlannedMojoConfiguration.plan(session, project, goal, plugins,
                        planner);
                if (Boolean.parseBoolean(planned.text("skip"))) {
                    continue;
                }
                try {
                    CHECKS.get(goal).accept(planned);
                } catch (MojoFailureException e) {
                    throw new MavenExecutionException("hermetic: " + e.getMessage(), planned.pomFile());
                }
            }
        }
    }
}
