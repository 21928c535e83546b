package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.lock.Policy;
import dev.hermetic.lock.VerifySettings;
import java.io.File;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.DefaultLifecycleExecutionPlanCalculator;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extension mode reads hermetic:verify's settings through Maven's own planner and evaluator, with this plugin's real
 * descriptor (target/classes/META-INF/maven/plugin.xml): the same precedence as the mojo.
 */
class PlannedMojoConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void thePomsValueWinsOverTheUserPropertyBehindTheDefaultButAPropertyReplacesAList() throws Exception {
        MavenProject project = project("""
                <configuration>
                  <rangePolicy>warn</rangePolicy>
                  <strict>true</strict>
                  <excludes><exclude>org.example:*</exclude><exclude>it.fake:lib-a</exclude></excludes>
                </configuration>""", null);
        PlannedMojoConfiguration verify = plan(project, Map.of("hermetic.verify.rangePolicy", "fail",
                "hermetic.verify.strict", "false", "hermetic.verify.excludes", "other:*"));
        assertThat(verify.text("rangePolicy")).isEqualTo("warn");
        assertThat(verify.text("strict")).isEqualTo("true");
        // Not for a list: Maven's collection converter evaluates the default expression before the POM's items.
        assertThat(verify.text("excludes")).isEqualTo("other:*");
        assertThat(plan(project, Map.of()).text("excludes")).isEqualTo("org.example:*,it.fake:lib-a");
    }

    @Test
    void whereThePomIsSilentTheUserPropertyWinsOverTheProjectProperty() throws Exception {
        MavenProject project = project("<configuration><rangePolicy>warn</rangePolicy></configuration>", null);
        project.getProperties().setProperty("hermetic.verify.unusedPolicy", "ignore");
        project.getProperties().setProperty("hermetic.verify.snapshotPolicy", "warn");
        PlannedMojoConfiguration verify = plan(project, Map.of("hermetic.verify.unusedPolicy", "fail",
                "hermetic.verify.excludes", "a:b, c:d"));
        assertThat(verify.text("unusedPolicy")).isEqualTo("fail");
        assertThat(verify.text("snapshotPolicy")).isEqualTo("warn");
        assertThat(verify.text("excludes")).isEqualTo("a:b, c:d");
    }

    @Test
    void nothingSetGivesTheDescriptorsDefaults() throws Exception {
        PlannedMojoConfiguration verify = plan(project(null, null), Map.of());
        assertThat(verify.text("rangePolicy")).isEqualTo("fail");
        assertThat(verify.text("unusedPolicy")).isEqualTo("warn");
        assertThat(verify.text("strict")).isEqualTo("false");
        assertThat(verify.text("skipAll")).isEqualTo("false");
        assertThat(verify.text("excludes")).isNull();
        assertThat(verify.text("lockfile")).isNull();
    }

    @Test
    void aBoundExecutionsConfigurationIsTheOneUsed() throws Exception {
        // In the effective model an execution's configuration already holds the plugin's, under its own.
        MavenProject project = project("<configuration><unusedPolicy>ignore</unusedPolicy></configuration>",
                "<configuration><unusedPolicy>fail</unusedPolicy></configuration>");
        assertThat(plan(project, Map.of()).text("unusedPolicy")).isEqualTo("fail");
        assertThat(PlannedMojoConfiguration.executionId(project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY),
                "verify")).isEqualTo("check");
        assertThat(PlannedMojoConfiguration.executionId(project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY),
                "lock")).isNull();
    }

    @Test
    void valuesAreConvertedAsTheMojoGetsThem() throws Exception {
        MavenProject project = project("""
                <configuration>
                  <strict>TRUE</strict>
                  <reuseGraphs>no</reuseGraphs>
                  <unusedPolicy>${my.policy}</unusedPolicy>
                </configuration>""", null);
        project.getProperties().setProperty("my.policy", "fail");
        PlannedMojoConfiguration verify = plan(project, Map.of("hermetic.verify.lockfile", "locks/build.lock"));
        assertThat(verify.text("strict")).isEqualTo("true");
        // A String parameter keeps its text: VerifySettings refuses it with the mojo's own message.
        assertThat(verify.text("reuseGraphs")).isEqualTo("no");
        assertThat(verify.text("unusedPolicy")).isEqualTo("fail");
        // A relative file is the project's, as Maven's file converter makes it.
        assertThat(verify.text("lockfile")).isEqualTo(dir.resolve("locks/build.lock").toString());
    }

    @Test
    void everySettingOfVerifySettingsIsAParameterOfTheMojo() throws Exception {
        MavenProject project = project("<configuration><rangePolicy>warn</rangePolicy></configuration>", null);
        PlannedMojoConfiguration verify = plan(project, Map.of("hermetic.verify.rangePolicy", "fail",
                "hermetic.verify.snapshotPolicy", "ignore", "hermetic.verify.usagePolicy", "warn"));
        VerifySettings settings = VerifySettings.from(Path.of("hermetic.lock"), verify::text);
        assertThat(settings.rangePolicy()).isEqualTo(Policy.WARN);
        assertThat(settings.snapshotPolicy()).isEqualTo(Policy.IGNORE);
        assertThat(settings.usagePolicy()).isEqualTo(Policy.WARN);
    }

    @Test
    void aSettingTheMojoDoesNotHaveFailsNamingItAndThePom() throws Exception {
        PlannedMojoConfiguration verify = plan(project(null, null), Map.of());
        assertThatThrownBy(() -> verify.text("nonsensePolicy"))
                .isInstanceOf(PlannedMojoConfiguration.UnreadableSetting.class)
                .hasMessageContaining("'nonsensePolicy'")
                .hasMessageContaining(dir.resolve("pom.xml").toString());
    }

    @Test
    void theConfigurationComesFromTheFirstProjectThatDeclaresThePlugin() throws Exception {
        MavenProject aggregator = new MavenProject(new Model());
        MavenProject module = project(null, null);
        assertThat(PlannedMojoConfiguration.configuringProject(List.of(aggregator, module))).isSameAs(module);
        MavenProject other = new MavenProject(new Model());
        assertThat(PlannedMojoConfiguration.configuringProject(List.of(aggregator, other))).isSameAs(aggregator);
    }

    @Test
    void aProjectExtensionModeAddedThePluginToDoesNotConfigureIt() throws Exception {
        MavenProject added = new MavenProject(new Model());
        added.getBuild().addPlugin(HermeticLifecycleParticipant.pluginWithRecommendedBindings(added, "1.0"));
        added.setContextValue(HermeticLifecycleParticipant.ADDED_VERSION_KEY, "1.0");
        MavenProject declaring = project(null, null);
        assertThat(PlannedMojoConfiguration.configuringProject(List.of(added, declaring))).isSameAs(declaring);
        assertThat(PlannedMojoConfiguration.configuringProject(List.of(added))).isSameAs(added);
    }

    /** A project whose effective model declares this plugin, with a plugin-level and a verify execution's configuration. */
    private MavenProject project(String pluginConfiguration, String executionConfiguration) throws Exception {
        return project(dir, pluginConfiguration, "check", "verify", executionConfiguration);
    }

    /**
     * A project in {@code dir} whose effective model declares this plugin, with a plugin-level configuration and, when
     * {@code executionConfiguration} is not null, an execution {@code executionId} of {@code goal}.
     */
    static MavenProject project(Path dir, String pluginConfiguration, String executionId, String goal,
            String executionConfiguration) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId(HermeticLifecycleParticipant.GROUP_ID);
        plugin.setArtifactId(HermeticLifecycleParticipant.ARTIFACT_ID);
        plugin.setVersion("0.1.0-SNAPSHOT");
        plugin.setConfiguration(dom(pluginConfiguration));
        if (executionConfiguration != null) {
            PluginExecution execution = new PluginExecution();
            execution.setId(executionId);
            execution.addGoal(goal);
            execution.setConfiguration(dom(executionConfiguration));
            plugin.addExecution(execution);
        }
        Model model = new Model();
        model.setGroupId("it.hermetic");
        model.setArtifactId("app");
        model.setVersion("1.0");
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin);
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        return project;
    }

    private static Xpp3Dom dom(String xml) throws Exception {
        return xml == null ? null : Xpp3DomBuilder.build(new StringReader(xml));
    }

    private static PlannedMojoConfiguration plan(MavenProject project, Map<String, String> userProperties)
            throws Exception {
        return plan(project, "verify", userProperties);
    }

    /** {@code goal} planned in {@code project} as the extension plans it, with these {@code -D} properties. */
    static PlannedMojoConfiguration plan(MavenProject project, String goal, Map<String, String> userProperties)
            throws Exception {
        Properties user = new Properties();
        user.putAll(userProperties);
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().setUserProperties(user)
                .setSystemProperties(new Properties());
        MavenSession session = new MavenSession(null, new DefaultRepositorySystemSession(), request,
                new DefaultMavenExecutionResult());
        session.setProjects(List.of(project));
        return PlannedMojoConfiguration.plan(session, project, descriptor(project, goal),
                new DefaultLifecycleExecutionPlanCalculator(null, null, null, null));
    }

    /** The goal's descriptor as maven-plugin-plugin generated it for this build. */
    private static MojoDescriptor descriptor(MavenProject project, String goal) throws Exception {
        File classes = new File(PlannedMojoConfiguration.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        try (Reader in = Files.newBufferedReader(classes.toPath().resolve("META-INF/maven/plugin.xml"))) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(in);
            plugin.setPlugin(project.getPlugin(PlannedMojoConfiguration.PLUGIN_KEY));
            return plugin.getMojo(goal);
        }
    }
}
