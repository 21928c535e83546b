package dev.hermetic.archive;

import java.util.Locale;

/** How entries are compressed in a normalized zip. */
public enum CompressionMode {
    /**
     * Every deflated entry is re-compressed with the plugin's own pure-Java DeflateEncoder, so the output bytes
     * depend only on the input archive and the options: identical on every JDK, zlib and platform.
     */
    PORTABLE,
    /**
     * Entries whose content is not changed keep their original compressed bytes; only rewritten
     * entries are deflated (with the pure-Java deflater). Fast, and identical for identical input, but
     * the bytes still carry whatever compressor produced the input. Entries copied this way are not
     * inflated, so their CRC is not checked (stored entries and every structural check still are).
     */
    FAST;

    /**
     * The mode named {@code name}, case-insensitive, surrounding blanks ignored ({@code portable} or {@code fast}).
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static CompressionMode parse(String name) {
        String value = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (CompressionMode m : values()) {
            if (m.name().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a compression mode: use portable or fast");
    }
}
