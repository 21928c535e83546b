package dev.hermetic.archive;

import static dev.hermetic.archive.DeflateTables.CL_ORDER;
import static dev.hermetic.archive.DeflateTables.DIST_EXTRA;
import static dev.hermetic.archive.DeflateTables.FIXED_DIST_CODE;
import static dev.hermetic.archive.DeflateTables.FIXED_DIST_LEN;
import static dev.hermetic.archive.DeflateTables.FIXED_LIT_CODE;
import static dev.hermetic.archive.DeflateTables.FIXED_LIT_LEN;
import static dev.hermetic.archive.DeflateTables.LENGTH_EXTRA;
import static dev.hermetic.archive.DeflateTables.NO_DISTANCE;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The block half of {@link DeflateEncoder}: gathers the symbols {@link Lz77Matcher} finds into a pending block
 * of up to {@value #BLOCK_SYMBOLS}, writes each block as dynamic Huffman, fixed Huffman or stored, whichever is
 * smallest (codes limited to 15 bits, 7 for the code-length code), and packs the bits onto the output stream.
 */
final class DeflateBlockWriter {

    static final int BLOCK_SYMBOLS = 1 << 14;
    private static final int OUT_FLUSH = 1 << 15;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // The pending block, filled by Lz77Matcher#match (symbols in DeflateTables' form, and their counts).
    final int[] symbols = new int[BLOCK_SYMBOLS];
    int symbolCount;
    final int[] litFreq = new int[286];
    final int[] distFreq = new int[30];

    // Its codes.
    private final byte[] litLen = new byte[286];
    private final int[] litCode = new int[286];
    private final byte[] distLen = new byte[30];
    private final int[] distCode = new int[30];
    private final int[] clFreq = new int[19];
    private final byte[] clLen = new byte[19];
    private final int[] clCode = new int[19];
    private final int[] clSymbols = new int[286 + 30];
    private final byte[] allLengths = new byte[286 + 30];
    private final HuffmanCodeBuilder huffman = new HuffmanCodeBuilder();
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
    /** Distance codes 0-29, and {@link DeflateTables#NO_DISTANCE} for a literal. */
    private final int[] distanceTable = new int[31];

    // Output.
    private final byte[] outBuf = new byte[BLOCK_SYMBOLS * 6 + OUT_FLUSH + 1024 + 8];
    private int outPos;
    private long bitBuf;
    private int bitCount;
    private OutputStream out;
    private long written;

    /** Starts a new stream onto {@code out}. */
    void start(OutputStream out) {
        this.out = out;
        this.written = 0;
    }

    /** Whether a stream is started and not yet finished. */
    boolean isWriting() {
        return out != null;
    }

    /** Compressed bytes handed to the output stream so far. */
    long written() {
        return written;
    }

    /** Pads the last block to a byte, flushes, and lets go of the output stream. */
    void finishStream() throws IOException {
        alignToByte();
        flushOut();
        out = null;
    }

    /** Writes the pending symbols, which encode buf[start, end), as the smallest of the three block types. */
    void writeBlock(byte[] buf, int start, int end, boolean last) throws IOException {
        // No loops here, only calls: a loop would get this method compiled again on its own (on-stack
        // replacement) each time a branch it had not yet seen deoptimized it, a large cost in a cold run.
        litFreq[256]++;
        buildCodes();
        blockCosts();
        long stored = storedBits(end - start);
        if (stored < fixedBits && stored < dynamicBits) {
            writeStored(buf, start, end, last);
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
        HuffmanCodeBuilder.canonicalCodes(litLen, 286, litCode, codeCount, nextCode);
        HuffmanCodeBuilder.canonicalCodes(distLen, 30, distCode, codeCount, nextCode);
        HuffmanCodeBuilder.canonicalCodes(clLen, 19, clCode, codeCount, nextCode);
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
     * Writes the pending symbols ({@link DeflateTables}' form) with the given codes, literals and matches on
     * the same branch-free path: a literal's distance part is zero bits long. Tables hold code (bits 0-15),
     * code length (16-23), and code length plus extra bits (24-31).
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

    private void writeStored(byte[] buf, int start, int end, boolean last) throws IOException {
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
}
