package dev.hermetic.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Computes several digests of a file in one streaming pass. Stateless and thread-safe. */
public final class FileDigester {

    private static final int BUFFER_SIZE = 64 * 1024;

    private FileDigester() {}

    /** @return lowercase hex digest per algorithm, in the iteration order of {@code algorithms} */
    public static Map<DigestAlgorithm, String> digest(Path file, Set<DigestAlgorithm> algorithms) throws IOException {
        Map<DigestAlgorithm, MessageDigest> digests = new LinkedHashMap<>();
        for (DigestAlgorithm algorithm : algorithms) {
            digests.put(algorithm, algorithm.newMessageDigest());
        }
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (MessageDigest d : digests.values()) {
                    d.update(buffer, 0, n);
                }
            }
        }
        Map<DigestAlgorithm, String> result = new LinkedHashMap<>();
        digests.forEach((algorithm, d) -> result.put(algorithm, HexFormat.of().formatHex(d.digest())));
        return result;
    }

    /** Lowercase hex of one digest. */
    public static String digest(Path file, DigestAlgorithm algorithm) throws IOException {
        return digest(file, Set.of(algorithm)).get(algorithm);
    }

    /** Lowercase hex digest of bytes in memory. */
    public static String digest(byte[] bytes, DigestAlgorithm algorithm) {
        return HexFormat.of().formatHex(algorithm.newMessageDigest().digest(bytes));
    }
}
