package dev.hermetic.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Where a goal leaves what it hands to {@code hermetic:sign} in its module ({@link PendingSbom},
 * {@link PendingBuildinfo}, {@link PendingProvenance}): in the module's context, one per kind, until sign takes it.
 */
final class HandedToSign {

    /** The goal's own way of writing its file, for when sign does not make it. */
    @FunctionalInterface
    interface AloneRun {
        void run() throws MojoExecutionException, MojoFailureException;
    }

    /** What a goal hands to sign: its file's own way of being written, should sign not make it. */
    interface Pending {
        AloneRun alone();

        /** Leaves this in the module's context for its sign, which takes it. */
        default void handTo(MavenProject project) {
            HandedToSign.handTo(project, this);
        }

        /** The goal's own way: what sign calls when it does not make the file itself. */
        default void writeAlone() throws MojoExecutionException, MojoFailureException {
            alone().run();
        }
    }

    private HandedToSign() {}

    static void handTo(MavenProject project, Object pending) {
        project.setContextValue(key(pending.getClass()), pending);
    }

    /** What waits for this module's sign, left in place; null when nothing of that kind waits. */
    static <T> T peek(MavenProject project, Class<T> kind) {
        Object pending = project.getContextValue(key(kind));
        return kind.isInstance(pending) ? kind.cast(pending) : null;
    }

    /** What waits for this module's sign, removed from the module: it is made (or written) once. */
    static <T> T take(MavenProject project, Class<T> kind) {
        T pending = peek(project, kind);
        project.setContextValue(key(kind), null);
        return pending;
    }

    private static String key(Class<?> kind) {
        return "dev.hermetic.sign.handed." + kind.getSimpleName();
    }
}
