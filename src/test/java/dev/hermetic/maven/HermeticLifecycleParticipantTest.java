package dev.hermetic.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class HermeticLifecycleParticipantTest {

    /** Stands in for a plexus-classworlds realm: the participant reads only its id. */
    static final class Realm extends ClassLoader {
        private final String id;

        Realm(String id) {
            super(null);
            this.id = id;
        }

        public String getId() {
            return id;
        }
    }

    @Test
    void aCoreExtensionIsTheRealmMavenNamesAfterMvnExtensionsXml() {
        assertTrue(HermeticLifecycleParticipant.isCoreExtensionRealm(
                new Realm("coreExtension>dev.hermetic:hermetic-maven-plugin:1.0")));
    }

    @Test
    void aBuildExtensionAPluginRealmOrAPlainLoaderIsNot() {
        assertFalse(HermeticLifecycleParticipant.isCoreExtensionRealm(
                new Realm("extension>dev.hermetic:hermetic-maven-plugin:1.0")));
        assertFalse(HermeticLifecycleParticipant.isCoreExtensionRealm(
                new Realm("plugin>dev.hermetic:hermetic-maven-plugin:1.0")));
        assertFalse(HermeticLifecycleParticipant.isCoreExtensionRealm(getClass().getClassLoader()));
    }

    private static final List<String> AT_VERIFY = List.of("verify");

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void theSbomWarmUpStartsWhenTheBuildReachesAnSbomExecution() {
        assertTrue(HermeticLifecycleParticipant.startsSbomWarmUp(AT_VERIFY, false, "verify"::equals, properties(),
                false));
        assertTrue(HermeticLifecycleParticipant.startsSbomWarmUp(List.of("package", "verify"), false,
                "package"::equals, properties(), false));
    }

    @Test
    void notWithoutAnSbomExecutionNorWhenTheBuildStopsBeforeItsPhase() {
        assertFalse(HermeticLifecycleParticipant.startsSbomWarmUp(List.of(), false, phase -> true, properties(),
                false));
        assertFalse(HermeticLifecycleParticipant.startsSbomWarmUp(AT_VERIFY, false, phase -> false, properties(),
                false));
    }

    @Test
    void hermeticSbomOnTheCommandLineRunsWhateverPhaseIsReached() {
        assertTrue(HermeticLifecycleParticipant.startsSbomWarmUp(List.of(), true, phase -> false, properties(),
                false));
    }

    @Test
    void notWhenHermeticOrItsSbomIsSkipped() {
        assertFalse(HermeticLifecycleParticipant.startsSbomWarmUp(AT_VERIFY, true, phase -> true,
                properties("hermetic.skip", "true"), false));
        assertFalse(HermeticLifecycleParticipant.startsSbomWarmUp(AT_VERIFY, true, phase -> true,
                properties("hermetic.sbom.skip", "TRUE"), false));
        assertTrue(HermeticLifecycleParticipant.startsSbomWarmUp(AT_VERIFY, true, phase -> true,
                properties("hermetic.sbom.skip", "false"), false));
    }

    @Test
    void notInACoreExtensionsRealmWhoseStaticStateTheMojosNeverSee() {
        assertFalse(HermeticLifecycleParticipant.startsSbomWarmUp(AT_VERIFY, true, phase -> true, properties(),
                true));
    }

    @Test
    void anAddedPluginHasThisVersionAndTheRecommendedExecutionsInRunOrder() {
        Plugin plugin = HermeticLifecycleParticipant.pluginWithRecommendedBindings(new MavenProject(new Model()), "9.8");
        assertEquals("dev.hermetic:hermetic-maven-plugin:9.8", plugin.getId());
        assertEquals(List.of("hermetic-verify validate [verify]", "hermetic-default package [normalize]",
                        "hermetic-late-attachments verify [normalize]", "hermetic-sbom verify [sbom]",
                        "hermetic-provenance verify [provenance]",
                        "hermetic-sign verify [sign]"),
                plugin.getExecutions().stream().map(e -> e.getId() + " " + e.getPhase() + " " + e.getGoals()).toList());
        assertNull(plugin.getConfiguration());
        assertEquals("hermetic-sign", plugin.getExecutionsAsMap().get("hermetic-sign").getId());
    }

    @Test
    void anAddedPluginTakesItsPluginManagementConfigurationIntoEveryExecution() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom mode = new Xpp3Dom("mode");
        mode.setValue("portable");
        configuration.addChild(mode);
        Plugin managed = new Plugin();
        managed.setGroupId("dev.hermetic");
        managed.setArtifactId("hermetic-maven-plugin");
        managed.setConfiguration(configuration);
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().setPluginManagement(new PluginManagement());
        model.getBuild().getPluginManagement().addPlugin(managed);

        Plugin plugin = HermeticLifecycleParticipant.pluginWithRecommendedBindings(new MavenProject(model), "9.8");

        assertEquals("portable", ((Xpp3Dom) plugin.getConfiguration()).getChild("mode").getValue());
        for (PluginExecution execution : plugin.getExecutions()) {
            assertEquals("portable", ((Xpp3Dom) execution.getConfiguration()).getChild("mode").getValue(),
                    execution.getId());
        }
    }
}
