package dev.hermetic.vendor;

/** Vendoring refused, with what to do: a locked file missing or altered, or a directory that is not ours. */
public final class VendorException extends Exception {
    private static final long serialVersionUID = 1L;

    public VendorException(String message) {
        super(message);
    }
}
