package dev.hermetic.archive;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional reads from an archive held in a file or in memory. A zip is read from its end (the central
 * directory) and then entry by entry in sorted order, so it needs random access rather than a stream.
 * Positional reads keep no cursor, so worker threads may read concurrently.
 */
abstract class RandomAccessInput implements Closeable {

    abstract long size();

    /** Reads exactly {@code length} bytes at {@code position}, or throws {@link EOFException}. */
    abstract void readFully(long position, byte[] buffer, int offset, int length) throws IOException;

    /** Refuses, as {@link #readFully} must, a read that does not lie wholly inside the input. */
    final void checkRange(long position, int length) throws EOFException {
        if (position < 0 || position + length > size()) {
            throw new EOFException("read of " + length + " bytes at " + position + " is past the end (" + size() + " bytes)");
        }
    }

    /**
     * Like {@link #readFully}, but bypassing any read-ahead window: for worker threads, whose reads would
     * otherwise contend for the window and move it away from where the calling thread reads.
     */
    void readUnbuffered(long position, byte[] buffer, int offset, int length) throws IOException {
        readFully(position, buffer, offset, length);
    }

    byte[] read(long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        readFully(position, bytes, 0, length);
        return bytes;
    }

    /** Copies {@code length} bytes starting at {@code position} to {@code out}. */
    void copyTo(long position, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[(int) Math.min(256 * 1024, Math.max(length, 1))];
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(buffer.length, length - done);
            readFully(position + done, buffer, 0, n);
            out.write(buffer, 0, n);
            done += n;
        }
    }

    /** A buffered stream over {@code length} bytes starting at {@code position}. */
    InputStream stream(long position, long length) {
        return new RangeStream(position, length);
    }

    static RandomAccessInput open(Path file) throws IOException {
        return new FileInput(FileChannel.open(file, StandardOpenOption.READ));
    }

    static RandomAccessInput of(byte[] bytes) {
        return new ByteArrayInput(bytes, bytes.length);
    }

    static RandomAccessInput of(byte[] bytes, int length) {
        return new ByteArrayInput(bytes, length);
    }

    private static final class FileInput extends RandomAccessInput {
        private static final int SMALL_READ = 64 * 1024;
        private final FileChannel channel;
        private final long size;
        private final byte[] window = new byte[1 << 20];
        private long windowStart;
        private int windowLength;

        FileInput(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        @Override
        long size() {
            return size;
        }

        @Override
        void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
            checkRange(position, length);
            if (length <= SMALL_READ) {
                synchronized (this) {
                    // Entries are read in name order, which is mostly file order: one read-ahead window
                    // serves the local header and the data of many small entries.
                    if (position < windowStart || position + length > windowStart + windowLength) {
                        // A full window only when reading moves forward nearby; random order reads little.
                        boolean forward = position >= windowStart && position < windowStart + windowLength + window.length;
                        int want = forward ? window.length : Math.max(length, 8 * 1024);
                        windowStart = position;
                        windowLength = (int) Math.min(want, size - position);
                        readDirect(position, window, 0, windowLength);
                    }
                    System.arraycopy(window, (int) (position - windowStart), buffer, offset, length);
                }
                return;
            }
            readDirect(position, buffer, offset, length);
        }

        @Override
        void readUnbuffered(long position, byte[] buffer, int offset, int length) throws IOException {
            checkRange(position, length);
            readDirect(position, buffer, offset, length);
        }

        private void readDirect(long position, byte[] buffer, int offset, int length) throws IOException {
            ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
            while (target.hasRemaining()) {
                int n = channel.read(target, position + target.position() - offset);
                if (n < 0) {
                    throw new EOFException("file ended at " + (position + target.position() - offset));
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class ByteArrayInput extends RandomAccessInput {
        private final byte[] bytes;
        private final int length;

        ByteArrayInput(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        @Override
        long size() {
            return length;
        }

        @Override
        void readFully(long position, byte[] buffer, int offset, int count) throws IOException {
            checkRange(position, count);
            System.arraycopy(bytes, (int) position, buffer, offset, count);
        }

        @Override
        InputStream stream(long position, long count) {
            return new java.io.ByteArrayInputStream(bytes, (int) position, (int) Math.min(count, length - position));
        }

        @Override
        public void close() {}
    }

    private final class RangeStream extends InputStream {
        private final byte[] buffer = new byte[64 * 1024];
        private long next;
        private long remaining;
        private int bufferPos;
        private int bufferEnd;

        RangeStream(long position, long length) {
            this.next = position;
            this.remaining = length;
        }

        private boolean fill() throws IOException {
            if (remaining <= 0) {
                return false;
            }
            int n = (int) Math.min(buffer.length, remaining);
            readFully(next, buffer, 0, n);
            next += n;
            remaining -= n;
            bufferPos = 0;
            bufferEnd = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            if (bufferPos == bufferEnd && !fill()) {
                return -1;
            }
            return buffer[bufferPos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (bufferPos == bufferEnd && !fill()) {
                return -1;
            }
            int n = Math.min(len, bufferEnd - bufferPos);
            System.arraycopy(buffer, bufferPos, b, off, n);
            bufferPos += n;
            return n;
        }
    }
}
