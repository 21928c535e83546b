package dev.hermetic.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.internal.PluginDependenciesResolver;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.rtinfo.RuntimeInformation;

/**
 * A goal on the reactor's one lockfile ({@code lock} writes it, {@code verify} checks the build against it): both
 * collect what the whole build uses with one {@link BuildArtifactCollector}. Each goal declares its own
 * {@code lockfile} parameter ({@link BuildVerifier#lockfile} gives its default): each has its own property.
 */
abstract class LockfileMojo extends HermeticMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    final BuildArtifactCollector collector;
    final RuntimeInformation runtime;

    LockfileMojo(String goal, ProjectBuilder projectBuilder, ProjectDependenciesResolver dependenciesResolver,
            PluginDependenciesResolver pluginResolver, RuntimeInformation runtime) {
        super(goal);
        this.collector = new BuildArtifactCollector(projectBuilder, dependenciesResolver, pluginResolver);
        this.runtime = runtime;
    }
}
