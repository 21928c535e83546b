package dev.hermetic.compare;

/**
 * One difference between the reference and the actual build, with its evidence and its cause.
 *
 * @param entry where: the entry's path inside the file, nested archives joined by "!/"; "" for the file itself
 * @param kind what kind of field or content differs
 * @param what which field, attribute, key or line ("DOS time", "attribute Build-Jdk-Spec", "line 3")
 * @param reference the reference's value, or {@code null} when absent there
 * @param actual the actual build's value, or {@code null} when absent there
 * @param excerpt a longer excerpt (a unified diff of a text file), or {@code null}
 * @param cause the classified cause
 */
public record Difference(String entry, DifferenceKind kind, String what, String reference, String actual,
        String excerpt, Cause cause) {}
