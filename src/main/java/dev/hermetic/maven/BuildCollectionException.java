package dev.hermetic.maven;

/** The collector could not resolve something the build uses; the message names the module and the artifact. */
final class BuildCollectionException extends Exception {
    private static final long serialVersionUID = 1L;

    BuildCollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
