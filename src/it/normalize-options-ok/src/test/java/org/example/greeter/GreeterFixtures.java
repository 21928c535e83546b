package org.example.greeter;

/** Shared test data, published in the test-jar. */
public final class GreeterFixtures {
    public static final String NAME = "world";
}
