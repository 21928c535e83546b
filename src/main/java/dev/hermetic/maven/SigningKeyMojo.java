package dev.hermetic.maven;

import dev.hermetic.sign.SigningEnvironment;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;

/**
 * A goal that signs with the release key: {@code hermetic:sign} and {@code hermetic:provenance} read the same key
 * from the same sources, under the same {@code hermetic.sign.*} properties. Secrets (key, passphrase) are read from
 * the environment or settings.xml when the goal runs and are never mojo parameters.
 */
abstract class SigningKeyMojo extends ModuleGoalMojo {

    /**
     * File holding the secret key, ASCII-armored or binary, as written by
     * {@code gpg --armor --export-secret-keys <fingerprint>}. When set, it is the only key source (a missing file is
     * an error, even when {@code required} is false); when not set, the key comes from the environment variable
     * named by {@code keyEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.keyFile")
    private File keyFile;

    /**
     * Name of the environment variable holding the ASCII-armored secret key (the variable's value, never this
     * parameter, holds the key).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.keyEnvName", defaultValue = SigningEnvironment.KEY)
    private String keyEnvName;

    /**
     * Fingerprint (40 or 64 hex digits) of the key or subkey to sign with, when the key material holds more than
     * one key that can sign. When not set, the environment variable named by {@code fingerprintEnvName} is read.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.fingerprint")
    private String fingerprint;

    /**
     * Name of the environment variable holding the fingerprint, read when {@code fingerprint} is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.fingerprintEnvName", defaultValue = SigningEnvironment.KEY_FINGERPRINT)
    private String fingerprintEnvName;

    /**
     * Name of the environment variable holding the key's passphrase; unset means the key has none. Ignored when
     * {@code passphraseServerId} is set. There is deliberately no parameter or property for the passphrase itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.passphraseEnvName", defaultValue = SigningEnvironment.PASSPHRASE)
    private String passphraseEnvName;

    /**
     * Id of a settings.xml {@code <server>} whose {@code <passphrase>} (encrypted with
     * {@code mvn --encrypt-password}, or plain) unlocks the key. Takes precedence over {@code passphraseEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.passphraseServerId")
    private String passphraseServerId;

    /**
     * Makes signatures reproducible: every signature carries the build's fixed time ({@code SOURCE_DATE_EPOCH},
     * else {@code project.build.outputTimestamp}) instead of the current time, so signing the same bytes with the
     * same key gives the same {@code .asc}. See docs/signing.md for the trade-off.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.reproducible", defaultValue = "false")
    private boolean reproducible;

    /**
     * The signature time of reproducible signatures when the environment variable {@code SOURCE_DATE_EPOCH} is not
     * set: ISO-8601 (e.g. {@code 2026-01-01T00:00:00Z}) or integer seconds since 1970, as for maven-archiver.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    SigningKeyMojo(String goal) {
        super(goal);
    }

    /** The key settings of these parameters; {@code required}: whether a missing key fails the goal. */
    SignMojo.KeySettings keySettings(boolean required) {
        return new SignMojo.KeySettings(required, keyFile, keyEnvName, fingerprint, fingerprintEnvName,
                passphraseEnvName, passphraseServerId, reproducible, outputTimestamp);
    }

    Settings settings() {
        return settings;
    }

    /**
     * Whether {@code hermetic:sign} runs in this module right after {@code goal}'s {@code execution}, so that it can
     * make the goal's file in its own run from the digests of the bytes it signs ({@link PendingProvenance},
     * {@link PendingSbom}): bound after it ({@link #signRunsAfter}), or typed after it ({@link #signTypedAfter}).
     */
    static boolean signRunsNext(String goal, MavenProject project, MojoExecution execution, MavenSession session) {
        if (execution.getLifecyclePhase() == null) {
            return signTypedAfter(goal, session.getGoals());
        }
        Plugin declared = project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY);
        return declared != null && signRunsAfter(goal, declared.getExecutions(), execution.getExecutionId(),
                execution.getLifecyclePhase());
    }

    /**
     * Whether {@code hermetic:sign} runs in this module after {@code goal}'s execution {@code executionId}, bound to
     * {@code phase}: listed after it in the same execution (docs/provenance.md), or in a later execution of the
     * plugin bound to the same phase (the order of {@link RecommendedBindings}). False for a goal on the command line
     * ({@code phase} null): it runs after the phases.
     */
    static boolean signRunsAfter(String goal, List<PluginExecution> executions, String executionId, String phase) {
        if (phase == null) {
            return false;
        }
        boolean after = false;
        for (PluginExecution e : executions) {
            // Both goals' default phase; LifecyclePhase (compile-time annotations) is not on the plugin's class path.
            String bound = e.getPhase() == null ? "verify" : e.getPhase();
            List<String> goals = e.getGoals();
            if (after && goals.contains("sign") && bound.equals(phase)
                    || e.getId().equals(executionId) && goals.indexOf("sign") > goals.indexOf(goal)) {
                return true;
            }
            after |= e.getId().equals(executionId);
        }
        return false;
    }

    /**
     * Whether {@code goals}, as typed on the command line, name {@code hermetic:sign} after {@code hermetic:<goal>}:
     * Maven runs them in that order in each module.
     */
    static boolean signTypedAfter(String goal, List<String> goals) {
        List<String> own = goals.stream().map(BuildVerifier::ownGoal).toList();
        int index = own.indexOf(goal);
        return index >= 0 && own.subList(index + 1, own.size()).contains("sign");
    }

    /**
     * The one line a module without a key gets: from {@code hermetic:sign}, speaking for {@code hermetic:provenance}
     * too when provenance handed it the provenance to make ({@link PendingProvenance}).
     */
    static String notSigning(String projectId, String keySource, String keyEnvName, boolean withProvenance) {
        return "Not signing " + projectId + (withProvenance ? " nor writing its provenance" : "") + ": no key in the "
                + keySource + ", so no " + (withProvenance ? "signature, digest or provenance" : "signature or digest")
                + " was written or attached. To sign, set " + keyEnvName
                + "=\"$(gpg --armor --export-secret-keys <fingerprint>)\" or hermetic.sign.keyFile;"
                + " -Dhermetic.sign.required=true (for releases) makes a missing key fail the build.";
    }
}
