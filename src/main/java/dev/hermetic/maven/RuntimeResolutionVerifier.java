package dev.hermetic.maven;

import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.lock.ArtifactRole;
import dev.hermetic.lock.Finding;
import dev.hermetic.lock.Lockfile;
import dev.hermetic.lock.LockfileVerifier;
import dev.hermetic.lock.Policy;
import dev.hermetic.lock.UsedArtifact;
import dev.hermetic.lock.VerificationReport;
import dev.hermetic.lock.VerifySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
 * <p>The lifecycle participant arms it ({@link #arm}) once the build plan is verified. Each recorded artifact is
 * checked once per build and plugin that resolved it; under {@code -T} the claim is atomic.
 *
 * <p>In every extension-mode build (locking ones too) it also tells the {@link ResolvedArtifactRecorder} which plugin
 * each thread runs a mojo of, from the mojo's start to its end, so that run-time resolutions name their plugin.
 */
public class RuntimeResolutionVerifier implements MojoExecutionListener {

    /** Key of the {@link Armed} state in the repository session's data. */
    static final String KEY = "dev.hermetic.verify.runtime";

    /** The setting of what a run-time resolution the lockfile does not hold does (fail, warn, ignore). */
    static final String POLICY_PROPERTY = VerifySettings.PREFIX + "runtimeResolutions";

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeResolutionVerifier.class);

    /**
     * What a verifying build checks run-time resolutions with.
     *
     * @param record the live record of the resolver's hand-outs: coordinates key to file
     * @param resolvedBy coordinates key to the plugins that resolved it ({@link ResolvedArtifactRecorder})
     * @param verifier the lockfile's verifier (unused entries ignored, environment not compared)
     * @param policy what an artifact the lockfile does not hold does after a lifecycle mojo (a goal typed on the
     *     command line only warns); a checksum mismatch always fails
     * @param lockfile the lockfile's path, for messages
     * @param module the name verified artifacts are reported under
     * @param checked the claims already checked (or being checked by another thread): coordinates key and plugin,
     *     {@link ResolvedArtifactRecorder#runtimeUses}
     */
    record Armed(Map<String, String> record, Map<String, String> resolvedBy, LockfileVerifier verifier, Policy policy,
            Path lockfile, String module, Set<String> checked) {}

    /**
     * Arms the check for this build: what the record holds now was verified with the build plan, or is checked at
     * the first mojo.
     *
     * @param usagePolicy what a use the lockfile does not record does (a locked run-time resolution by another plugin)
     */
    static Armed arm(Map<String, String> record, Map<String, String> resolvedBy, Lockfile lockfile,
            List<String> excludes, Policy policy, Policy usagePolicy, Path lockfilePath,
            String module) {
        LockfileVerifier verifier = new LockfileVerifier(lockfile, excludes, Policy.IGNORE, Policy.IGNORE,
                usagePolicy);
        return new Armed(record, resolvedBy, verifier, policy, lockfilePath, module,
                ConcurrentHashMap.newKeySet());
    }

    /** Claims everything recorded so far, without checking it (it was checked with the build plan). */
    static void claimRecorded(Armed a) {
        ResolvedArtifactRecorder.runtimeUses(a.record(), a.resolvedBy(), a.module(), a.checked()::add);
    }

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
        if (armed instanceof Armed a) {
            MojoExecution execution = event.getExecution();
            check(a, describe(execution), notLockedPolicy(execution, a.policy()), LOG::warn);
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

    /**
     * Checks the artifacts recorded since the last check.
     *
     * @param after the mojo that just ran, for messages
     * @param notLocked what an artifact the lockfile does not hold does here
     * @throws MojoExecutionException on a checksum mismatch, a missing file, or (policy {@code fail}) an artifact
     *     the lockfile does not hold or a use it does not record
     */
    static void check(Armed a, String after, Policy notLocked, Consumer<String> warn)
            throws MojoExecutionException {
        // Claimed per artifact and plugin, as the participant claims what was resolved before the first mojo.
        List<UsedArtifact> fresh = ResolvedArtifactRecorder.runtimeUses(a.record(), a.resolvedBy(), a.module(),
                a.checked()::add);
        if (fresh.isEmpty()) {
            return;
        }
        VerificationReport report;
        try {
            report = a.verifier().verify(fresh, null);
        } catch (IOException e) {
            throw new MojoExecutionException("hermetic: cannot read an artifact that " + after
                    + " resolved, to check it against " + a.lockfile() + ": " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        report.warnings().forEach(f -> warn.accept("hermetic: " + after + " resolved while it ran: " + f));
        for (Finding f : report.errors()) {
            if (f.kind() == Finding.Kind.NOT_IN_LOCKFILE && notLocked != Policy.FAIL) {
                if (notLocked == Policy.WARN) {
                    warn.accept("hermetic: " + after + " resolved while it ran: " + f);
                }
            } else {
                errors.add(f.toString());
            }
        }
        if (!errors.isEmpty()) {
            StringBuilder m = new StringBuilder("hermetic: " + after + " resolved, while it ran, "
                    + (errors.size() == 1 ? "an artifact" : errors.size() + " artifacts") + " that do"
                    + (errors.size() == 1 ? "es" : "") + " not match the lockfile " + a.lockfile() + ":");
            for (String e : errors) {
                m.append("\n  - ").append(e);
            }
            m.append("\nIf the build now legitimately needs it (e.g. the lockfile was made with -DskipTests), re-lock "
                    + "with the goals you build (`mvn verify hermetic:lock`), review the diff and commit it; to only "
                    + "warn about artifacts that are not locked, set -D" + POLICY_PROPERTY + "=warn (about uses the "
                    + "lockfile does not record: -D" + VerifySettings.PREFIX + "usagePolicy=warn).");
            throw new MojoExecutionException(m.toString());
        }
    }

    private static String describe(MojoExecution execution) {
        return execution.getArtifactId() + ":" + execution.getGoal() + " (" + execution.getExecutionId() + ")";
    }
}
