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

    /**
     * Compression level for every entry. Level 3 is the strongest of zlib's "fast" (non-lazy) levels: on
     * kotlin-compiler-embeddable 2.1.0 (158 MB of content) jzlib needs 29% less CPU than at level 6 for
     * 4.6% more compressed bytes; level 1 would save 6% more time for another 3% of size.
     */
    static final int LEVEL = 3;

    /**
     * jzlib's deflateReset is package-private; reached by reflection, it lets a thread reuse one Deflater per
     * window size instead of allocating up to 256 KiB of state per entry (zlib documents a reset as equivalent
     * to a fresh init, and a test checks the bytes). Without it, a fresh Deflater is made: same bytes, slower.
     */
    private static final java.lang.invoke.MethodHandle RESET = findReset();
    private static final ThreadLocal<Deflater[]> REUSABLE = ThreadLocal.withInitial(() -> new Deflater[16]);

    private final OutputStream out;
    private final int windowBits;
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
        this.windowBits = windowBits;
        this.deflater = obtain(windowBits);
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
        if (RESET != null) {
            REUSABLE.get()[windowBits] = deflater;
        } else {
            deflater.end();
        }
    }

    private static Deflater obtain(int windowBits) {
        Deflater[] reusable = REUSABLE.get();
        Deflater d = reusable[windowBits];
        if (d != null) {
            reusable[windowBits] = null;
            try {
                int status = (int) RESET.invokeExact((Object) d);
                if (status == JZlib.Z_OK) {
                    return d;
                }
            } catch (Throwable e) {
                // fall through to a fresh one
            }
        }
        int memLevel = Math.max(1, Math.min(8, windowBits - 7));
        try {
            return new Deflater(LEVEL, windowBits, memLevel, JZlib.WrapperType.NONE);
        } catch (GZIPException e) {
            throw new IllegalStateException("jzlib refused level " + LEVEL + ", window " + windowBits, e);
        }
    }

    private static java.lang.invoke.MethodHandle findReset() {
        try {
            java.lang.reflect.Field state = com.jcraft.jzlib.ZStream.class.getDeclaredField("dstate");
            state.setAccessible(true);
            Class<?> deflate = Class.forName("com.jcraft.jzlib.Deflate", false, Deflater.class.getClassLoader());
            java.lang.reflect.Method reset = deflate.getDeclaredMethod("deflateReset");
            reset.setAccessible(true);
            var lookup = java.lang.invoke.MethodHandles.lookup();
            java.lang.invoke.MethodHandle getState = lookup.unreflectGetter(state);
            java.lang.invoke.MethodHandle callReset = lookup.unreflect(reset);
            java.lang.invoke.MethodHandle handle = java.lang.invoke.MethodHandles.filterReturnValue(
                    getState.asType(java.lang.invoke.MethodType.methodType(deflate, com.jcraft.jzlib.ZStream.class)),
                    callReset.asType(java.lang.invoke.MethodType.methodType(int.class, deflate)));
            return handle.asType(java.lang.invoke.MethodType.methodType(int.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether Deflaters are reused (for the test that proves reuse changes no byte). */
    static boolean reusesDeflaters() {
        return RESET != null;
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
