package dev.hermetic.archive;

import java.util.Arrays;

/**
 * Huffman codes for deflate blocks: length-limited code lengths from symbol counts, and the canonical codes for
 * those lengths (RFC 1951 3.2.2). The result depends on the counts alone (ties are broken by symbol number), and
 * an instance keeps its scratch space, so building a code allocates nothing.
 */
final class HuffmanCodeBuilder {

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
}
