package dev.hermetic.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Raw DEFLATE (RFC 1951) compressor in pure Java whose output is a function of the input bytes alone.
 *
 * <p>Hand-written because no library offers a fast pure-Java deflate encoder: jzlib (about 24-34 MB/s per
 * core) made PORTABLE normalization slower than tools that call the JDK's native zlib, whose bytes differ
 * between zlib builds. The design trades a few percent of size for speed (on kotlin-compiler-embeddable's
 * class files: about 3% larger than jzlib at level 3, several times faster):
 * <ul>
 *   <li>LZ77, greedy, one probe: a hash of the next 4 bytes selects the last position that had the same
 *       hash; if its 4 bytes match, the match is extended (up to 258 bytes, within the 32 KiB window) and
 *       taken. Positions inside a match are hashed only for short matches ({@value #MAX_INSERT} bytes or
 *       less), and the last one of longer matches. No chains: every candidate costs one probe.</li>
 *   <li>the input is cut into segments of {@value #SEGMENT} bytes at fixed offsets of the stream; a match
 *       never crosses a segment's end, so how the input is split into {@link #write} calls cannot change a
 *       byte of the output;</li>
 *   <li>blocks of up to {@value #BLOCK_SYMBOLS} symbols (never across a segment's end), each written as
 *       dynamic Huffman, fixed Huffman or stored, whichever is smallest; Huffman codes are built with
 *       deterministic tie-breaks and limited to 15 bits (7 for the code-length code).</li>
 * </ul>
 *
 * <p>A normalization run keeps idle instances and reuses them ({@link RunBuffers#encoder}), so 26,000 small class
 * files do not each allocate 500 KiB of buffers. The hash table is never cleared between streams: every stored
 * position carries an ever-growing offset, and positions below the current stream's start count as empty.
 */
final class DeflateEncoder {

    static final int WINDOW = 1 << 15;
    private static final int WMASK = WINDOW - 1;
    /** Bytes compressed at a time; matches and blocks end at segment boundaries. */
    static final int SEGMENT = 1 << 17;
    private static final int HASH_BITS = 15;
    private static final int MIN_MATCH = 4;
    private static final int MAX_MATCH = 258;
    static final int BLOCK_SYMBOLS = 1 << 14;
    /** Positions inside a longer match are not hashed (saves time in long matches; costs little ratio). */
    private static final int MAX_INSERT = 4;
    /** Stored positions are rebased before they approach int overflow (streams may exceed 2 GiB). */
    private static final int REBASE_AT = 1 << 30;
    private static final int OUT_FLUSH = 1 << 15;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // RFC 1951 section 3.2.5.
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
        59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        4, 5, 5, 5, 5, 0};
    private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};
    private static final int NO_DISTANCE = 30;
    /** Order in which code-length code lengths are sent (RFC 1951 3.2.7). */
    private static final int[] CL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** Length 3..258 to its length symbol 257..285. */
    private static final short[] LENGTH_CODE = new short[MAX_MATCH + 1];
    /** Distance-1 (0..255) to distance code, and (distance-1)>>7 for larger distances. */
    private static final byte[] DIST_CODE_SMALL = new byte[256];
    private static final byte[] DIST_CODE_LARGE = new byte[256];
    private static final int[] FIXED_LIT_CODE = new int[288];
    private static final byte[] FIXED_LIT_LEN = new byte[288];
    private static final int[] FIXED_DIST_CODE = new int[30];
    private static final byte[] FIXED_DIST_LEN = new byte[30];

    static {
        // The tables are filled by methods that work on their parameters: while a class is being initialized,
        // every access to one of its own static fields takes the interpreter's slow path (about a microsecond
        // each), and the loops written here directly made this initialization cost 28-40 ms in a fresh JVM.
        fillLengthCodes(LENGTH_CODE, LENGTH_BASE, LENGTH_EXTRA);
        fillDistanceCodes(DIST_CODE_SMALL, DIST_CODE_LARGE, DIST_BASE, DIST_EXTRA);
        fillFixedLengths(FIXED_LIT_LEN, FIXED_DIST_LEN);
        canonicalCodes(FIXED_LIT_LEN, 288, FIXED_LIT_CODE);
        canonicalCodes(FIXED_DIST_LEN, 30, FIXED_DIST_CODE);
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

    // Match finder state, kept across streams.
    private final byte[] buf = new byte[WINDOW + SEGMENT];
    private final int[] head = new int[1 << HASH_BITS];
    /** Position number of buf[0]; numbers only grow (until a rebase), so stale entries stay below a stream's start. */
    private int base;
    private int streamStart;
    private int fill;

    // Block state.
    private final int[] symbols = new int[BLOCK_SYMBOLS];
    private int symbolCount;
    private final int[] litFreq = new int[286];
    private final int[] distFreq = new int[30];
    private final byte[] litLen = new byte[286];
    private final int[] litCode = new int[286];
    private final byte[] distLen = new byte[30];
    private final int[] distCode = new int[30];
    private final int[] clFreq = new int[19];
    private final byte[] clLen = new byte[19];
    private final int[] clCode = new int[19];
    private final int[] clSymbols = new int[286 + 30];
    private final byte[] allLengths = new byte[286 + 30];
    private final HuffmanBuilder huffman = new HuffmanBuilder();
    private final int[] codeCount = new int[16];
    /** Set by {@link #buildCodes} and {@link #blockCosts} for the block being written. */
    private int hlit;
    private int hdist;
    private int hclen;
    private int clCount;
    private long dynamicBits;
    private long fixedBits;
    private final int[] nextCode = new int[16];
    private final int[] litLenTable = new int[286];
    /** Distance codes 0-29, and {@link #NO_DISTANCE} for a literal. */
    private final int[] distanceTable = new int[31];

    // Output.
    private final byte[] outBuf = new byte[BLOCK_SYMBOLS * 6 + OUT_FLUSH + 1024 + 8];
    private int outPos;
    private long bitBuf;
    private int bitCount;
    private OutputStream out;
    private long written;
    private boolean failed;

    /** A new encoder; {@link RunBuffers#encoder} hands out idle ones first. */
    DeflateEncoder() {
        Arrays.fill(head, -1);
        begin();
    }

    /** Starts a new stream onto {@code out} (the previous one finished). */
    void start(OutputStream out) {
        this.out = out;
        this.written = 0;
    }

    /** Whether the last stream finished normally, so that the next may use this encoder. */
    boolean reusable() {
        return !failed && out == null;
    }

    /** Compressed bytes handed to the output stream so far. */
    long written() {
        return written;
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (failed) {
            throw new IOException("deflate stream failed earlier; it cannot be continued");
        }
        failed = true; // until this call returns normally: a half-written state must never be reused
        while (len > 0) {
            if (fill == buf.length) {
                compressSegment(false);
                slide();
            }
            int n = Math.min(len, buf.length - fill);
            System.arraycopy(b, off, buf, fill, n);
            fill += n;
            off += n;
            len -= n;
        }
        failed = false;
    }

    /** Writes the final block and flushes; the encoder may then start another stream. */
    void finish() throws IOException {
        if (failed) {
            throw new IOException("deflate stream failed earlier; it cannot be finished");
        }
        failed = true;
        compressSegment(true);
        alignToByte();
        flushOut();
        // The next stream's positions all lie above every position stored so far.
        base += fill - WINDOW;
        begin();
        out = null;
        failed = false;
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

    private void slide() {
        System.arraycopy(buf, SEGMENT, buf, 0, WINDOW);
        base += SEGMENT;
        fill = WINDOW;
        if (base >= REBASE_AT) {
            rebase();
        }
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
     * LZ77 over buf[WINDOW, fill), and the block(s) holding its symbols; the last one is final if asked. One
     * call site of the block writer, so that a method the JIT inlines this one into compiles one copy of it.
     */
    private void compressSegment(boolean last) throws IOException {
        int end = fill;
        int blockStart = WINDOW;
        int p = WINDOW;
        do {
            p = match(p, end); // stops early when the block is full
            writeBlock(blockStart, p, last && p == end);
            blockStart = p;
        } while (p < end);
    }

    /**
     * LZ77 from buf[p] until buf[end] or until the block holds {@link #BLOCK_SYMBOLS} symbols; returns where it
     * stopped. Apart from the block writer, so that the JIT does not inline the writer here: a deoptimization
     * in the writer (a block type seen for the first time) then does not throw this loop, the hottest code,
     * back to slow code until it is compiled again.
     */
    private int match(int from, int end) {
        final byte[] buf = this.buf;
        final int[] head = this.head;
        final int[] symbols = this.symbols;
        final int[] litFreq = this.litFreq;
        final int[] distFreq = this.distFreq;
        final int base = this.base;
        final int streamStart = this.streamStart;
        final int hashLimit = end - MIN_MATCH;
        int p = from;
        int count = symbolCount;
        while (p < end && count < BLOCK_SYMBOLS) {
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
                        int d = distanceCode(distance);
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
        symbolCount = count;
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

    private static int distanceCode(int distance) {
        int d = distance - 1;
        return d < 256 ? DIST_CODE_SMALL[d] : DIST_CODE_LARGE[d >>> 7];
    }

    /** Writes the pending symbols, which encode buf[start, end), as the smallest of the three block types. */
    private void writeBlock(int start, int end, boolean last) throws IOException {
        // No loops here, only calls: a loop would get this method compiled again on its own (on-stack
        // replacement) each time a branch it had not yet seen deoptimized it, and those compilations of the
        // whole block writer were half of the JIT compiler's time in a cold run.
        litFreq[256]++;
        buildCodes();
        blockCosts();
        long stored = storedBits(end - start);
        if (stored < fixedBits && stored < dynamicBits) {
            writeStored(start, end, last);
        } else if (fixedBits <= dynamicBits) {
            putBits(last ? 3 : 2, 3);
            writeSymbols(FIXED_LIT_CODE, FIXED_LIT_LEN, FIXED_DIST_CODE, FIXED_DIST_LEN);
        } else {
            writeDynamicHeader(last);
            writeSymbols(litCode, litLen, distCode, distLen);
        }
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        symbolCount = 0;
        if (outPos >= OUT_FLUSH) {
            flushOut();
        }
    }

    /** Code lengths of the literal/length, distance and code-length alphabets, and their trimmed counts. */
    private void buildCodes() {
        huffman.build(litFreq, 286, 15, litLen);
        huffman.build(distFreq, 30, 15, distLen);
        int hlit = 286;
        while (hlit > 257 && litLen[hlit - 1] == 0) {
            hlit--;
        }
        int hdist = 30;
        while (hdist > 1 && distLen[hdist - 1] == 0) {
            hdist--;
        }
        clCount = codeLengthSymbols(hlit, hdist);
        huffman.build(clFreq, 19, 7, clLen);
        int hclen = 19;
        while (hclen > 4 && clLen[CL_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        this.hlit = hlit;
        this.hdist = hdist;
        this.hclen = hclen;
    }

    /** The sizes in bits of the pending symbols as a dynamic and as a fixed Huffman block. */
    private void blockCosts() {
        long extra = 0;
        long dynamic = 3 + 14 + 3L * hclen;
        long fixed = 3;
        for (int s = 0; s < 286; s++) {
            int f = litFreq[s];
            if (f != 0) {
                dynamic += (long) f * litLen[s];
                fixed += (long) f * FIXED_LIT_LEN[s];
                if (s > 256) {
                    extra += (long) f * LENGTH_EXTRA[s - 257];
                }
            }
        }
        for (int s = 0; s < 30; s++) {
            int f = distFreq[s];
            if (f != 0) {
                dynamic += (long) f * distLen[s];
                fixed += 5L * f;
                extra += (long) f * DIST_EXTRA[s];
            }
        }
        for (int s = 0; s < 19; s++) {
            dynamic += (long) clFreq[s] * clLen[s];
        }
        dynamicBits = dynamic + 2L * clFreq[16] + 3L * clFreq[17] + 7L * clFreq[18] + extra;
        fixedBits = fixed + extra;
    }

    /** The size in bits of {@code raw} bytes as stored blocks, from the current bit position. */
    private long storedBits(int raw) {
        int storedBlocks = Math.max(1, (raw + 65534) / 65535);
        return 3 + ((8 - ((bitCount + 3) & 7)) & 7) + 32 + (storedBlocks - 1) * (8L + 32) + 8L * raw;
    }

    /** A dynamic block's header: type, counts, and the run-length coded code lengths. */
    private void writeDynamicHeader(boolean last) {
        canonicalCodes(litLen, 286, litCode, codeCount, nextCode);
        canonicalCodes(distLen, 30, distCode, codeCount, nextCode);
        canonicalCodes(clLen, 19, clCode, codeCount, nextCode);
        putBits(last ? 5 : 4, 3);
        putBits((hlit - 257) | (hdist - 1) << 5 | (hclen - 4) << 10, 14);
        for (int i = 0; i < hclen; i++) {
            putBits(clLen[CL_ORDER[i]], 3);
        }
        for (int i = 0; i < clCount; i++) {
            int s = clSymbols[i] & 0xff;
            putBits(clCode[s], clLen[s]);
            if (s >= 16) {
                putBits(clSymbols[i] >>> 8, s == 16 ? 2 : s == 17 ? 3 : 7);
            }
        }
    }

    /**
     * Writes the pending symbols with the given codes. A symbol packs its literal/length symbol (bits 0-8),
     * the length's extra bits (9-13), its distance code (14-18; {@link #NO_DISTANCE} for a literal) and the
     * distance's extra bits (19-31), so literals and matches take the same branch-free path: a literal's
     * distance part is zero bits long. Tables hold code (bits 0-15), code length (16-23), and code length
     * plus extra bits (24-31).
     */
    private void writeSymbols(int[] lc, byte[] ll, int[] dc, byte[] dl) {
        final int[] litLenTable = this.litLenTable;
        final int[] distanceTable = this.distanceTable;
        for (int s = 0; s < 256; s++) {
            litLenTable[s] = lc[s] | ll[s] << 16 | ll[s] << 24;
        }
        for (int l = 257; l < 286; l++) {
            litLenTable[l] = lc[l] | ll[l] << 16 | (ll[l] + LENGTH_EXTRA[l - 257]) << 24;
        }
        for (int d = 0; d < 30; d++) {
            distanceTable[d] = dc[d] | dl[d] << 16 | (dl[d] + DIST_EXTRA[d]) << 24;
        }
        distanceTable[NO_DISTANCE] = 0;
        // Bits go out 8 bytes at a time, keeping fewer than 8 pending: no branch on the bit count.
        final int[] symbols = this.symbols;
        final byte[] outBuf = this.outBuf;
        long bits = bitBuf;
        int count = bitCount;
        int pos = outPos;
        LONG.set(outBuf, pos, bits);
        pos += count >>> 3;
        bits >>>= count & ~7;
        count &= 7;
        for (int i = 0, n = symbolCount; i < n; i++) {
            int s = symbols[i];
            int t = litLenTable[s & 0x1ff];
            int u = distanceTable[(s >>> 14) & 31];
            // Both halves (at most 20 + 28 bits) join before they meet the bit buffer: one shift and one
            // add on the chain that runs from symbol to symbol, instead of two of each.
            long lengthPart = (t & 0xffff) | ((s >>> 9) & 31) << ((t >>> 16) & 0xff);
            long distancePart = (u & 0xffff) | (long) (s >>> 19) << ((u >>> 16) & 0xff);
            bits |= (lengthPart | distancePart << (t >>> 24)) << count;
            count += (t >>> 24) + (u >>> 24);
            LONG.set(outBuf, pos, bits);
            pos += count >>> 3;
            bits >>>= count & ~7;
            count &= 7;
        }
        bitBuf = bits;
        bitCount = count;
        outPos = pos;
        putBits(lc[256], ll[256]);
    }

    private void writeStored(int start, int end, boolean last) throws IOException {
        int p = start;
        do {
            int n = Math.min(65535, end - p);
            boolean lastPiece = p + n == end;
            putBits(last && lastPiece ? 1 : 0, 3);
            alignToByte();
            outBuf[outPos++] = (byte) n;
            outBuf[outPos++] = (byte) (n >>> 8);
            outBuf[outPos++] = (byte) ~n;
            outBuf[outPos++] = (byte) (~n >>> 8);
            flushOut();
            out.write(buf, p, n);
            written += n;
            p += n;
        } while (p < end);
    }

    /**
     * The run-length coded sequence of literal/length and distance code lengths (symbols 0-15, 16 repeat
     * previous 3-6 times, 17 zeros 3-10 times, 18 zeros 11-138 times; extra bits above the low 8), counted
     * into {@link #clFreq}. Returns the number of symbols.
     */
    private int codeLengthSymbols(int hlit, int hdist) {
        byte[] lengths = allLengths;
        System.arraycopy(litLen, 0, lengths, 0, hlit);
        System.arraycopy(distLen, 0, lengths, hlit, hdist);
        int total = hlit + hdist;
        Arrays.fill(clFreq, 0);
        int count = 0;
        int i = 0;
        while (i < total) {
            int l = lengths[i];
            int run = 1;
            while (i + run < total && lengths[i + run] == l) {
                run++;
            }
            i += run;
            if (l == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    clSymbols[count++] = 18 | (r - 11) << 8;
                    clFreq[18]++;
                    run -= r;
                }
                if (run >= 3) {
                    clSymbols[count++] = 17 | (run - 3) << 8;
                    clFreq[17]++;
                    run = 0;
                }
            } else {
                clSymbols[count++] = l;
                clFreq[l]++;
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    clSymbols[count++] = 16 | (r - 3) << 8;
                    clFreq[16]++;
                    run -= r;
                }
            }
            while (run-- > 0) {
                clSymbols[count++] = l;
                clFreq[l]++;
            }
        }
        return count;
    }

    private void putBits(int value, int n) {
        bitBuf |= (long) value << bitCount;
        bitCount += n;
        if (bitCount >= 32) {
            INT.set(outBuf, outPos, (int) bitBuf);
            outPos += 4;
            bitBuf >>>= 32;
            bitCount -= 32;
        }
    }

    private void alignToByte() {
        int bytes = (bitCount + 7) >>> 3;
        for (int i = 0; i < bytes; i++) {
            outBuf[outPos++] = (byte) bitBuf;
            bitBuf >>>= 8;
        }
        bitBuf = 0;
        bitCount = 0;
    }

    private void flushOut() throws IOException {
        if (outPos > 0) {
            out.write(outBuf, 0, outPos);
            written += outPos;
            outPos = 0;
        }
    }

    /** Canonical Huffman codes (RFC 1951 3.2.2) for {@code lengths}, bit-reversed for LSB-first output. */
    static void canonicalCodes(byte[] lengths, int n, int[] codes) {
        canonicalCodes(lengths, n, codes, new int[16], new int[16]);
    }

    /** {@link #canonicalCodes(byte[], int, int[])} with scratch arrays of 16 ints (cleared here). */
    static void canonicalCodes(byte[] lengths, int n, int[] codes, int[] count, int[] next) {
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            count[lengths[i]]++;
        }
        count[0] = 0;
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }
        for (int i = 0; i < n; i++) {
            int len = lengths[i];
            codes[i] = len == 0 ? 0 : Integer.reverse(next[len]++) >>> (32 - len);
        }
    }

    /** Length-limited Huffman code lengths; reusable scratch space, so building allocates nothing. */
    static final class HuffmanBuilder {
        private final int[] sorted = new int[286];
        private final int[] scratch = new int[286];
        private final int[] buckets = new int[256];
        private final int[] weight = new int[2 * 286];
        private final int[] parent = new int[2 * 286];
        private final int[] depth = new int[2 * 286];
        private final int[] lengthCount = new int[64];

        /**
         * Fills {@code lengths[0, n)} with code lengths of at most {@code limit} bits for {@code freq}. Symbols
         * of frequency 0 get 0; at least two symbols get a code (a lone symbol gets a partner), so the code
         * is always complete. Ties are broken by symbol number, so the result depends on the counts alone.
         */
        void build(int[] freq, int n, int limit, byte[] lengths) {
            // One method with its loops, too large to be inlined: the JIT compiles it once, not once more in
            // each of the three places a block builds a code (that made C2's largest compilation).
            int m = 0;
            for (int s = 0; s < n; s++) {
                lengths[s] = 0;
                int f = freq[s];
                if (f != 0) {
                    sorted[m++] = f << 9 | s; // frequencies stay below 2^15: a block holds at most 2^14 symbols
                }
            }
            if (m < 2) {
                int s = m == 0 ? 0 : sorted[0] & 0x1ff;
                lengths[s] = 1;
                lengths[s == 0 ? 1 : 0] = 1;
                return;
            }
            sortByFrequency(m);
            // Two-queue Huffman: leaves 0..m-1 in ascending weight, internal nodes m.. made in ascending weight.
            for (int i = 0; i < m; i++) {
                weight[i] = sorted[i] >>> 9;
            }
            int leaf = 0;
            int inner = m;
            int made = m;
            while (made < 2 * m - 1) {
                int a = leaf < m && (inner >= made || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
                int b = leaf < m && (inner >= made || weight[leaf] <= weight[inner]) ? leaf++ : inner++;
                weight[made] = weight[a] + weight[b];
                parent[a] = made;
                parent[b] = made;
                made++;
            }
            int root = made - 1;
            depth[root] = 0;
            for (int node = root - 1; node >= 0; node--) {
                depth[node] = depth[parent[node]] + 1;
            }
            Arrays.fill(lengthCount, 0);
            boolean overflow = false;
            for (int i = 0; i < m; i++) {
                int d = depth[i];
                if (d > limit) {
                    d = limit;
                    overflow = true;
                }
                lengthCount[d]++;
            }
            if (overflow) {
                limitLengths(limit);
            }
            // Longest codes to the rarest symbols.
            int i = 0;
            for (int bits = limit; bits > 0; bits--) {
                for (int k = lengthCount[bits]; k > 0; k--) {
                    lengths[sorted[i++] & 0x1ff] = (byte) bits;
                }
            }
        }

        /** Clamped lengths break the Kraft equality; moves leaves down from shorter codes until it holds. */
        private void limitLengths(int limit) {
            long kraft = 0;
            for (int bits = 1; bits <= limit; bits++) {
                kraft += (long) lengthCount[bits] << (limit - bits);
            }
            while (kraft > 1L << limit) {
                lengthCount[limit]--;
                for (int bits = limit - 1; bits > 0; bits--) {
                    if (lengthCount[bits] != 0) {
                        lengthCount[bits]--;
                        lengthCount[bits + 1] += 2;
                        break;
                    }
                }
                kraft--;
            }
        }

        /**
         * Sorts {@code sorted[0, m)} (frequency above bit 9, symbol below) ascending. The entries arrive in
         * symbol order, so a stable radix sort on the frequency alone gives the same order as sorting the whole
         * keys, in passes of 8 bits (two: frequencies stay below 2^15) instead of a comparison sort's m log m:
         * a block's trees are built for every small entry.
         */
        private void sortByFrequency(int m) {
            int max = 0;
            for (int i = 0; i < m; i++) {
                max = Math.max(max, sorted[i] >>> 9);
            }
            int[] from = sorted;
            int[] to = scratch;
            for (int shift = 9; shift == 9 || (max >>> (shift - 9)) != 0; shift += 8) {
                radixPass(from, to, m, shift);
                int[] t = from;
                from = to;
                to = t;
            }
            if (from != sorted) {
                System.arraycopy(from, 0, sorted, 0, m);
            }
        }

        /** One stable counting pass on the 8 bits of the keys at {@code shift}, from {@code from} to {@code to}. */
        private void radixPass(int[] from, int[] to, int m, int shift) {
            int[] count = buckets;
            Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) {
                count[(from[i] >>> shift) & 0xff]++;
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < m; i++) {
                int key = from[i];
                to[count[(key >>> shift) & 0xff]++] = key;
            }
        }
    }
}
