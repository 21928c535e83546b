package org.example;

/** Only here so that the sources jar has an entry. */
public final class Late {
    private Late() {}
}
