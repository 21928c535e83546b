package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class BuildArtifactCollectorTest {

    private static Plugin plugin(String artifactId, String version) {
        Plugin p = new Plugin();
        p.setArtifactId(artifactId);
        p.setVersion(version);
        return p;
    }

    /** A project whose original (as written) model has these build plugins and managed plugins. */
    private static MavenProject project(Plugin[] plugins, Plugin[] managed) {
        Model original = new Model();
        Build build = new Build();
        for (Plugin p : plugins) {
            build.addPlugin(p);
        }
        PluginManagement pm = new PluginManagement();
        for (Plugin p : managed) {
            pm.addPlugin(p);
        }
        build.setPluginManagement(pm);
        original.setBuild(build);
        MavenProject project = new MavenProject(new Model());
        project.setOriginalModel(original);
        return project;
    }

    @Test
    void aVersionWrittenInPluginsOrPluginManagementIsExplicit() {
        MavenProject project = project(new Plugin[] {plugin("maven-jar-plugin", "3.4.2")},
                new Plugin[] {plugin("maven-clean-plugin", "3.5.0"), plugin("maven-install-plugin", null)});
        assertThat(BuildArtifactCollector.hasExplicitVersion(project, plugin("maven-jar-plugin", "3.4.2"))).isTrue();
        assertThat(BuildArtifactCollector.hasExplicitVersion(project, plugin("maven-clean-plugin", "3.5.0"))).isTrue();
        // Declared without a version: Maven's super POM supplies it.
        assertThat(BuildArtifactCollector.hasExplicitVersion(project, plugin("maven-install-plugin", "3.1.2")))
                .isFalse();
        // Bound by the default lifecycle, never declared.
        assertThat(BuildArtifactCollector.hasExplicitVersion(project, plugin("maven-surefire-plugin", "3.2.5")))
                .isFalse();
    }

    @Test
    void aVersionWrittenInTheParentCounts() {
        MavenProject parent = project(new Plugin[0], new Plugin[] {plugin("maven-surefire-plugin", "3.5.4")});
        MavenProject child = project(new Plugin[] {plugin("maven-surefire-plugin", null)}, new Plugin[0]);
        child.setParent(parent);
        assertThat(BuildArtifactCollector.hasExplicitVersion(child, plugin("maven-surefire-plugin", "3.5.4")))
                .isTrue();
    }

    @Test
    void theSitePluginIsSkippedOnlyWhenMavenAddedItForTheSiteLifecycle() {
        Plugin site = plugin("maven-site-plugin", "3.12.1");
        PluginExecution execution = new PluginExecution();
        execution.setPhase("site");
        site.addExecution(execution);
        assertThat(BuildArtifactCollector.onlySiteLifecycle(project(new Plugin[0], new Plugin[0]), site)).isTrue();
        assertThat(BuildArtifactCollector.onlySiteLifecycle(
                project(new Plugin[] {plugin("maven-site-plugin", "3.21.0")}, new Plugin[0]), site)).isFalse();

        Plugin jar = plugin("maven-jar-plugin", "3.4.2");
        PluginExecution packageExecution = new PluginExecution();
        packageExecution.setPhase("package");
        jar.addExecution(packageExecution);
        assertThat(BuildArtifactCollector.onlySiteLifecycle(project(new Plugin[0], new Plugin[0]), jar)).isFalse();
    }

    @Test
    void thisPluginIsRecognised() {
        Plugin self = new Plugin();
        self.setGroupId("dev.hermetic");
        self.setArtifactId("hermetic-maven-plugin");
        assertThat(BuildArtifactCollector.isThisPlugin(self)).isTrue();
        assertThat(BuildArtifactCollector.isThisPlugin(plugin("maven-jar-plugin", "1"))).isFalse();
    }

    @Test
    void importedBomsAreReadFromTheOriginalModelsWithTheirExpressionsResolved() {
        Model parentModel = new Model();
        parentModel.setGroupId("g");
        parentModel.setArtifactId("parent");
        parentModel.setVersion("7");
        parentModel.setDependencyManagement(new org.apache.maven.model.DependencyManagement());
        parentModel.getDependencyManagement().addDependency(bom("org.junit", "junit-bom", "${junit.version}"));
        MavenProject parent = new MavenProject(parentModel);
        parent.setOriginalModel(parentModel.clone());

        Model model = appModel();
        model.getDependencyManagement().addDependency(bom("g", "own-bom", "${project.version}"));
        model.getDependencyManagement().addDependency(bom("x", "unknown", "${not.defined}"));
        org.apache.maven.model.Dependency plain = bom("x", "managed", "1");
        plain.setScope("compile");
        plain.setType("jar");
        model.getDependencyManagement().addDependency(plain);
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        project.setParent(parent);

        // The parent's expression is resolved with the module's effective properties (what Maven does too).
        assertThat(BuildArtifactCollector.importedBoms(project, new Properties(), new Properties()))
                .containsExactly("g:own-bom:1.2", "org.junit:junit-bom:5.10.2");
    }

    @Test
    void userPropertiesOverrideTheModelsAndSystemPropertiesComeLast() {
        Model model = appModel();
        model.getDependencyManagement().addDependency(bom("org.junit", "junit-bom", "${junit.version}"));
        model.getDependencyManagement().addDependency(bom("x", "from-system", "${bom.from.system}"));
        model.getDependencyManagement().addDependency(bom("x", "own", "${project.version}"));
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        Properties user = new Properties();
        user.setProperty("junit.version", "5.11.0"); // -Djunit.version=5.11.0
        user.setProperty("project.version", "9"); // project.* comes from the model, as in Maven
        Properties system = new Properties();
        system.setProperty("junit.version", "0");
        system.setProperty("bom.from.system", "3");

        assertThat(BuildArtifactCollector.importedBoms(project, user, system))
                .containsExactly("org.junit:junit-bom:5.11.0", "x:from-system:3", "x:own:1.2");
    }

    /** g:app:1.2 with the property junit.version=5.10.2 and an empty dependencyManagement. */
    private static Model appModel() {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("app");
        model.setVersion("1.2");
        model.getProperties().setProperty("junit.version", "5.10.2");
        model.setDependencyManagement(new org.apache.maven.model.DependencyManagement());
        return model;
    }

    private static org.apache.maven.model.Dependency bom(String g, String a, String v) {
        org.apache.maven.model.Dependency d = new org.apache.maven.model.Dependency();
        d.setGroupId(g);
        d.setArtifactId(a);
        d.setVersion(v);
        d.setType("pom");
        d.setScope("import");
        return d;
    }
}
