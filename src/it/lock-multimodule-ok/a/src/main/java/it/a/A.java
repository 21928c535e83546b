package it.a;

public class A {
    public static String name() {
        return "a";
    }
}
