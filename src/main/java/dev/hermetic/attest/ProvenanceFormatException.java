package dev.hermetic.attest;

import java.io.IOException;

/** A provenance file or its payload is not what this format says; the message names the file and the field. */
public final class ProvenanceFormatException extends IOException {
    public ProvenanceFormatException(String message) {
        super(message);
    }
}
