package dev.hermetic.archive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Raw DEFLATE (RFC 1951) compressor in pure Java whose output is a function of the input bytes alone.
 *
 * <p>Hand-written because no library offers a fast pure-Java deflate encoder: jzlib made PORTABLE normalization
 * slower than tools that call the JDK's native zlib, whose bytes differ between zlib builds. The design trades a
 * few percent of size for speed (see bench/deflate): {@link Lz77Matcher} finds greedy matches with one probe,
 * {@link DeflateBlockWriter} writes each block in the smallest of the three block types, with codes from
 * {@link HuffmanCodeBuilder}. The input is cut into segments of {@link Lz77Matcher#SEGMENT} bytes at fixed offsets
 * of the stream; neither a match nor a block crosses a segment's end, so how the input is split into
 * {@link #write} calls cannot change a byte of the output.
 *
 * <p>A normalization run keeps idle instances and reuses them ({@link RunBuffers#encoder}), so thousands of small
 * class files do not each allocate the encoder's buffers (about 500 KiB).
 */
final class DeflateEncoder {

    private final DeflateBlockWriter blocks = new DeflateBlockWriter();
    private final Lz77Matcher matcher = new Lz77Matcher(blocks);
    private boolean failed;

    /** A new encoder; {@link RunBuffers#encoder} hands out idle ones first. */
    DeflateEncoder() {}

    /** Starts a new stream onto {@code out} (the previous one finished). */
    void start(OutputStream out) {
        blocks.start(out);
    }

    /** Whether the last stream finished normally, so that the next may use this encoder. */
    boolean reusable() {
        return !failed && !blocks.isWriting();
    }

    /** Compressed bytes handed to the output stream so far. */
    long written() {
        return blocks.written();
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (failed) {
            throw new IOException("deflate stream failed earlier; it cannot be continued");
        }
        failed = true; // until this call returns normally: a half-written state must never be reused
        while (len > 0) {
            if (matcher.isFull()) {
                compressSegment(false);
                matcher.slide();
            }
            int n = matcher.append(b, off, len);
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
        blocks.finishStream();
        matcher.endStream();
        failed = false;
    }

    /** Advances position numbers as if {@code n} more bytes had been compressed; lets a test reach a rebase. */
    void skipPositions(int n) {
        matcher.skipPositions(n);
    }

    /**
     * LZ77 over the segment, and the block(s) holding its symbols; the last one is final if asked. One call site
     * of the block writer, so that a method the JIT inlines this one into compiles one copy of it.
     */
    private void compressSegment(boolean last) throws IOException {
        int end = matcher.fill();
        int blockStart = Lz77Matcher.WINDOW;
        int p = blockStart;
        do {
            p = matcher.match(p, end); // stops early when the block is full
            blocks.writeBlock(matcher.buffer(), blockStart, p, last && p == end);
            blockStart = p;
        } while (p < end);
    }
}
