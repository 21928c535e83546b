package it.hermetic.compare;

public final class Greeting {
    public static String hello(String name) {
        return "Hello, " + name;
    }
}
