package dev.hermetic.archive;

import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * The large buffers one normalization run reuses from entry to entry, on whichever of its threads needs them: deflate
 * encoders (500 KiB each), inflate output buffers and inflated-content buffers. Owned by the run and dropped with it,
 * never by a thread: Maven's threads outlive a mojo (the Maven Daemon's, an IDE's, for days), and a thread-local
 * buffer would keep this plugin's class loader alive with them. A buffer in use is never in the pool, so a nested
 * archive normalized on the same thread gets buffers of its own. Thread-safe.
 */
final class RunBuffers {

    /** Inflate output, the size of one read. */
    static final int INFLATE_BUFFER_BYTES = 64 * 1024;
    /** A content buffer grown past this by a rare large entry is dropped, not kept for the rest of the run. */
    private static final int KEPT_CONTENT_BYTES = 1 << 20;

    private final ArrayDeque<DeflateEncoder> encoders = new ArrayDeque<>();
    private final ArrayDeque<byte[]> inflateBuffers = new ArrayDeque<>();
    private final ArrayDeque<OutputSink.MemorySink> contents = new ArrayDeque<>();

    /** An idle encoder set to write a new stream onto {@code out}, or a new one. */
    DeflateEncoder encoder(OutputStream out) {
        DeflateEncoder e;
        synchronized (this) {
            e = encoders.poll();
        }
        if (e == null) {
            e = new DeflateEncoder();
        }
        e.start(out);
        return e;
    }

    /** Takes back an encoder whose stream finished normally; one that failed is never reused. */
    void release(DeflateEncoder e) {
        if (e.reusable()) {
            synchronized (this) {
                encoders.push(e);
            }
        }
    }

    /** A buffer of {@link #INFLATE_BUFFER_BYTES} for inflated output. */
    byte[] inflateBuffer() {
        byte[] b;
        synchronized (this) {
            b = inflateBuffers.poll();
        }
        return b != null ? b : new byte[INFLATE_BUFFER_BYTES];
    }

    void release(byte[] inflateBuffer) {
        synchronized (this) {
            inflateBuffers.push(inflateBuffer);
        }
    }

    /** An empty buffer for an entry's inflated content. */
    OutputSink.MemorySink content() {
        OutputSink.MemorySink s;
        synchronized (this) {
            s = contents.poll();
        }
        if (s == null) {
            return OutputSink.inMemory(64 * 1024);
        }
        s.reset();
        return s;
    }

    void release(OutputSink.MemorySink content) {
        if (content.buffer().length <= KEPT_CONTENT_BYTES) {
            synchronized (this) {
                contents.push(content);
            }
        }
    }
}
