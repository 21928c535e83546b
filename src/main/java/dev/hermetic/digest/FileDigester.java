package dev.hermetic.digest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Computes several digests of a file in one streaming pass. Stateless and thread-safe. */
public final class FileDigester {

    private FileDigester() {}

    /** @return lowercase hex digest per algorithm, iteration order of {@code algorithms} */
    public static Map<DigestAlgorithm, String> digest(Path file, Set<DigestAlgorithm> algorithms) throws IOException {
        throw new UnsupportedOperationException("to be implemented");
    }

    /** Lowercase hex of one digest. */
    public static String digest(Path file, DigestAlgorithm algorithm) throws IOException {
        return digest(file, Set.of(algorithm)).get(algorithm);
    }
}
