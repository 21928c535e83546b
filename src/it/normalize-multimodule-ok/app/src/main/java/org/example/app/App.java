package org.example.app;

import org.example.calc.Adder;

/** Prints a sum. */
public final class App {
    private App() {}

    /**
     * Entry point.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(Adder.add(2, 3));
    }
}
