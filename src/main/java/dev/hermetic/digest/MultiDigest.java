package dev.hermetic.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The digests of one file (or byte array), computed in one read and kept open: an OpenPGP signature hashes its own
 * trailer after the data, so a signer continues a {@linkplain #continued copy} of the digest instead of reading the
 * file again. Immutable and thread-safe once built.
 */
public final class MultiDigest {

    /** Reads of 64 KiB: as fast as larger ones here, and the buffer stays in the CPU's cache. */
    public static final int BUFFER_SIZE = 64 * 1024;

    // Never updated after construction: continued() hands out clones.
    private final Map<DigestAlgorithm, MessageDigest> states;
    private final Map<DigestAlgorithm, String> hex;

    private MultiDigest(Map<DigestAlgorithm, MessageDigest> states) {
        this.states = states;
        Map<DigestAlgorithm, String> values = new EnumMap<>(DigestAlgorithm.class);
        states.forEach((algorithm, state) -> values.put(algorithm, HexFormat.of().formatHex(copy(state).digest())));
        this.hex = Collections.unmodifiableMap(values);
    }

    /** Reads {@code file} once, feeding every algorithm of {@code algorithms}. */
    public static MultiDigest read(Path file, Set<DigestAlgorithm> algorithms) throws IOException {
        return read(file, algorithms, new byte[BUFFER_SIZE]);
    }

    /**
     * Reads {@code file} once into {@code buffer} (any size; {@link #BUFFER_SIZE} reads fastest), feeding every
     * algorithm of {@code algorithms}. For a run over many files that owns its buffers: a buffer per file is garbage,
     * and Maven's JVM (no -Xmx) grows its heap, and its peak memory, with garbage.
     */
    public static MultiDigest read(Path file, Set<DigestAlgorithm> algorithms, byte[] buffer) throws IOException {
        Map<DigestAlgorithm, MessageDigest> states = newStates(algorithms);
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (MessageDigest state : states.values()) {
                    state.update(buffer, 0, n);
                }
            }
        }
        return new MultiDigest(states);
    }

    /** The digests of bytes in memory. */
    public static MultiDigest of(byte[] data, Set<DigestAlgorithm> algorithms) {
        Map<DigestAlgorithm, MessageDigest> states = newStates(algorithms);
        states.values().forEach(state -> state.update(data));
        return new MultiDigest(states);
    }

    /** The algorithms computed. */
    public Set<DigestAlgorithm> algorithms() {
        return hex.keySet();
    }

    /** Lowercase hex digest per algorithm, in {@link DigestAlgorithm} order. */
    public Map<DigestAlgorithm, String> hex() {
        return hex;
    }

    /**
     * Lowercase hex digest of one algorithm.
     *
     * @throws IllegalArgumentException when it was not computed
     */
    public String hex(DigestAlgorithm algorithm) {
        String value = hex.get(algorithm);
        if (value == null) {
            throw new IllegalArgumentException(algorithm.jcaName() + " was not computed; computed: " + algorithms());
        }
        return value;
    }

    /**
     * A new digest that has already seen the data: update it with more bytes, then finish it.
     *
     * @throws IllegalArgumentException when the algorithm was not computed
     */
    public MessageDigest continued(DigestAlgorithm algorithm) {
        MessageDigest state = states.get(algorithm);
        if (state == null) {
            throw new IllegalArgumentException(algorithm.jcaName() + " was not computed; computed: " + algorithms());
        }
        return copy(state);
    }

    private static Map<DigestAlgorithm, MessageDigest> newStates(Set<DigestAlgorithm> algorithms) {
        Map<DigestAlgorithm, MessageDigest> states = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm algorithm : algorithms) {
            states.put(algorithm, algorithm.newMessageDigest());
        }
        return states;
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            // The JDK's SHA-2 digests are cloneable; only an exotic security provider could get here.
            throw new IllegalStateException(state.getAlgorithm() + " digest cannot be copied", e);
        }
    }
}
