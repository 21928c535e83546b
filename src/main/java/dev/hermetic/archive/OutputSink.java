package dev.hermetic.archive;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
        return new FileSink(channel, null);
    }

    /**
     * A file sink that also computes the SHA-256 of what ends up in the file, on {@code digestThreads} while the
     * caller goes on writing (so the log's digest costs no second read of the file and little of the writer's time).
     * See {@link FileSink#sha256()}.
     */
    static FileSink digesting(FileChannel channel, Executor digestThreads) {
        return new FileSink(channel, digestThreads);
    }

    static MemorySink inMemory(int initialCapacity) {
        return new MemorySink(initialCapacity);
    }

    static final class FileSink extends OutputSink {
        /**
         * 1 MiB: each full buffer is one write call and one digest task handed to a worker; with smaller buffers
         * the hand-overs (waking the worker) took a measurable share of the writer's time in a cold JVM.
         */
        private static final int BUFFER_SIZE = 1024 * 1024;
        private static final int DIGEST_QUEUE = 8;
        private final FileChannel channel;
        private byte[] buffer = new byte[BUFFER_SIZE];
        private int count;
        private long flushed;
        /** Null when not digesting. Updated by one task at a time, in file order. */
        private final MessageDigest digest;
        private final Executor digestThreads;
        /**
         * Buffers written to the file and queued for the digest, oldest first; each task hands its buffer back
         * when digested. Several may wait (up to {@link #DIGEST_QUEUE}), so that the writer does not stop each
         * time the digest, slow until the JIT has compiled it, lags one buffer behind.
         */
        private final ArrayDeque<CompletableFuture<byte[]>> digestQueue = new ArrayDeque<>();
        /** The last digest task: the next one runs after it, so the digest sees the bytes in file order. */
        private CompletableFuture<byte[]> digesting = CompletableFuture.completedFuture(null);
        /** False once bytes already digested were patched: the digest then no longer describes the file. */
        private boolean digestValid;
        private String sha256;

        FileSink(FileChannel channel, Executor digestThreads) {
            this.channel = channel;
            this.digestThreads = digestThreads;
            this.digest = digestThreads == null ? null : DigestAlgorithm.SHA_256.newMessageDigest();
            this.digestValid = digest != null;
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
                if (digest != null) {
                    awaitDigest();
                    digest.update(b, off, len); // rare (a large central directory): on the caller's thread
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
            if (digest != null && count > 0) {
                byte[] written = buffer;
                int length = count;
                digesting = digesting.thenApplyAsync(previous -> {
                    digest.update(written, 0, length);
                    return written;
                }, digestThreads);
                digestQueue.add(digesting);
                buffer = digestQueue.size() < DIGEST_QUEUE ? new byte[BUFFER_SIZE] : join(digestQueue.poll());
            }
            count = 0;
        }

        /** Waits until every buffer queued so far is digested. */
        private void awaitDigest() throws IOException {
            while (!digestQueue.isEmpty()) {
                join(digestQueue.poll());
            }
        }

        private static byte[] join(CompletableFuture<byte[]> task) throws IOException {
            try {
                return task.join();
            } catch (CompletionException | CancellationException e) {
                throw new IOException("digesting the output failed", e);
            }
        }

        @Override
        void patch(long position, byte[] bytes) throws IOException {
            if (position >= flushed) {
                System.arraycopy(bytes, 0, buffer, (int) (position - flushed), bytes.length);
                return;
            }
            digestValid = false;
            flush();
            ByteBuffer source = ByteBuffer.wrap(bytes);
            while (source.hasRemaining()) {
                channel.write(source, position + source.position());
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            if (digest != null) {
                awaitDigest();
                if (digestValid && sha256 == null) {
                    sha256 = HexFormat.of().formatHex(digest.digest());
                }
            }
        }

        /**
         * After {@link #close()}: lowercase hex SHA-256 of every byte written, or {@code null} when not digesting
         * or when a patch changed bytes already digested (then digest the file instead).
         */
        String sha256() {
            return sha256;
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

        /** Empties the sink for reuse, keeping its buffer. */
        void reset() {
            count = 0;
        }

        @Override
        public void close() {}
    }
}
