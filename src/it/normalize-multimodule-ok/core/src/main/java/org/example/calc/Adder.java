package org.example.calc;

/** Adds numbers. */
public final class Adder {
    private Adder() {}

    /**
     * Adds two numbers.
     *
     * @param a the first
     * @param b the second
     * @return their sum
     */
    public static int add(int a, int b) {
        return a + b;
    }
}
