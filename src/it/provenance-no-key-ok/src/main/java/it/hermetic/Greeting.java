package it.hermetic;

/** What the signed library does. */
public final class Greeting {
    private Greeting() {}

    /** @return a greeting */
    public static String hello() {
        return "hello";
    }
}
