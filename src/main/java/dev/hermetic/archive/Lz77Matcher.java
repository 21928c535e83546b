package dev.hermetic.archive;

import static dev.hermetic.archive.DeflateTables.DIST_BASE;
import static dev.hermetic.archive.DeflateTables.LENGTH_BASE;
import static dev.hermetic.archive.DeflateTables.LENGTH_CODE;
import static dev.hermetic.archive.DeflateTables.MAX_MATCH;
import static dev.hermetic.archive.DeflateTables.MIN_MATCH;
import static dev.hermetic.archive.DeflateTables.NO_DISTANCE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The LZ77 half of {@link DeflateEncoder}: holds the window and the segment being compressed, and turns the
 * segment into literal and match symbols appended to a {@link DeflateBlockWriter}'s pending block.
 *
 * <p>Greedy, one probe: a hash of the next 4 bytes selects the last position that had the same hash; if its 4
 * bytes match, the match is extended (up to 258 bytes, within the 32 KiB window) and taken. Positions inside a
 * match are hashed only for short matches ({@value #MAX_INSERT} bytes or less), and the last one of longer
 * matches. No chains: every candidate costs one probe.
 *
 * <p>The hash table is never cleared between streams: every stored position carries an ever-growing number,
 * and positions below the current stream's start count as empty.
 */
final class Lz77Matcher {

    static final int WINDOW = 1 << 15;
    private static final int WMASK = WINDOW - 1;
    /** Bytes compressed at a time; matches and blocks end at segment boundaries. */
    static final int SEGMENT = 1 << 17;
    private static final int HASH_BITS = 15;
    /** Positions inside a longer match are not hashed (saves time in long matches; costs little ratio). */
    private static final int MAX_INSERT = 4;
    /** Stored positions are rebased before they approach int overflow (streams may exceed 2 GiB). */
    private static final int REBASE_AT = 1 << 30;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The window (buf[0, WINDOW)) followed by the segment being filled, buf[WINDOW, fill). */
    private final byte[] buf = new byte[WINDOW + SEGMENT];
    private final int[] head = new int[1 << HASH_BITS];
    private final DeflateBlockWriter block;
    /** Position number of buf[0]; numbers only grow (until a rebase), so stale entries stay below a stream's start. */
    private int base;
    private int streamStart;
    private int fill;

    /** A matcher whose symbols go to {@code block}'s pending block. */
    Lz77Matcher(DeflateBlockWriter block) {
        this.block = block;
        Arrays.fill(head, -1);
        begin();
    }

    /** The bytes the symbols refer to: the segment starts at {@link #WINDOW} (for stored blocks). */
    byte[] buffer() {
        return buf;
    }

    /** The end of the segment's bytes in {@link #buffer()}. */
    int fill() {
        return fill;
    }

    boolean isFull() {
        return fill == buf.length;
    }

    /** Copies as much of {@code b[off, off+len)} as the segment has room for; returns how much. */
    int append(byte[] b, int off, int len) {
        int n = Math.min(len, buf.length - fill);
        System.arraycopy(b, off, buf, fill, n);
        fill += n;
        return n;
    }

    /** After a full segment was compressed: its last {@link #WINDOW} bytes become the window of the next. */
    void slide() {
        System.arraycopy(buf, SEGMENT, buf, 0, WINDOW);
        base += SEGMENT;
        fill = WINDOW;
        if (base >= REBASE_AT) {
            rebase();
        }
    }

    /** After a stream's last segment: the next stream's positions all lie above every position stored so far. */
    void endStream() {
        base += fill - WINDOW;
        begin();
    }

    /** Advances position numbers as if {@code n} more bytes had been compressed; lets a test reach a rebase. */
    void skipPositions(int n) {
        base += n;
        begin();
    }

    private void begin() {
        if (base >= REBASE_AT) {
            rebase();
        }
        streamStart = base + WINDOW;
        fill = WINDOW;
    }

    /**
     * Subtracts {@link #base} (rounded down to a multiple of the window) from every stored position; positions
     * that would fall below zero could never be matched again and become -1. No output changes.
     */
    private void rebase() {
        int delta = base & ~WMASK;
        for (int i = 0; i < head.length; i++) {
            head[i] = head[i] < delta ? -1 : head[i] - delta;
        }
        base -= delta;
        streamStart -= delta;
    }

    /**
     * LZ77 from buf[p] until buf[end] or until the pending block holds {@link DeflateBlockWriter#BLOCK_SYMBOLS}
     * symbols; returns where it stopped. Apart from the block writer, so that the JIT does not inline the writer
     * here: a deoptimization in the writer (a block type seen for the first time) then does not throw this loop,
     * the hottest code, back to slow code until it is compiled again.
     */
    int match(int from, int end) {
        final byte[] buf = this.buf;
        final int[] head = this.head;
        final DeflateBlockWriter block = this.block;
        final int[] symbols = block.symbols;
        final int[] litFreq = block.litFreq;
        final int[] distFreq = block.distFreq;
        final int base = this.base;
        final int streamStart = this.streamStart;
        final int hashLimit = end - MIN_MATCH;
        int p = from;
        int count = block.symbolCount;
        while (p < end && count < DeflateBlockWriter.BLOCK_SYMBOLS) {
            if (p <= hashLimit) {
                int v = (int) INT.get(buf, p);
                int h = (v * 0x9E3779B1) >>> (32 - HASH_BITS);
                int candidate = head[h];
                int position = base + p;
                head[h] = position;
                if (candidate >= Math.max(streamStart, position - WINDOW)) {
                    int c = candidate - base;
                    int best = (int) INT.get(buf, c) == v ? matchLength(buf, c, p, Math.min(MAX_MATCH, end - p)) : 0;
                    if (best >= MIN_MATCH) {
                        int distance = position - candidate;
                        int l = LENGTH_CODE[best];
                        int d = DeflateTables.distanceCode(distance);
                        symbols[count++] = (distance - DIST_BASE[d]) << 19 | d << 14
                                | (best - LENGTH_BASE[l - 257]) << 9 | l;
                        litFreq[l]++;
                        distFreq[d]++;
                        // Inside a long match only its last position is hashed: in a run that gives distance 1.
                        int q = best <= MAX_INSERT ? p + 1 : p + best - 1;
                        int stop = Math.min(p + best, hashLimit + 1);
                        for (; q < stop; q++) {
                            head[((int) INT.get(buf, q) * 0x9E3779B1) >>> (32 - HASH_BITS)] = base + q;
                        }
                        p += best;
                        continue;
                    }
                }
            }
            int literal = buf[p] & 0xff;
            symbols[count++] = NO_DISTANCE << 14 | literal;
            litFreq[literal]++;
            p++;
        }
        block.symbolCount = count;
        return p;
    }

    static int matchLength(byte[] b, int a, int p, int max) {
        int n = 0;
        while (n + 8 <= max) {
            long x = (long) LONG.get(b, a + n) ^ (long) LONG.get(b, p + n);
            if (x != 0) {
                return n + (Long.numberOfTrailingZeros(x) >>> 3);
            }
            n += 8;
        }
        while (n < max && b[a + n] == b[p + n]) {
            n++;
        }
        return n;
    }
}
