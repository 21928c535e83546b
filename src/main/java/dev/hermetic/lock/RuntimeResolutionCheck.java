package dev.hermetic.lock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Extension mode, in a build that verifies: checks what plugins resolved since the last check
 * ({@link RuntimeResolutions}' record) against the lockfile. An artifact the lockfile does not hold fails, warns or
 * passes by policy; a changed checksum, a missing file or a use the lockfile does not record (by its usage policy)
 * fails whatever the policy. Each recorded artifact is checked once per plugin that resolved it; under {@code -T}
 * the claim is atomic.
 */
public final class RuntimeResolutionCheck {

    /** The setting of what a run-time resolution the lockfile does not hold does (fail, warn, ignore). */
    public static final String POLICY_PROPERTY = VerifySettings.PREFIX + "runtimeResolutions";

    /** A run-time resolution does not match the lockfile, or cannot be read; the message says which and what to do. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, String> record;
    private final Map<String, String> resolvedBy;
    private final LockfileVerifier verifier;
    private final Policy policy;
    private final Path lockfilePath;
    private final BuildVariant build;
    private final String module;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    /**
     * Arms the check for this build: what the record holds now was verified with the build plan, or is checked at
     * the first {@link #check}.
     *
     * @param record the live record of the resolver's hand-outs ({@link RuntimeResolutions})
     * @param build the build that runs: checked against its own entries of the lockfile
     * @param resolvedBy the plugins that resolved each ({@link RuntimeResolutions})
     * @param policy what an artifact the lockfile does not hold does (see {@link #check}'s {@code notLocked})
     * @param usagePolicy what a use the lockfile does not record does (a locked run-time resolution by another plugin)
     * @param lockfilePath the lockfile's path, for messages
     * @param module the name verified artifacts are reported under
     * @param versionOrder the build tool's order of versions, for messages (see {@link LockfileVerifier})
     */
    public RuntimeResolutionCheck(Map<String, String> record, Map<String, String> resolvedBy, Lockfile lockfile,
            BuildVariant build, List<String> excludes, Policy policy, Policy usagePolicy, Path lockfilePath,
            String module, Comparator<String> versionOrder) {
        this.record = record;
        this.resolvedBy = resolvedBy;
        this.build = Objects.requireNonNull(build, "build");
        // Unused entries ignored, environment not compared: the build plan's verification did both.
        this.verifier = new LockfileVerifier(lockfile, build, excludes, Policy.IGNORE, Policy.IGNORE, usagePolicy,
                versionOrder);
        this.policy = policy;
        this.lockfilePath = lockfilePath;
        this.module = module;
    }

    /** What an artifact the lockfile does not hold does, as configured. */
    public Policy policy() {
        return policy;
    }

    /** The claims already checked (or being checked by another thread): coordinates key and plugin. */
    Set<String> checked() {
        return checked;
    }

    /** Claims everything recorded so far, without checking it (it was checked with the build plan). */
    public void claimRecorded() {
        RuntimeResolutions.uses(record, resolvedBy, module, checked::add);
    }

    /**
     * Checks the artifacts recorded since the last check.
     *
     * @param after the mojo that just ran, for messages
     * @param notLocked what an artifact the lockfile does not hold does here
     * @throws Failure on a checksum mismatch, a missing file, or (policy {@code fail}) an artifact the lockfile does
     *     not hold or a use it does not record
     */
    public void check(String after, Policy notLocked, Consumer<String> warn) throws Failure {
        // Claimed per artifact and plugin, as claimRecorded claims what was resolved before the first mojo.
        List<UsedArtifact> fresh = RuntimeResolutions.uses(record, resolvedBy, module, checked::add);
        if (fresh.isEmpty()) {
            return;
        }
        VerificationReport report;
        try {
            report = verifier.verify(fresh, null);
        } catch (IOException e) {
            throw new Failure("hermetic: cannot read an artifact that " + after + " resolved, to check it against "
                    + lockfilePath + ": " + e.getMessage(), e);
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
                    + (errors.size() == 1 ? "es" : "") + " not match the lockfile " + lockfilePath + ":");
            for (String e : errors) {
                m.append("\n  - ").append(e);
            }
            m.append("\nIf the build now legitimately needs it (e.g. the lockfile was made with -DskipTests), re-lock "
                    + "with the goals you build (`" + build.lockCommand() + "`), review the diff and commit it; to "
                    + "only warn about artifacts that are not locked, set -D" + POLICY_PROPERTY + "=warn (about uses "
                    + "the lockfile does not record: -D" + VerifySettings.PREFIX + "usagePolicy=warn).");
            throw new Failure(m.toString(), null);
        }
    }
}
