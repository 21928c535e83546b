package dev.hermetic.digest;

import java.io.IOException;

/** A digest manifest or side file that cannot be read; the message names the file and line. */
public class DigestManifestException extends IOException {
    public DigestManifestException(String message) {
        super(message);
    }
}
