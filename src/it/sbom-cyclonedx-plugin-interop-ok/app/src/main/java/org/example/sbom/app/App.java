package org.example.sbom.app;

import org.apache.commons.text.WordUtils;
import org.example.sbom.core.Greeting;

public final class App {
    private App() {}

    public static void main(String[] args) {
        System.out.println(WordUtils.capitalize(Greeting.of("world")));
    }
}
