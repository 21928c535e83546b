package it;

public final class Greeting {
    public static String text() {
        return "hello";
    }
}
