package dev.hermetic.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Rewrites every archive the module produces so that it is byte-for-byte reproducible. */
@Mojo(name = "normalize", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class NormalizeMojo extends AbstractMojo {
    @Override
    public void execute() throws MojoExecutionException {
        throw new MojoExecutionException("not implemented yet");
    }
}
