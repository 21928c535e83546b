package org.example.greeter;

/** Says hello. */
public final class Greeter {
    public static String greet(String name) {
        return "Hello, " + name + "!";
    }
}
