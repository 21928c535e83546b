package dev.hermetic.maven;

import static dev.hermetic.maven.PlannedMojoConfigurationTest.plan;
import static dev.hermetic.maven.PlannedMojoConfigurationTest.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extension mode judges each goal's settings with the goal's own check, on the configuration Maven will give the
 * mojo, and says where the bad value was set.
 */
class GoalSettingsCheckTest {

    @TempDir
    Path dir;

    @Test
    void aBadModeOnTheCommandLineIsTheMojosMessageAndTheProperty() throws Exception {
        assertThat(problem("normalize", null, Map.of("hermetic.normalize.mode", "bogus"))).contains("hermetic:"
                + " Invalid compression mode 'bogus' (hermetic.normalize.mode / <mode>): use portable (the default) or"
                + " fast. Read from -Dhermetic.normalize.mode (command line or .mvn/maven.config).");
    }

    @Test
    void aBadPolicyInThePomNamesTheExecutionAndThePom() throws Exception {
        assertThat(problem("verify", "<configuration><rangePolicy>sometimes</rangePolicy></configuration>", Map.of()))
                .contains("hermetic: Invalid value 'sometimes' for hermetic.verify.rangePolicy: use one of fail, warn,"
                        + " ignore. Read from <rangePolicy> in execution 'run' of " + pom() + ".");
    }

