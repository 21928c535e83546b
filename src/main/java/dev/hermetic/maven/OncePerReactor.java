package dev.hermetic.maven;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * For an aggregating goal that every module runs: which execution does the reactor's work, once, also under
 * {@code -T}. Each module records that it is built; the execution after which every module that runs the goal is
 * built (whichever finishes last under {@code -T}), or in a serial build the last module, does it.
 */
final class OncePerReactor {

    private OncePerReactor() {}

    /**
     * Records {@code project} as built for {@code goal} and answers whether this execution does the reactor's work.
     * Exactly one execution per session answers true.
     *
     * @param goal the aggregating goal's class: its key in the session
     */
    @SuppressWarnings("unchecked")
    static boolean claim(Class<?> goal, MavenSession session, MavenProject project, MojoExecution execution) {
        SessionData data = session.getRepositorySession().getData();
        String built = goal.getName() + ".built";
        data.set(built, null, ConcurrentHashMap.newKeySet());
        Set<String> modules = (Set<String>) data.get(built);
        modules.add(project.getId());
        List<MavenProject> projects = session.getProjects();
        boolean complete = projects.stream().filter(p -> runsGoal(session, execution, p))
                .allMatch(p -> modules.contains(p.getId()));
        boolean last = !session.isParallel() && projects.get(projects.size() - 1) == project;
        return (complete || last) && data.set(goal.getName() + ".done", null, Boolean.TRUE);
    }

    /** Whether a module runs the goal: from the command line, or an execution of this plugin in its build. */
    private static boolean runsGoal(MavenSession session, MojoExecution execution, MavenProject module) {
        String goal = execution.getMojoDescriptor().getGoal();
        String plugin = execution.getArtifactId();
        String prefix = execution.getMojoDescriptor().getPluginDescriptor().getGoalPrefix();
        boolean fromCommandLine = session.getGoals().stream()
                .anyMatch(g -> g.equals(prefix + ":" + goal) || (g.contains(plugin) && g.endsWith(":" + goal)));
        return fromCommandLine || module.getBuildPlugins().stream()
                .filter(p -> plugin.equals(p.getArtifactId()))
                .flatMap(p -> p.getExecutions().stream())
                .anyMatch(e -> e.getGoals().contains(goal));
    }

    /** The module Maven was started in, where aggregated reports are written. */
    static MavenProject executionRoot(MavenSession session, MavenProject fallback) {
        return session.getProjects().stream().filter(MavenProject::isExecutionRoot).findFirst()
                .orElse(session.getTopLevelProject() != null ? session.getTopLevelProject() : fallback);
    }
}
