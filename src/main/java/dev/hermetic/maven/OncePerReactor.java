package dev.hermetic.maven;

import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/**
 * For an aggregating goal that every module runs: which execution does the reactor's work, once, also under
 * {@code -T}. It is always the reactor's last module that runs the goal, as in a serial build, so that what it
 * attaches goes with the same module whatever the threads do: under {@code -T} that module waits until every other
 * module, except those built after it, has finished (it is the last of Maven's sorted reactor, so nothing waits for
 * it). A module that failed stops the wait, and nothing is done.
 */
final class OncePerReactor {

    private static final long POLL_MILLIS = 50;

    private OncePerReactor() {}

    /**
     * Answers whether this execution does the reactor's work; under {@code -T}, in the module that does, returns once
     * the other modules are built. At most one execution per session answers true.
     *
     * @param goal the aggregating goal's class: its key in the session
     * @param log where the wait is announced
     */
    static boolean claim(Class<?> goal, MavenSession session, MavenProject project, MojoExecution execution,
            org.apache.maven.plugin.logging.Log log) throws MojoExecutionException {
        List<MavenProject> running = session.getProjects().stream().filter(p -> runsGoal(session, execution, p)).toList();
        List<MavenProject> candidates = running.isEmpty() ? session.getProjects() : running;
        MavenProject last = candidates.get(candidates.size() - 1);
        if (!last.getId().equals(project.getId())) {
            return false;
        }
        if (session.isParallel() && !othersBuilt(session, project, log)) {
            return false;
        }
        return session.getRepositorySession().getData().set(goal.getName() + ".done", null, Boolean.TRUE);
    }

    /** Waits until every module but this one and those built after it has finished; false when the build failed. */
    private static boolean othersBuilt(MavenSession session, MavenProject project, org.apache.maven.plugin.logging.Log log)
            throws MojoExecutionException {
        List<MavenProject> after = session.getProjectDependencyGraph().getDownstreamProjects(project, true);
        List<MavenProject> others = session.getProjects().stream()
                .filter(p -> p != project && after.stream().noneMatch(d -> d.getId().equals(p.getId()))).toList();
        boolean announced = false;
        while (true) {
            if (session.getResult().hasExceptions()) {
                log.warn("Not done: the build of another module failed");
                return false;
            }
            List<MavenProject> building = others.stream().filter(p -> session.getResult().getBuildSummary(p) == null).toList();
            if (building.isEmpty()) {
                return true;
            }
            if (!announced) {
                log.info("Waiting for " + building.size() + " module(s) still building (" + building.get(0).getArtifactId()
                        + (building.size() > 1 ? ", ..." : "") + ") before describing the whole reactor");
                announced = true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MojoExecutionException("Interrupted while waiting for the other modules to be built", e);
            }
        }
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
