package it.hermetic.a;

public final class A {
    public static String name() {
        return "a";
    }
}
