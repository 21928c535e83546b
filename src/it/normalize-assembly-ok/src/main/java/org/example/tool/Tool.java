package org.example.tool;

/** Prints its arguments. */
public final class Tool {
    public static void main(String[] args) {
        System.out.println(String.join(" ", args));
    }
}
