package dev.hermetic.archive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Raw deflate with this plugin's own pure-Java {@link DeflateEncoder}, so compressed bytes depend only on
 * the input (and on the plugin's version): the JDK's Deflater calls whatever zlib the platform links
 * (zlib, zlib-ng, hardware deflate), which do not agree on bytes.
 */
final class PortableDeflater extends OutputStream {

    private final DeflateEncoder encoder;
    private final RunBuffers buffers;
    private long written;
    private boolean finished;

    /**
     * @param size the number of bytes that will be written; the encoder's parameters do not depend on it,
     *     so the output is the same whatever the caller declares
     * @param buffers the run's, which lends the encoder and takes it back when the stream finishes
     */
    PortableDeflater(OutputStream out, long size, RunBuffers buffers) {
        this.encoder = buffers.encoder(out);
        this.buffers = buffers;
    }

    /** Deflates {@code data[off, off+len)} into a new array, with an encoder of {@code buffers}. */
    static byte[] deflate(byte[] data, int off, int len, RunBuffers buffers) {
        OutputSink.MemorySink sink = OutputSink.inMemory(len / 3 + 64);
        try {
            deflate(data, off, len, sink, buffers);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory deflate cannot fail", e);
        }
        return sink.toByteArray();
    }

    /**
     * Deflates {@code data[off, off+len)} as one whole stream onto {@code out}. Without a try-with-resources
     * on purpose: its close() on the exception path is a second call of the encoder's finish, and the JIT
     * compiled both copies, with the whole block writer, into every method that inlines this one. An encoder
     * that fails is never handed out again, so nothing needs closing then.
     */
    static void deflate(byte[] data, int off, int len, OutputStream out, RunBuffers buffers) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        DeflateEncoder encoder = buffers.encoder(out);
        encoder.write(data, off, len);
        encoder.finish();
        buffers.release(encoder);
    }

    /** Bytes of compressed output so far. */
    long compressedSize() {
        return finished ? written : encoder.written();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("write after finish");
        }
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        encoder.write(b, off, len);
    }

    /** Finishes the deflate stream; does not close the underlying stream. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        encoder.finish();
        written = encoder.written();
        buffers.release(encoder);
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
