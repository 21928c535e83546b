package dev.hermetic.archive;

import java.io.Closeable;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns an entry's stored bytes into its content while checking everything the headers claim: the CRC,
 * the uncompressed size, that the deflate stream ends exactly where the compressed data does, and the
 * compression ratio (against the bytes really present, counted while inflating, so a zip bomb is stopped
 * before it has expanded further than the limit allows). Inflating is not where zlib implementations
 * differ, so the JDK's native Inflater is used.
 */
final class EntryInflater implements Closeable {

    /** Receives uncompressed content in chunks. */
    interface Sink {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    /** Builds the exception for a problem with this entry. */
    interface Problems {
        ArchiveProblemException problem(String message);
    }

    private final ZipEntryRecord entry;
    private final long maxSize;
    private final Problems problems;
    private final Inflater inflater;
    private final boolean ownsInflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer;
    private long produced;
    private long consumed;

    EntryInflater(ZipEntryRecord entry, long maxCompressionRatio, Problems problems) {
        this(entry, maxCompressionRatio, problems, null, null);
    }

    /**
     * @param shared an Inflater to reset and reuse (not ended by {@link #close()}), or {@code null}
     * @param sharedOutput with {@code shared}: the buffer to inflate into, reused from entry to entry of a batch
     */
    EntryInflater(ZipEntryRecord entry, long maxCompressionRatio, Problems problems, Inflater shared,
            byte[] sharedOutput) {
        this.entry = entry;
        this.problems = problems;
        long bound = maxCompressionRatio <= 0 ? Long.MAX_VALUE
                : Math.max(entry.compressedSize(), 1) > Long.MAX_VALUE / maxCompressionRatio ? Long.MAX_VALUE
                : Math.max(entry.compressedSize(), 1) * maxCompressionRatio;
        this.maxSize = bound;
        if (entry.method() != ZipEntryRecord.DEFLATED) {
            this.inflater = null;
            this.ownsInflater = false;
        } else if (shared != null) {
            shared.reset();
            this.inflater = shared;
            this.ownsInflater = false;
        } else {
            this.inflater = new Inflater(true);
            this.ownsInflater = true;
        }
        this.buffer = inflater == null ? null
                : shared != null ? sharedOutput : new byte[(int) Math.max(512, Math.min(64 * 1024, entry.size() + 1))];
    }

    void feed(byte[] bytes, int offset, int length, Sink sink) throws IOException {
        consumed += length;
        if (inflater == null) {
            count(bytes, offset, length);
            sink.accept(bytes, offset, length);
            return;
        }
        if (inflater.finished()) {
            if (length > 0) {
                throw problems.problem("compressed data continues after the end of its deflate stream: sizes in the headers are wrong");
            }
            return;
        }
        inflater.setInput(bytes, offset, length);
        while (true) {
            int n;
            try {
                n = inflater.inflate(buffer);
            } catch (DataFormatException e) {
                throw problems.problem("corrupt deflate data (" + e.getMessage() + ")");
            }
            if (n > 0) {
                count(buffer, 0, n);
                sink.accept(buffer, 0, n);
            }
            if (inflater.finished()) {
                if (inflater.getRemaining() > 0) {
                    throw problems.problem("compressed data continues after the end of its deflate stream: sizes in the headers are wrong");
                }
                return;
            }
            if (n == 0) {
                if (inflater.needsDictionary()) {
                    throw problems.problem("deflate stream asks for a preset dictionary, which zip does not allow: corrupt");
                }
                if (inflater.needsInput()) {
                    return;
                }
            }
        }
    }

    private void count(byte[] bytes, int offset, int length) throws IOException {
        produced += length;
        if (produced > entry.size()) {
            throw problems.problem("holds more than the " + entry.size() + " bytes its header declares: sizes lie or the data is corrupt");
        }
        if (produced > maxSize) {
            throw problems.problem("expands more than " + (maxSize / Math.max(entry.compressedSize(), 1))
                    + " times its compressed size (" + entry.compressedSize() + " bytes): refused as a possible zip bomb;"
                    + " raise maxCompressionRatio if the archive is trusted");
        }
        crc.update(bytes, offset, length);
    }

    /** Checks that the content is complete and matches the CRC. */
    void finish() throws IOException {
        if (consumed != entry.compressedSize()) {
            throw problems.problem("only " + consumed + " of " + entry.compressedSize() + " compressed bytes could be read: truncated");
        }
        if (inflater != null && !inflater.finished()) {
            throw problems.problem("deflate stream ends before its last block: truncated or corrupt");
        }
        if (produced != entry.size()) {
            throw problems.problem("content is " + produced + " bytes but the header says " + entry.size() + ": sizes lie or truncated");
        }
        if (crc.getValue() != entry.crc()) {
            throw problems.problem(String.format("CRC mismatch (computed %08x, header says %08x): the data is corrupt",
                    crc.getValue(), entry.crc()));
        }
    }

    @Override
    public void close() {
        if (ownsInflater) {
            inflater.end();
        }
    }
}
