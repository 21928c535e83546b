package org.example.beta;

/** Second module. */
public final class Beta {
    public static final String NAME = "beta";
}
