package dev.hermetic.lock;

import java.io.IOException;
import java.nio.file.Path;

/** An artifact's file could not be read, or two files claim the same coordinates with different contents. */
public class ArtifactFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ArtifactCoordinates coordinates;
    private final transient Path file;

    public ArtifactFileException(ArtifactCoordinates coordinates, Path file, String message, Throwable cause) {
        super(message, cause);
        this.coordinates = coordinates;
        this.file = file;
    }

    /** The artifact concerned. */
    public ArtifactCoordinates coordinates() {
        return coordinates;
    }

    /** The file concerned (the first one, for a conflict). */
    public Path file() {
        return file;
    }
}
