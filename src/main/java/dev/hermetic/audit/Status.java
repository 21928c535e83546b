package dev.hermetic.audit;

/** A check's result. Only {@link #PASS} counts towards a level. */
public enum Status {
    PASS("pass"),
    FAIL("FAIL"),
    /** The check cannot pass with this build tool (e.g. Maven 3.8 has no trusted checksums): never a pass. */
    UNAVAILABLE("not available");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** As the reports print it. */
    public String label() {
        return label;
    }
}
