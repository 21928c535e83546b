package org.example.hello;

import java.util.Objects;

/** A greeting for someone. */
public record Greeting(String name) {

    public Greeting {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    /** The text to show, e.g. {@code Hello, Ada!}. */
    public String text() {
        return "Hello, " + name.strip() + "!";
    }

    public static void main(String[] args) {
        System.out.println(new Greeting(args.length > 0 ? args[0] : "world").text());
    }
}
