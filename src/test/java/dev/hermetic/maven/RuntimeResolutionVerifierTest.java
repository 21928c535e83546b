package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.lock.Policy;
import org.junit.jupiter.api.Test;

/** The check itself is dev.hermetic.lock.RuntimeResolutionCheckTest's; here, what only Maven's side decides. */
class RuntimeResolutionVerifierTest {

    @Test
    void aGoalTypedOnTheCommandLineOnlyWarnsWhereALifecycleMojoFails() {
        org.apache.maven.plugin.descriptor.MojoDescriptor tree = new org.apache.maven.plugin.descriptor.MojoDescriptor();
        tree.setGoal("tree");
        org.apache.maven.plugin.MojoExecution typed = new org.apache.maven.plugin.MojoExecution(tree, "default-cli",
                org.apache.maven.plugin.MojoExecution.Source.CLI);
        org.apache.maven.plugin.MojoExecution bound = new org.apache.maven.plugin.MojoExecution(tree, "in-lifecycle",
                org.apache.maven.plugin.MojoExecution.Source.LIFECYCLE);

        assertThat(RuntimeResolutionVerifier.notLockedPolicy(typed, Policy.FAIL)).isEqualTo(Policy.WARN);
        assertThat(RuntimeResolutionVerifier.notLockedPolicy(bound, Policy.FAIL)).isEqualTo(Policy.FAIL);
        assertThat(RuntimeResolutionVerifier.notLockedPolicy(typed, Policy.IGNORE)).isEqualTo(Policy.IGNORE);
    }
}
