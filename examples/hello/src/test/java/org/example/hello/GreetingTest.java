package org.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GreetingTest {

    @Test
    void greetsByName() {
        assertEquals("Hello, Ada!", new Greeting(" Ada ").text());
    }

    @Test
    void refusesABlankName() {
        assertThrows(IllegalArgumentException.class, () -> new Greeting("  "));
    }
}
