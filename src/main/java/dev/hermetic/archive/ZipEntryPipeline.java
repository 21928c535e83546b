package dev.hermetic.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Takes one zip's sorted entries one {@link #add} call at a time: small ones are gathered into batches for
 * {@link SmallEntryEncoder} on the workers, large ones are streamed by {@link LargeEntryStreamer} on the calling
 * thread, and whatever is ready is written in order. The window of batches in flight is bounded, so memory stays
 * bounded whatever the archive's size.
 *
 * <p>Per entry work sits in methods called per entry, not in the body of a loop that runs once per archive: such
 * a loop stays in the interpreter until on-stack replacement compiles it, which cost FAST mode most of its time
 * on large jars.
 */
final class ZipEntryPipeline {

    /** A batch is handed over once its entries' compressed plus uncompressed sizes reach this. */
    static final long BATCH_BYTES = 1L << 20;
    private static final int BATCH_ENTRIES = 256;
    private static final long WINDOW_BYTES = 8L << 20;
    private static final int WINDOW_BATCHES = 16;

    /** Consecutive small entries encoded together (one task, one Inflater), or one large entry. */
    private record Pending(List<ZipEntryRecord> entries, long dataStart,
            CompletableFuture<SmallEntryEncoder.EncodedBatch> encoded, long weight) {
        /** Whether draining it now would not wait for a worker. */
        boolean isReady() {
            return encoded == null || encoded.isDone();
        }
    }

    private final ZipSource source;
    private final ZipEntryChecks checks;
    private final SmallEntryEncoder encoder;
    private final LargeEntryStreamer streamer;
    private final ZipWriter writer;
    private final Executor executor;
    private final Deque<Pending> window = new ArrayDeque<>();
    private long inFlight;
    private List<ZipEntryRecord> batch = new ArrayList<>();
    private long batchWeight;
    /** Whether every entry of {@link #batch} is {@link SmallEntryEncoder#isCheap cheap}. */
    private boolean copyOnly = true;

    /** @param executor workers for small entries, or {@code null} to work on the calling thread only */
    ZipEntryPipeline(ZipSource source, ZipEntryChecks checks, SmallEntryEncoder encoder, LargeEntryStreamer streamer,
            ZipWriter writer, Executor executor) {
        this.source = source;
        this.checks = checks;
        this.encoder = encoder;
        this.streamer = streamer;
        this.writer = writer;
        this.executor = executor;
    }

    void add(ZipEntryRecord e) throws IOException {
        boolean small = e.size() <= ZipNormalizer.SMALL_SIZE && e.compressedSize() <= ZipNormalizer.SMALL_SIZE;
        if (small) {
            // Read, checked and encoded by a worker: the calling thread only writes, in order.
            batch.add(e);
            copyOnly &= encoder.isCheap(e);
            batchWeight += e.compressedSize() + e.size();
            if (batchWeight < BATCH_BYTES && batch.size() < BATCH_ENTRIES) {
                return;
            }
        }
        if (!batch.isEmpty()) {
            Pending p = submit(batch, batchWeight, copyOnly);
            window.add(p);
            inFlight += p.weight;
            batch = new ArrayList<>();
            batchWeight = 0;
            copyOnly = true;
        }
        if (!small) {
            long dataStart = source.dataStart(e);
            checks.checkDataEnd(e, dataStart);
            window.add(new Pending(List.of(e), dataStart, null, 0));
        }
        // Whatever is ready at the head goes out now, which keeps few batches (and buffers) in flight.
        while (!window.isEmpty() && (inFlight > WINDOW_BYTES || window.size() > WINDOW_BATCHES || window.peek().isReady())) {
            inFlight -= drain(window.poll());
        }
    }

    void finish() throws IOException {
        if (!batch.isEmpty()) {
            window.add(submit(batch, batchWeight, copyOnly));
            batch = new ArrayList<>();
        }
        while (!window.isEmpty()) {
            drain(window.poll());
        }
    }

    /** Cancels what is still in flight (after a failure). */
    void cancel() {
        for (Pending p : window) {
            if (p.encoded != null) {
                p.encoded.cancel(false);
            }
        }
    }

    /**
     * Starts encoding a batch on a worker; on the calling thread when there is no executor, or when the batch
     * is only copied ({@link SmallEntryEncoder#isCheap}: handing it over would cost more than the copy).
     */
    private Pending submit(List<ZipEntryRecord> entries, long weight, boolean onlyCopied) throws IOException {
        if (executor == null || onlyCopied) {
            return new Pending(entries, 0, CompletableFuture.completedFuture(encoder.encode(entries)), weight);
        }
        return new Pending(entries, 0, CompletableFuture.supplyAsync(() -> {
            try {
                return encoder.encode(entries);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }, executor), weight);
    }

    private long drain(Pending p) throws IOException {
        if (p.encoded == null) {
            streamer.write(p.entries.get(0), p.dataStart, writer);
            return 0;
        }
        SmallEntryEncoder.EncodedBatch encoded;
        try {
            encoded = p.encoded.get();
        } catch (ExecutionException x) {
            Throwable cause = x.getCause() instanceof UncheckedIOException u ? u.getCause() : x.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while normalizing", x);
        } catch (CancellationException x) {
            throw new IOException("normalization cancelled", x);
        }
        for (int i = 0; i < encoded.entries().size(); i++) {
            write(p.entries.get(i).nameBytes(), encoded.entries().get(i), encoded.data().buffer());
        }
        encoder.release(encoded.data());
        return p.weight;
    }

    /** Writes one encoded entry (a method per entry, so that it is compiled early). */
    private void write(byte[] name, SmallEntryEncoder.Encoded e, byte[] data) throws IOException {
        ZipWriter.OpenEntry open = writer.beginEntry(name, e.method(), e.crc(), e.length(), e.size(), e.size());
        writer.out().write(data, e.offset(), e.length());
        writer.endEntry(open, e.crc(), e.length(), e.size(), e.externalAttributes(), false);
    }
}
