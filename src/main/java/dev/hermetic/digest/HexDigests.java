package dev.hermetic.digest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Computes several digests of a file in one streaming pass ({@link MultiDigest}), as hex. Stateless and thread-safe. */
public final class HexDigests {

    private HexDigests() {}

    /** @return lowercase hex digest per algorithm, in the iteration order of {@code algorithms} */
    public static Map<DigestAlgorithm, String> digest(Path file, Set<DigestAlgorithm> algorithms) throws IOException {
        Map<DigestAlgorithm, String> computed = MultiDigest.read(file, algorithms).hex();
        Map<DigestAlgorithm, String> result = new LinkedHashMap<>();
        algorithms.forEach(algorithm -> result.put(algorithm, computed.get(algorithm)));
        return result;
    }

    /** Lowercase hex of one digest. */
    public static String digest(Path file, DigestAlgorithm algorithm) throws IOException {
        return digest(file, Set.of(algorithm)).get(algorithm);
    }

    /** Lowercase hex of one digest, reading into the caller's {@code buffer} ({@link MultiDigest#read(Path, Set, byte[])}). */
    public static String digest(Path file, DigestAlgorithm algorithm, byte[] buffer) throws IOException {
        return MultiDigest.read(file, Set.of(algorithm), buffer).hex(algorithm);
    }

    /** Lowercase hex digest of bytes in memory. */
    public static String digest(byte[] bytes, DigestAlgorithm algorithm) {
        return HexFormat.of().formatHex(algorithm.newMessageDigest().digest(bytes));
    }
}
