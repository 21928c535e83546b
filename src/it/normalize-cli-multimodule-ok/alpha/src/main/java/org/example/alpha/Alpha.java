package org.example.alpha;

/** First module. */
public final class Alpha {
    public static final String NAME = "alpha";
}
