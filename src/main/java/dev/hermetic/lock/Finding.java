package dev.hermetic.lock;

import java.nio.file.Path;

/**
 * One difference between a build and its lockfile.
 *
 * @param kind what kind of difference
 * @param severity whether it fails the build
 * @param coordinates the artifact, or null for {@link Kind#ENVIRONMENT_DIFFERS} and a new module
 * @param file the file that was checked, or null when there is none (unused entries, environment)
 * @param expected what the lockfile says (a digest, an environment value, a usage), or empty
 * @param actual what the build has now, or empty
 * @param message what is wrong, with both values
 * @param nextStep the one thing to do about it
 */
public record Finding(Kind kind, Severity severity, ArtifactCoordinates coordinates, Path file, String expected,
        String actual, String message, String nextStep) {

    /** Kinds of differences, in the order a report lists them. */
    public enum Kind {
        /** The file's checksum is not the locked one: possibly tampered with. Always an error. */
        DIGEST_MISMATCH,
        /** The build resolves a file that does not exist (e.g. deleted from the local repository). Always an error. */
        MISSING_FILE,
        /** The build uses an artifact the lockfile does not list. Always an error. */
        NOT_IN_LOCKFILE,
        /**
         * The build uses a locked artifact in a role, scope, module or for a plugin the lockfile does not record (or
         * has a module the lockfile does not name). An error by default.
         */
        USAGE_DIFFERS,
        /** The lockfile lists an artifact the build no longer uses. A warning by default. */
        UNUSED,
        /** Maven, Java or the wrapper distribution differ from the lockfile's. A warning by default. */
        ENVIRONMENT_DIFFERS
    }

    /** Whether a finding fails the build. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** {@code message}, then the next step: what a log line shows. */
    @Override
    public String toString() {
        return message + " " + nextStep;
    }
}
