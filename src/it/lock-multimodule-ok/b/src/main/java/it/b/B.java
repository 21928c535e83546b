package it.b;

public class B {
    public static String name() {
        return it.a.A.name() + "b";
    }
}
