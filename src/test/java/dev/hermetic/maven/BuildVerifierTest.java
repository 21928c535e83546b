package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.lock.BuildVariant;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Profile;
import org.eclipse.aether.DefaultRepositorySystemSession;
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

    private static BuildVariant buildOf(MavenExecutionRequest request) {
        return BuildVerifier.build(new MavenSession(null, new DefaultRepositorySystemSession(), request,
                new DefaultMavenExecutionResult()));
    }

    @Test
    void theBuildIsNamedByTheRequestedProfilesLeavingOutThoseOfSettings() {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().setUserProperties(new Properties());
        Profile mirror = new Profile();
        mirror.setId("company-mirror");
        // Settings' <activeProfiles> reach the request mixed with -P; its profiles are known by id.
        request.addProfile(mirror);
        request.addActiveProfile("company-mirror");
        assertThat(buildOf(request)).isEqualTo(BuildVariant.DEFAULT);

        request.addActiveProfile("release");
        request.addInactiveProfile("quick");
        assertThat(buildOf(request)).isEqualTo(new BuildVariant("!quick+release", List.of("!quick", "release")));

        request.getUserProperties().setProperty("hermetic.build", "nightly");
        assertThat(buildOf(request).name()).isEqualTo("nightly");
        assertThat(buildOf(request).lockCommand())
                .isEqualTo("mvn verify hermetic:lock '-P!quick,release' -Dhermetic.build=nightly");
    }
}
