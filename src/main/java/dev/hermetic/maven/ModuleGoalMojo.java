package dev.hermetic.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * A goal that works on the module being built and may hand its file to {@code hermetic:sign} ({@link HandedToSign}):
 * {@code hermetic:sbom}, {@code hermetic:buildinfo}, {@code hermetic:provenance} and {@code hermetic:sign} itself
 * share the module, the session and the execution that tells whether sign runs next.
 */
abstract class ModuleGoalMojo extends HermeticMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    ModuleGoalMojo(String goal) {
        super(goal);
    }
}
