package dev.hermetic.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Digest algorithms this project writes and trusts. MD5 and SHA-1 are deliberately absent. */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "sha256", 64),
    SHA_512("SHA-512", "sha512", 128);

    private final String jcaName;
    private final String extension;
    private final int hexLength;

    DigestAlgorithm(String jcaName, String extension, int hexLength) {
        this.jcaName = jcaName;
        this.extension = extension;
        this.hexLength = hexLength;
    }

    /** Name for {@link MessageDigest#getInstance(String)}. */
    public String jcaName() {
        return jcaName;
    }

    /** File extension and lowercase label: {@code sha256}, {@code sha512}. */
    public String extension() {
        return extension;
    }

    /** A fresh JDK digest (SHA-2 intrinsics where the CPU has them, unlike BouncyCastle's pure-Java one). */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required of every Java runtime", e);
        }
    }

    /** Number of hex digits of one digest: 64 for SHA-256, 128 for SHA-512. */
    public int hexLength() {
        return hexLength;
    }

    /**
     * Parses {@code SHA-256}, {@code sha256}, {@code SHA256}, {@code SHA-512}, ... (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones (also for MD5 and SHA-1)
     */
    public static DigestAlgorithm parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT).replace("-", "");
        for (DigestAlgorithm a : values()) {
            if (a.extension.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unsupported digest algorithm '" + name
                + "': use SHA-256 or SHA-512 (MD5 and SHA-1 are not accepted, they are broken for this purpose)");
    }
}
