package dev.hermetic.archive;

import java.util.Arrays;

/**
 * The fixed tables of RFC 1951 that {@link Lz77Matcher} and {@link DeflateBlockWriter} share, and the form in
 * which a symbol passes from one to the other. A symbol is one int: its literal/length symbol (bits 0-8), the
 * length's extra bits (9-13), its distance code (14-18; {@link #NO_DISTANCE} for a literal) and the distance's
 * extra bits (19-31), so that the writer handles literals and matches on one branch-free path.
 */
final class DeflateTables {

    static final int MIN_MATCH = 4;
    static final int MAX_MATCH = 258;
    /** The distance code of a literal: a distance part zero bits long. */
    static final int NO_DISTANCE = 30;

    // RFC 1951 section 3.2.5.
    static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        4, 5, 5, 5, 5, 0};
    static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};
    /** Order in which code-length code lengths are sent (RFC 1951 3.2.7). */
    static final int[] CL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** Length 3..258 to its length symbol 257..285. */
    static final short[] LENGTH_CODE = new short[MAX_MATCH + 1];
    /** Distance-1 (0..255) to distance code, and (distance-1)>>7 for larger distances. */
    static final byte[] DIST_CODE_SMALL = new byte[256];
    static final byte[] DIST_CODE_LARGE = new byte[256];
    static final int[] FIXED_LIT_CODE = new int[288];
    static final byte[] FIXED_LIT_LEN = new byte[288];
    static final int[] FIXED_DIST_CODE = new int[30];
    static final byte[] FIXED_DIST_LEN = new byte[30];

    static {
        // Filled by methods that work on their parameters: while a class is being initialized, each access to
        // one of its own static fields takes the interpreter's slow path, which made loops written here slow.
        fillLengthCodes(LENGTH_CODE, LENGTH_BASE, LENGTH_EXTRA);
        fillDistanceCodes(DIST_CODE_SMALL, DIST_CODE_LARGE, DIST_BASE, DIST_EXTRA);
        fillFixedLengths(FIXED_LIT_LEN, FIXED_DIST_LEN);
        HuffmanCodeBuilder.canonicalCodes(FIXED_LIT_LEN, 288, FIXED_LIT_CODE);
        HuffmanCodeBuilder.canonicalCodes(FIXED_DIST_LEN, 30, FIXED_DIST_CODE);
    }

    private DeflateTables() {}

    /** The distance code of a distance of 1..32768. */
    static int distanceCode(int distance) {
        int d = distance - 1;
        return d < 256 ? DIST_CODE_SMALL[d] : DIST_CODE_LARGE[d >>> 7];
    }

    private static void fillLengthCodes(short[] lengthCode, int[] base, int[] extra) {
        for (int code = 0; code < 28; code++) {
            for (int len = base[code]; len < base[code] + (1 << extra[code]); len++) {
                lengthCode[len] = (short) (257 + code);
            }
        }
        lengthCode[MAX_MATCH] = 285; // 258 has its own code, not 284 with extra bits 31
    }

    private static void fillDistanceCodes(byte[] small, byte[] large, int[] base, int[] extra) {
        for (int code = 0; code < 30; code++) {
            // Above 256 each distance code covers whole slots of the large table (its base minus one is a
            // multiple of 128, and it has 7 or more extra bits): one step per slot.
            for (int d = base[code]; d < base[code] + (1 << extra[code]); d += d <= 256 ? 1 : 128) {
                if (d <= 256) {
                    small[d - 1] = (byte) code;
                } else {
                    large[(d - 1) >>> 7] = (byte) code;
                }
            }
        }
    }

    private static void fillFixedLengths(byte[] literalLengths, byte[] distanceLengths) {
        for (int s = 0; s < 288; s++) {
            literalLengths[s] = (byte) (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8);
        }
        Arrays.fill(distanceLengths, (byte) 5);
    }
}
