package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

/** Without a key, hermetic:provenance speaks for hermetic:sign only when sign runs after it in the module. */
class SigningKeyMojoTest {

    @Test
    void signRunsAfterAProvenanceExecutionOnlyWhenBoundToTheSamePhaseInALaterExecution() {
        List<PluginExecution> recommended = RecommendedBindings.RECOMMENDED.stream()
                .map(b -> execution(b.id(), b.phase(), b.goal())).toList();
        assertThat(SigningKeyMojo.signRunsAfter("provenance", recommended, "hermetic-provenance", "verify")).isTrue();

        List<PluginExecution> signFirst = List.of(execution("sign", "verify", "sign"),
                execution("provenance", "verify", "provenance"));
        assertThat(SigningKeyMojo.signRunsAfter("provenance", signFirst, "provenance", "verify")).isFalse();
        // A goal on the command line runs after the phases: sign, if bound, has already run and spoken.
        assertThat(SigningKeyMojo.signRunsAfter("provenance", recommended, "default-cli", null)).isFalse();
        // Sign bound without a phase runs in its default phase, verify.
        assertThat(SigningKeyMojo.signRunsAfter("provenance", List.of(execution("provenance", "verify", "provenance"),
                execution("sign", null, "sign")), "provenance", "verify")).isTrue();
        assertThat(SigningKeyMojo.signRunsAfter("provenance", List.of(execution("provenance", "verify", "provenance")),
                "provenance", "verify")).isFalse();
        // One execution with both goals, as docs/provenance.md declares them.
        PluginExecution both = execution("default", null, "provenance");
        both.addGoal("sign");
        assertThat(SigningKeyMojo.signRunsAfter("provenance", List.of(both), "default", "verify")).isTrue();
        PluginExecution reversed = execution("default", null, "sign");
        reversed.addGoal("provenance");
        assertThat(SigningKeyMojo.signRunsAfter("provenance", List.of(reversed), "default", "verify")).isFalse();
        // The SBOM too: sign in a later execution (extension mode), or after it in the same one.
        assertThat(SigningKeyMojo.signRunsAfter("sbom", recommended, "hermetic-sbom", "verify")).isTrue();
        PluginExecution sbomThenSign = execution("default", null, "sbom");
        sbomThenSign.addGoal("sign");
        assertThat(SigningKeyMojo.signRunsAfter("sbom", List.of(sbomThenSign), "default", "verify")).isTrue();
        assertThat(SigningKeyMojo.signRunsAfter("sbom", List.of(execution("default", "verify", "sbom")), "default",
                "verify")).isFalse();
        assertThat(SigningKeyMojo.signTypedAfter("sbom", List.of("package", "hermetic:sbom", "hermetic:sign")))
                .isTrue();
        assertThat(SigningKeyMojo.signTypedAfter("sbom", List.of("package", "hermetic:sign", "hermetic:sbom")))
                .isFalse();
    }

    @Test
    void onTheCommandLineSignRunsAfterProvenanceWhenTypedAfterIt() {
        assertThat(SigningKeyMojo.signTypedAfter("provenance", List.of("package", "hermetic:provenance", "hermetic:sign"))).isTrue();
        assertThat(SigningKeyMojo.signTypedAfter("provenance", List.of("verify", "dev.hermetic:hermetic-maven-plugin:provenance",
                "dev.hermetic:hermetic-maven-plugin:1.0:sign@release"))).isTrue();
        assertThat(SigningKeyMojo.signTypedAfter("provenance", List.of("hermetic:sign", "hermetic:provenance"))).isFalse();
        assertThat(SigningKeyMojo.signTypedAfter("provenance", List.of("package", "hermetic:provenance"))).isFalse();
        assertThat(SigningKeyMojo.signTypedAfter("provenance", List.of("package", "hermetic:provenance", "other:sign"))).isFalse();
    }

    @Test
    void theNoKeyLineSaysWhetherItSpeaksForProvenanceToo() {
        String alone = SigningKeyMojo.notSigning("it.hermetic:app:jar:1.0", "environment variable MAVEN_GPG_KEY",
                "MAVEN_GPG_KEY", false);
        assertThat(alone).isEqualTo("Not signing it.hermetic:app:jar:1.0: no key in the environment variable"
                + " MAVEN_GPG_KEY, so no signature or digest was written or attached. To sign, set MAVEN_GPG_KEY=\"$(gpg --armor"
                + " --export-secret-keys <fingerprint>)\" or hermetic.sign.keyFile; -Dhermetic.sign.required=true"
                + " (for releases) makes a missing key fail the build.");
        assertThat(SigningKeyMojo.notSigning("it.hermetic:app:jar:1.0", "environment variable MAVEN_GPG_KEY",
                "MAVEN_GPG_KEY", true)).isEqualTo("Not signing it.hermetic:app:jar:1.0 nor writing its provenance:"
                + " no key in the environment variable MAVEN_GPG_KEY, so no signature, digest or provenance was written"
                + " or attached."
                + " To sign, set MAVEN_GPG_KEY=\"$(gpg --armor --export-secret-keys <fingerprint>)\" or"
                + " hermetic.sign.keyFile; -Dhermetic.sign.required=true (for releases) makes a missing key fail the"
                + " build.");
    }

    private static PluginExecution execution(String id, String phase, String goal) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setPhase(phase);
        execution.addGoal(goal);
        return execution;
    }
}
