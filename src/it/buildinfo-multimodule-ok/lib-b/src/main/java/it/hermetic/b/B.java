package it.hermetic.b;

public final class B {
    public static String name() {
        return "b";
    }
}
