package dev.hermetic.maven;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;

/** Projects whose POM, as written, declares given plugins: for the tests of what a collection reads off POMs. */
final class PomFixture {

    private PomFixture() {}

    static Plugin plugin(String artifactId, String version) {
        Plugin p = new Plugin();
        p.setArtifactId(artifactId);
        p.setVersion(version);
        return p;
    }

    /** A project whose original (as written) model has these build plugins and managed plugins. */
    static MavenProject project(Plugin[] plugins, Plugin[] managed) {
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
}
