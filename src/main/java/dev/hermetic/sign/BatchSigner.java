package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.FileDigests;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signs many files with one {@link OpenPgpSigner} on a few threads, and hands the results back in the order of the
 * files. Each file is read once, for its SHA-256 and SHA-512 (one of which the signature continues), as soon as the
 * batch {@linkplain #start starts}: reading needs no key, so it overlaps with {@link OpenPgpSigner#prepare()}, which
 * the caller runs between {@link #start} and {@link #signAll}. A batch writes nothing: the caller writes each
 * result, in order, so that its log, its list of written files and what a failure part way leaves behind do not
 * depend on thread timing.
 *
 * <p>Use it in try-with-resources: {@link #close()} stops the threads, also when preparing the key failed.
 */
public final class BatchSigner implements AutoCloseable {

    /** Every algorithm: the side files and manifest need both, and the signature continues one of them. */
    private static final Set<DigestAlgorithm> ALGORITHMS = EnumSet.allOf(DigestAlgorithm.class);

    /** More threads than this only queue up on the disk (and each holds a read buffer). */
    private static final int MAX_THREADS = 8;

    /**
     * One signed file, not yet written.
     *
     * @param armoredSignature the detached signature, already checked against the public key
     * @param digests lowercase hex SHA-256 and SHA-512 of the bytes signed, in {@link DigestAlgorithm} order
     */
    public record Signed(Path file, byte[] armoredSignature, Map<DigestAlgorithm, String> digests) {}

    /** Takes each result on the thread that called {@link #signAll}, in the order of the files. */
    @FunctionalInterface
    public interface Receiver {
        void accept(Signed signed) throws IOException;
    }

    private final List<Path> files;
    private final ExecutorService threads;
    private final CompletableFuture<OpenPgpSigner> signerReady = new CompletableFuture<>();
    private final List<CompletableFuture<Signed>> results;

    private BatchSigner(List<Path> files, int threadCount) {
        this.files = List.copyOf(files);
        this.threads = Executors.newFixedThreadPool(threadCount, new NamedDaemonThreads());
        List<CompletableFuture<Signed>> pending = new ArrayList<>();
        for (int i = 0; i < this.files.size(); i++) {
            pending.add(null);
        }
        // Largest first, so that the batch does not end waiting on one big file read by one thread.
        for (int index : largestFirst(this.files)) {
            Path file = this.files.get(index);
            CompletableFuture<FileDigests> digests = CompletableFuture.supplyAsync(() -> read(file), threads);
            pending.set(index, digests.thenCombineAsync(signerReady, (d, signer) -> sign(signer, file, d), threads));
        }
        this.results = pending;
    }

    /**
     * Starts reading and digesting {@code files} on {@link #defaultThreads} threads.
     *
     * @param files regular files; a file may appear once
     */
    public static BatchSigner start(List<Path> files) {
        return start(files, defaultThreads(files.size()));
    }

    /** Starts reading and digesting {@code files} on {@code threadCount} threads (at least 1). */
    public static BatchSigner start(List<Path> files, int threadCount) {
        return new BatchSigner(files, Math.max(1, threadCount));
    }

    /** One thread per processor, at most one per file and at most {@value #MAX_THREADS}. */
    public static int defaultThreads(int fileCount) {
        return Math.max(1, Math.min(Math.min(Runtime.getRuntime().availableProcessors(), fileCount), MAX_THREADS));
    }

    /**
     * Signs every file with {@code signer} (prepared), then gives each result to {@code receiver}, in the order of
     * the files, on this thread. Stops at the first failure, in file order: the files before it have been received,
     * none after it.
     */
    public void signAll(OpenPgpSigner signer, Receiver receiver) throws SigningException, IOException {
        Objects.requireNonNull(receiver, "receiver");
        signer.keyFingerprint(); // fails now, on this thread, if prepare() did not succeed
        signerReady.complete(signer);
        for (CompletableFuture<Signed> result : results) {
            receiver.accept(await(result));
        }
    }

    /** Stops the threads; reads and signatures still running are abandoned. */
    @Override
    public void close() {
        signerReady.cancel(false);
        results.forEach(result -> result.cancel(false));
        threads.shutdownNow();
    }

    private static FileDigests read(Path file) {
        try {
            return FileDigests.read(file, ALGORITHMS);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static Signed sign(OpenPgpSigner signer, Path file, FileDigests digests) {
        try {
            return new Signed(file, signer.armoredSignature(file, digests), digests.hex());
        } catch (IOException | SigningException e) {
            throw new CompletionException(e);
        }
    }

    private static Signed await(CompletableFuture<Signed> result) throws SigningException, IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while signing");
        } catch (CancellationException e) {
            throw new InterruptedIOException("signing was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof SigningException s) {
                throw s;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static List<Integer> largestFirst(List<Path> files) {
        List<Integer> order = new ArrayList<>();
        long[] sizes = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException e) {
                sizes[i] = 0; // reading it fails soon enough, with the reason
            }
        }
        // Stable: files of one size keep their order.
        order.sort(Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
        return order;
    }

    /** Daemon threads, so that a batch nobody closed cannot keep a JVM alive; named for thread dumps. */
    private static final class NamedDaemonThreads implements ThreadFactory {
        private static final AtomicInteger BATCHES = new AtomicInteger();
        private final int batch = BATCHES.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "hermetic-sign-" + batch + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
