package dev.hermetic.maven;

import static dev.hermetic.maven.PomFixture.plugin;
import static dev.hermetic.maven.PomFixture.project;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

class PluginCollectorTest {

    @Test
    void theSitePluginIsSkippedOnlyWhenMavenAddedItForTheSiteLifecycle() {
        Plugin site = plugin("maven-site-plugin", "3.12.1");
        PluginExecution execution = new PluginExecution();
        execution.setPhase("site");
        site.addExecution(execution);
        assertThat(PluginCollector.onlySiteLifecycle(project(new Plugin[0], new Plugin[0]), site)).isTrue();
        assertThat(PluginCollector.onlySiteLifecycle(
                project(new Plugin[] {plugin("maven-site-plugin", "3.21.0")}, new Plugin[0]), site)).isFalse();

        Plugin jar = plugin("maven-jar-plugin", "3.4.2");
        PluginExecution packageExecution = new PluginExecution();
        packageExecution.setPhase("package");
        jar.addExecution(packageExecution);
        assertThat(PluginCollector.onlySiteLifecycle(project(new Plugin[0], new Plugin[0]), jar)).isFalse();
    }
}
