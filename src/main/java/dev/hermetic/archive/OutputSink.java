package dev.hermetic.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Where a normalized archive is written: a file or memory. Supports patching bytes already written, so a
 * local header can be written before its entry is compressed and its compressed size filled in afterwards
 * (the alternative, data descriptors, is what we remove).
 */
abstract class OutputSink extends OutputStream implements Closeable {

    abstract long position();

    /** Overwrites bytes at an earlier position. */
    abstract void patch(long position, byte[] bytes) throws IOException;

    static OutputSink of(FileChannel channel) {
        return new FileSink(channel);
    }

    static MemorySink inMemory(int initialCapacity) {
        return new MemorySink(initialCapacity);
    }

    private static final class FileSink extends OutputSink {
        private final FileChannel channel;
        private final byte[] buffer = new byte[256 * 1024];
        private int count;
        private long flushed;

        FileSink(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        long position() {
            return flushed + count;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                flush();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= buffer.length) {
                flush();
                ByteBuffer source = ByteBuffer.wrap(b, off, len);
                while (source.hasRemaining()) {
                    flushed += channel.write(source, flushed);
                }
                return;
            }
            if (count + len > buffer.length) {
                flush();
            }
            System.arraycopy(b, off, buffer, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            ByteBuffer source = ByteBuffer.wrap(buffer, 0, count);
            while (source.hasRemaining()) {
                flushed += channel.write(source, flushed);
            }
            count = 0;
        }

        @Override
        void patch(long position, byte[] bytes) throws IOException {
            if (position >= flushed) {
                System.arraycopy(bytes, 0, buffer, (int) (position - flushed), bytes.length);
                return;
            }
            flush();
            ByteBuffer source = ByteBuffer.wrap(bytes);
            while (source.hasRemaining()) {
                channel.write(source, position + source.position());
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    static final class MemorySink extends OutputSink {
        private byte[] buffer;
        private int count;

        MemorySink(int initialCapacity) {
            buffer = new byte[Math.max(64, initialCapacity)];
        }

        private void ensure(long needed) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("archive too large for memory: " + needed + " bytes");
            }
            if (needed > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * buffer.length)));
            }
        }

        @Override
        long position() {
            return count;
        }

        @Override
        public void write(int b) {
            ensure(count + 1L);
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure((long) count + len);
            System.arraycopy(b, off, buffer, count, len);
            count += len;
        }

        @Override
        void patch(long position, byte[] bytes) {
            System.arraycopy(bytes, 0, buffer, (int) position, bytes.length);
        }

        byte[] buffer() {
            return buffer;
        }

        int size() {
            return count;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, count);
        }

        @Override
        public void close() {}
    }
}
