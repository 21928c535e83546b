package dev.hermetic.archive;

import com.jcraft.jzlib.Deflater;
import com.jcraft.jzlib.GZIPException;
import com.jcraft.jzlib.JZlib;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Raw deflate with jzlib (pure Java), so compressed bytes depend only on the input: the JDK's Deflater
 * calls whatever zlib the platform links (zlib, zlib-ng, hardware deflate), which do not agree on bytes.
 * The window and hash sizes are chosen from the uncompressed size alone (smaller for small entries, which
 * saves allocating 256 KiB of state per class file), so output is still a function of the content.
 */
final class PortableDeflater extends OutputStream {

    /** Compression level for every entry: zlib's default, the size/speed balance most jars were built with. */
    static final int LEVEL = 6;

    private final OutputStream out;
    private final Deflater deflater;
    private final byte[] buffer;
    private long written;
    private boolean finished;

    /** @param size the exact number of bytes that will be written (chooses the parameters) */
    PortableDeflater(OutputStream out, long size) {
        this.out = out;
        int windowBits = 9;
        while (windowBits < 15 && (1L << windowBits) < size + 262) {
            windowBits++;
        }
        int memLevel = Math.max(1, Math.min(8, windowBits - 7));
        try {
            this.deflater = new Deflater(LEVEL, windowBits, memLevel, JZlib.WrapperType.NONE);
        } catch (GZIPException e) {
            throw new IllegalStateException("jzlib refused level " + LEVEL + ", window " + windowBits, e);
        }
        this.buffer = new byte[(int) Math.min(64 * 1024, Math.max(512, size / 2 + 64))];
    }

    /** Deflates {@code data[off, off+len)} into a new array. */
    static byte[] deflate(byte[] data, int off, int len) {
        OutputSink.MemorySink sink = OutputSink.inMemory(len / 3 + 64);
        try (PortableDeflater d = new PortableDeflater(sink, len)) {
            d.write(data, off, len);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory deflate cannot fail", e);
        }
        return sink.toByteArray();
    }

    /** Bytes of compressed output so far. */
    long compressedSize() {
        return written;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        deflater.setInput(b, off, len, false);
        while (deflater.avail_in > 0) {
            run(JZlib.Z_NO_FLUSH);
        }
    }

    private int run(int flush) throws IOException {
        deflater.setOutput(buffer, 0, buffer.length);
        int status = deflater.deflate(flush);
        if (status != JZlib.Z_OK && status != JZlib.Z_STREAM_END && status != JZlib.Z_BUF_ERROR) {
            throw new IOException("jzlib deflate failed: " + status + " " + deflater.msg);
        }
        int n = buffer.length - deflater.avail_out;
        if (n > 0) {
            out.write(buffer, 0, n);
            written += n;
        }
        return status;
    }

    /** Finishes the deflate stream; does not close the underlying stream. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        deflater.setInput(new byte[0], 0, 0, false);
        while (run(JZlib.Z_FINISH) != JZlib.Z_STREAM_END) {
            // keep draining
        }
        deflater.end();
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
