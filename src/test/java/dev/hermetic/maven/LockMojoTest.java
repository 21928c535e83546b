package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LockMojoTest {

    @Test
    void aLockWithNoPhaseOrOtherGoalBeforeItRunsNoPlugin() {
        assertThat(LockMojo.runsNoPluginFirst(List.of("hermetic:lock"))).isTrue();
        assertThat(LockMojo.runsNoPluginFirst(List.of("hermetic:help", "dev.hermetic:hermetic-maven-plugin:0.1.0:lock")))
                .isTrue();
        assertThat(LockMojo.runsNoPluginFirst(List.of("hermetic:lock", "verify"))).as("lock runs first").isTrue();
        assertThat(LockMojo.runsNoPluginFirst(List.of("verify", "hermetic:lock"))).isFalse();
        assertThat(LockMojo.runsNoPluginFirst(List.of("surefire:test", "hermetic:lock"))).isFalse();
        assertThat(LockMojo.runsNoPluginFirst(List.of("verify"))).as("bound in the POM, after the phase's plugins")
                .isFalse();
    }
}
