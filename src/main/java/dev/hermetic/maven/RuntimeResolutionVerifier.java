package dev.hermetic.maven;

import dev.hermetic.lock.Policy;
import dev.hermetic.lock.RuntimeResolutionCheck;
import java.util.Map;
import org.apache.maven.execution.MojoExecutionEvent;
import org.apache.maven.execution.MojoExecutionListener;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extension mode, in a build that verifies: after every mojo, checks what the resolver handed out since the last
 * check (the {@link ResolvedArtifactRecorder}'s record) against the lockfile. Verification before the first mojo
 * covers the build plan; this covers what plugins resolve while they run (Surefire's providers, a code generator's
 * tool jars): an artifact the lockfile does not hold, or whose checksum differs, fails the build right after the
 * mojo that resolved it, naming both. That mojo has already run by then: only Resolver's trusted checksums stop an
 * artifact before its code runs (docs/lock-verify.md).
 *
 * <p>The lifecycle participant arms the {@link RuntimeResolutionCheck} once the build plan is verified; this listener
 * runs it after each mojo and turns its failure into the mojo's.
 *
 * <p>In every extension-mode build (locking ones too) it also tells the {@link ResolvedArtifactRecorder} which plugin
 * each thread runs a mojo of, from the mojo's start to its end, so that run-time resolutions name their plugin.
 */
public class RuntimeResolutionVerifier implements MojoExecutionListener {

    /** Key of the armed {@link RuntimeResolutionCheck} in the repository session's data. */
    static final String KEY = "dev.hermetic.verify.runtime";

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeResolutionVerifier.class);

    @Override
    public void beforeMojoExecution(MojoExecutionEvent event) {
        // Checked after: the resolutions of a mojo are known once it has run. Until then, they are its plugin's.
        Map<Thread, String> running = running(event);
        MojoExecution execution = event.getExecution();
        if (running != null && execution != null && execution.getMojoDescriptor() != null
                && execution.getMojoDescriptor().getPluginDescriptor() != null) {
            running.put(Thread.currentThread(), execution.getGroupId() + ":" + execution.getArtifactId());
        }
    }

    /** The recorder's map of the plugin each thread runs, or null outside extension mode. */
    @SuppressWarnings("unchecked")
    private static Map<Thread, String> running(MojoExecutionEvent event) {
        Object running = event.getSession() == null ? null
                : event.getSession().getRepositorySession().getData().get(ResolvedArtifactRecorder.RUNNING_KEY);
        return running instanceof Map<?, ?> map ? (Map<Thread, String>) map : null;
    }

    /** Nothing of the mojo is left on its thread once it has ended. */
    private static void ended(MojoExecutionEvent event) {
        Map<Thread, String> running = running(event);
        if (running != null) {
            running.remove(Thread.currentThread());
        }
    }

    @Override
    public void afterMojoExecutionSuccess(MojoExecutionEvent event) throws MojoExecutionException {
        ended(event);
        Object armed = event.getSession() == null ? null
                : event.getSession().getRepositorySession().getData().get(KEY);
        if (armed instanceof RuntimeResolutionCheck check) {
            MojoExecution execution = event.getExecution();
            try {
                check.check(describe(execution), notLockedPolicy(execution, check.policy()), LOG::warn);
            } catch (RuntimeResolutionCheck.Failure e) {
                throw new MojoExecutionException(e.getMessage(), e.getCause());
            }
        }
    }

    /**
     * What an unlocked artifact does after {@code execution}: a goal typed on the command line (dependency:tree,
     * help:effective-pom) is not part of the locked build, so what it resolves only warns. (A changed checksum
     * fails whatever asked for the file.)
     */
    static Policy notLockedPolicy(MojoExecution execution, Policy policy) {
        return execution.getSource() == MojoExecution.Source.CLI && policy == Policy.FAIL ? Policy.WARN : policy;
    }

    @Override
    public void afterExecutionFailure(MojoExecutionEvent event) {
        // The build fails anyway, with the mojo's own error.
        ended(event);
    }

    private static String describe(MojoExecution execution) {
        return execution.getArtifactId() + ":" + execution.getGoal() + " (" + execution.getExecutionId() + ")";
    }
}
