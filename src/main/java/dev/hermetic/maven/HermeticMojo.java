package dev.hermetic.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal of this plugin does first: honour {@code hermetic.skip} and the goal's own
 * {@code hermetic.<goal>.skip} ({@code <goal>} in camel case: {@code hermetic.cacheKey.skip}), then {@link #run()}. The
 * goal declares its own {@code skip}: each has its own property.
 */
abstract class HermeticMojo extends AbstractMojo {

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.skip", defaultValue = "false")
    private boolean skipAll;

    private final String goal;

    /** @param goal the goal's name as users type it, e.g. {@code cache-key} */
    HermeticMojo(String goal) {
        this.goal = goal;
    }

    /** {@code cache-key} to {@code cacheKey}: the goal's part of its property names. */
    static String propertyName(String goal) {
        StringBuilder name = new StringBuilder(goal.length());
        for (int i = 0; i < goal.length(); i++) {
            char c = goal.charAt(i);
            if (c == '-' && i + 1 < goal.length()) {
                name.append(Character.toUpperCase(goal.charAt(++i)));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        boolean skip = skipGoal();
        if (skip || skipAll) {
            getLog().info("Skipping hermetic:" + goal + " ("
                    + (skip ? "hermetic." + propertyName(goal) + ".skip" : "hermetic.skip") + " is true)");
            skipped();
            return;
        }
        run();
    }

    /** What a skipped goal still owes another: by default nothing. */
    void skipped() throws MojoExecutionException, MojoFailureException {
    }

    /** The goal's own {@code skip} parameter. */
    abstract boolean skipGoal();

    /** The goal's work, when it is not skipped. */
    abstract void run() throws MojoExecutionException, MojoFailureException;
}
