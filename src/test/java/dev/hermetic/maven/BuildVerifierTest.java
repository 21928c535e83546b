package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildVerifierTest {

    @Test
    void thePluginsGoalsAreKnownByPrefixOrCoordinates() {
        assertThat(BuildVerifier.ownGoal("hermetic:lock")).isEqualTo("lock");
        assertThat(BuildVerifier.ownGoal("dev.hermetic:hermetic-maven-plugin:help")).isEqualTo("help");
        assertThat(BuildVerifier.ownGoal("dev.hermetic:hermetic-maven-plugin:0.1.0:help")).isEqualTo("help");
        assertThat(BuildVerifier.ownGoal("hermetic:verify@again")).isEqualTo("verify");
        assertThat(BuildVerifier.ownGoal("verify")).isNull();
        assertThat(BuildVerifier.ownGoal("spotless:apply")).isNull();
        assertThat(BuildVerifier.ownGoal("org.example:other-plugin:1.0:help")).isNull();
    }

    @Test
    void aBuildLocksWhenAnyOfItsGoalsIsLock() {
        assertThat(BuildVerifier.locking(List.of("verify", "hermetic:lock"))).isTrue();
        assertThat(BuildVerifier.locking(List.of("dev.hermetic:hermetic-maven-plugin:0.1.0:lock"))).isTrue();
        assertThat(BuildVerifier.locking(List.of("verify"))).isFalse();
        assertThat(BuildVerifier.locking(List.of("other:lock"))).isFalse();
    }

    @Test
    void onlyABuildOfNothingButHelpGoesUnverified() {
        assertThat(BuildVerifier.onlyHelp(List.of("hermetic:help"))).isTrue();
        assertThat(BuildVerifier.onlyHelp(List.of("dev.hermetic:hermetic-maven-plugin:0.1.0:help"))).isTrue();
        assertThat(BuildVerifier.onlyHelp(List.of("hermetic:help", "verify"))).as("another goal runs").isFalse();
        assertThat(BuildVerifier.onlyHelp(List.of("help:describe"))).isFalse();
        assertThat(BuildVerifier.onlyHelp(List.of())).as("the POM's default goal runs").isFalse();
    }

    @Test
    void versionsAreOrderedAsMavenComparesThem() {
        List<String> versions = List.of("5", "32", "1.0", "13", "4", "1.0-alpha-1", "1.10", "1.9", "1.0-SNAPSHOT");

        assertThat(versions.stream().sorted(BuildVerifier.VERSION_ORDER))
                .containsExactly("1.0-alpha-1", "1.0-SNAPSHOT", "1.0", "1.9", "1.10", "4", "5", "13", "32");
    }
}