    @Test
    void aBadExclusionPatternIsRefusedByTheVerifiersOwnParser() throws Exception {
        assertThat(problem("verify", null, Map.of("hermetic.verify.excludes", "org.example:*,org example")))
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("hermetic: Invalid artifact pattern 'org example': expected groupId")
                        .endsWith("Read from -Dhermetic.verify.excludes (command line or .mvn/maven.config)."));
    }

    @Test
    void aBooleanThatIsNeitherTrueNorFalseIsRefusedRatherThanReadAsFalse() throws Exception {
        MavenProject project = project(dir, null, "run", "sign", "<configuration/>");
        project.getProperties().setProperty("hermetic.sign.required", "ture");
        assertThat(GoalSettingsCheck.problem(plan(project, "sign", Map.of()), "sign", true)).contains("hermetic: Invalid"
                + " value 'ture' for hermetic.sign.required / <required>: use true or false (Maven reads any other"
                + " value as false). Read from the property hermetic.sign.required of " + pom() + ".");
        assertThat(problem("lock", "<configuration><check>TRUE</check></configuration>", Map.of())).isEmpty();
    }

    @Test
    void aBadOutputTimestampFailsWithNormalizesMessage() throws Exception {
        MavenProject project = project(dir, null, "run", "normalize", "<configuration/>");
        project.getProperties().setProperty("project.build.outputTimestamp", "last tuesday");
        assertThat(GoalSettingsCheck.problem(plan(project, "normalize", Map.of()), "normalize", true))
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("hermetic: Invalid build timestamp: project.build.outputTimestamp='last tuesday'")
                        .endsWith("Read from the property project.build.outputTimestamp of " + pom() + "."));
    }

    @Test
    void aBadAlgorithmWithoutAnOriginSaysWhichExecution() throws Exception {
        // Only the default-cli goal's plugin-level configuration: "in the plugin's <configuration>".
        MavenProject project = project(dir, "<configuration><algorithm>MD5</algorithm></configuration>", "run",
                "verify", null);
        assertThat(GoalSettingsCheck.problem(plan(project, "lock", Map.of()), "lock", true))
                .hasValueSatisfying(m -> assertThat(m).startsWith("hermetic: hermetic.lock.algorithm:")
                        .contains("'MD5'").endsWith(" in the plugin's <configuration> of " + pom() + "."));
    }

    @Test
    void signsKeySettingsAreJudgedBySignsOwnChecksWhenTheBuildReachesSign() throws Exception {
        PlannedMojoConfiguration badFingerprint = plan(project(dir, null, "release", "sign", "<configuration/>"),
                "sign", Map.of("hermetic.sign.fingerprint", "DEADBEEF"));
        assertThat(GoalSettingsCheck.problem(badFingerprint, "sign", true)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("hermetic: Cannot sign it.hermetic:app:jar:1.0: hermetic.sign.fingerprint 'DEADBEEF' is a"
                        + " short key ID, not a fingerprint")
                .endsWith("Read from -Dhermetic.sign.fingerprint (command line or .mvn/maven.config)."));
        // The key and settings.xml are the environment's: not judged in a build that does not sign.
        assertThat(GoalSettingsCheck.problem(badFingerprint, "sign", false)).isEmpty();

        Path missing = dir.resolve("keys/secret.asc");
        assertThat(signProblem("<keyFile>" + missing + "</keyFile>", Map.of())).hasValueSatisfying(m -> assertThat(m)
                .startsWith("hermetic: Cannot sign it.hermetic:app:jar:1.0: The key file " + missing
                        + " does not exist")
                .endsWith("Read from <keyFile> in execution 'release' of " + pom() + "."));
        assertThat(signProblem("<required>true</required><keyEnvName>HERMETIC_TEST_UNSET_KEY</keyEnvName>", Map.of()))
                .hasValueSatisfying(m -> assertThat(m).startsWith("hermetic: Cannot sign it.hermetic:app:jar:1.0: No"
                        + " signing key found (tried environment variable HERMETIC_TEST_UNSET_KEY)"));
        assertThat(signProblem("<keyEnvName>HERMETIC_TEST_UNSET_KEY</keyEnvName>",
                Map.of("hermetic.sign.passphrase", "secret"))).hasValueSatisfying(m -> assertThat(m)
                .startsWith("hermetic: The property hermetic.sign.passphrase is set").doesNotContain("secret'"));
        assertThat(signProblem("<keyEnvName>HERMETIC_TEST_UNSET_KEY</keyEnvName>", Map.of())).isEmpty();
    }

    @Test
    void provenanceRequiredByItsOwnFlagOrBySignsFailsWithoutAKeyAsSignWould() throws Exception {
        String noKey = "<configuration><keyEnvName>HERMETIC_TEST_UNSET_KEY</keyEnvName></configuration>";
        for (String required : List.of("hermetic.provenance.required", "hermetic.sign.required")) {
            assertThat(problem("provenance", noKey, Map.of(required, "true"))).as(required)
                    .hasValueSatisfying(m -> assertThat(m).startsWith("hermetic: Cannot sign it.hermetic:app:jar:1.0:"
                            + " No signing key found (tried environment variable HERMETIC_TEST_UNSET_KEY)"));
        }
        assertThat(problem("provenance", noKey, Map.of())).isEmpty();
    }

    @Test
    void aKeyFileTheBuildMayWriteIsLeftToTheMojo() throws Exception {
        MavenProject project = project(dir, null, "release", "sign",
                "<configuration><keyFile>" + dir.resolve("target/key.asc") + "</keyFile></configuration>");
        project.getBuild().setDirectory(dir.resolve("target").toString());
        assertThat(GoalSettingsCheck.problem(plan(project, "sign", Map.of()), "sign", true)).isEmpty();
    }

    @Test
    void aSkippedGoalAndAValueOnlyKnownAtRunTimeAreLeftToTheMojo() throws Exception {
        assertThat(problem("normalize", "<configuration><mode>bogus</mode><skip>true</skip></configuration>",
                Map.of())).isEmpty();
        assertThat(problem("normalize", null, Map.of("hermetic.normalize.mode", "bogus", "hermetic.skip", "true")))
                .isEmpty();
        // A property no POM or -D sets: some plugin may set it while the build runs.
        assertThat(problem("verify", "<configuration><rangePolicy>x-${set.later}</rangePolicy></configuration>",
                Map.of())).isEmpty();
    }

    @Test
    void theDefaultsOfEveryCheckedGoalPass() throws Exception {
        for (String goal : GoalSettingsCheck.RULES.keySet()) {
            assertThat(problem(goal, null, Map.of())).as(goal).isEmpty();
        }
    }

    @Test
    void everyParameterARuleReadsIsAParameterOfItsGoal() throws Exception {
        for (Map.Entry<String, List<GoalSettingsCheck.Rule>> goal : GoalSettingsCheck.RULES.entrySet()) {
            PlannedMojoConfiguration planned = plan(project(dir, null, "run", goal.getKey(), "<configuration/>"),
                    goal.getKey(), Map.of());
            for (GoalSettingsCheck.Rule rule : goal.getValue()) {
                // Throws UnreadableSetting for a name the descriptor does not have.
                rule.parameters().forEach(planned::givenText);
            }
        }
    }

    /** {@code goal}'s problem in a project whose execution 'run' of it has {@code configuration}. */
    private Optional<String> problem(String goal, String configuration, Map<String, String> userProperties)
            throws Exception {
        MavenProject project = project(dir, null, "run", goal,
                configuration == null ? "<configuration/>" : configuration);
        return GoalSettingsCheck.problem(plan(project, goal, userProperties), goal, true);
    }

    private Optional<String> signProblem(String configuration, Map<String, String> userProperties) throws Exception {
        MavenProject project = project(dir, null, "release", "sign", "<configuration>" + configuration
                + "</configuration>");
        return GoalSettingsCheck.problem(plan(project, "sign", userProperties), "sign", true);
    }

    private String pom() {
        return dir.resolve("pom.xml").toString();
    }
}
