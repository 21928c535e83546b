package dev.hermetic.maven;

import static dev.hermetic.maven.PomFixture.plugin;
import static dev.hermetic.maven.PomFixture.project;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class UnpinnedVersionsTest {

    @Test
    void aVersionWrittenInPluginsOrPluginManagementIsExplicit() {
        MavenProject project = project(new Plugin[] {plugin("maven-jar-plugin", "3.4.2")},
                new Plugin[] {plugin("maven-clean-plugin", "3.5.0"), plugin("maven-install-plugin", null)});
        assertThat(UnpinnedVersions.hasExplicitVersion(project, plugin("maven-jar-plugin", "3.4.2"))).isTrue();
        assertThat(UnpinnedVersions.hasExplicitVersion(project, plugin("maven-clean-plugin", "3.5.0"))).isTrue();
        // Declared without a version: Maven's super POM supplies it.
        assertThat(UnpinnedVersions.hasExplicitVersion(project, plugin("maven-install-plugin", "3.1.2")))
                .isFalse();
        // Bound by the default lifecycle, never declared.
        assertThat(UnpinnedVersions.hasExplicitVersion(project, plugin("maven-surefire-plugin", "3.2.5")))
                .isFalse();
    }

    @Test
    void aVersionWrittenInTheParentCounts() {
        MavenProject parent = project(new Plugin[0], new Plugin[] {plugin("maven-surefire-plugin", "3.5.4")});
        MavenProject child = project(new Plugin[] {plugin("maven-surefire-plugin", null)}, new Plugin[0]);
        child.setParent(parent);
        assertThat(UnpinnedVersions.hasExplicitVersion(child, plugin("maven-surefire-plugin", "3.5.4")))
                .isTrue();
    }

    @Test
    void thisPluginIsRecognised() {
        Plugin self = new Plugin();
        self.setGroupId("dev.hermetic");
        self.setArtifactId("hermetic-maven-plugin");
        assertThat(UnpinnedVersions.isThisPlugin(self)).isTrue();
        assertThat(UnpinnedVersions.isThisPlugin(plugin("maven-jar-plugin", "1"))).isFalse();
    }

    @Test
    void thisPluginAddedByExtensionModeHasTheVersionMvnExtensionsXmlNames() {
        MavenProject project = project(new Plugin[0], new Plugin[0]);
        Plugin self = new Plugin();
        self.setGroupId("dev.hermetic");
        self.setArtifactId("hermetic-maven-plugin");
        self.setVersion("1.2");
        assertThat(UnpinnedVersions.hasExplicitVersion(project, self)).isFalse();
        project.setContextValue(HermeticLifecycleParticipant.ADDED_VERSION_KEY, "1.2");
        assertThat(UnpinnedVersions.hasExplicitVersion(project, self)).isTrue();
        // Only this plugin, at that version.
        self.setVersion("1.3");
        assertThat(UnpinnedVersions.hasExplicitVersion(project, self)).isFalse();
        assertThat(UnpinnedVersions.hasExplicitVersion(project, plugin("maven-jar-plugin", "1.2"))).isFalse();
    }
}
