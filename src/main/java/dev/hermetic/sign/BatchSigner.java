package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
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
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signs many files with one {@link OpenPgpSigner} on a few threads, and hands the results back in the order of the
 * files. Each file is read once, for its SHA-256 and SHA-512 (one of which the signature continues), as soon as the
 * batch {@linkplain #start starts}: reading needs no key, so it overlaps with {@link SigningKeyLoader#load()}, which
 * the caller runs between {@link #start} and {@link #signAll}. A batch writes nothing: the caller writes each
 * result, in order, so that its log, its list of written files and what a failure part way leaves behind do not
 * depend on thread timing.
 *
 * <p>The caller's thread is one of the batch's threads: while the key is prepared on it, the batch reads on one
 * thread fewer, and once {@link #signAll} runs, the caller reads and signs too while it waits for the next result.
 * So no more threads run than were asked for: in a fresh JVM each extra thread runs the same cold SHA-2 and
 * {@code BigInteger} code in the interpreter until the JIT has compiled it, and on a machine with two processors a
 * third busy thread also delays that compilation (bench/NOTES.md, Sign).
 *
 * <p>Use it in try-with-resources: {@link #close()} stops the threads, also when preparing the key failed.
 */
final class BatchSigner implements AutoCloseable {

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
    record Signed(Path file, byte[] armoredSignature, Map<DigestAlgorithm, String> digests) {}

    /** Takes each result on the thread that called {@link #signAll}, in the order of the files. */
    @FunctionalInterface
    interface Receiver {
        void accept(Signed signed) throws IOException;
    }

    /** How long the helping caller waits for a task before it looks at its next result again. */
    private static final long HELP_POLL_MILLIS = 1;

    private final List<Path> files;
    private final Workers threads;
    /** Whether the caller of {@link #signAll} runs tasks too (it is one of the threads asked for). */
    private final boolean callerHelps;
    private final CompletableFuture<OpenPgpSigner> signerReady = new CompletableFuture<>();
    private final List<CompletableFuture<MultiDigest>> reads;
    private final List<CompletableFuture<Signed>> results;

    private BatchSigner(List<Path> files, int threadCount) {
        this.files = List.copyOf(files);
        this.callerHelps = threadCount > 1;
        this.threads = new Workers(callerHelps ? threadCount - 1 : 1);
        List<CompletableFuture<MultiDigest>> reading = new ArrayList<>();
        List<CompletableFuture<Signed>> pending = new ArrayList<>();
        for (int i = 0; i < this.files.size(); i++) {
            reading.add(null);
            pending.add(null);
        }
        // Largest first, so that the batch does not end waiting on one big file read by one thread.
        for (int index : largestFirst(this.files)) {
            Path file = this.files.get(index);
            CompletableFuture<MultiDigest> digests = CompletableFuture.supplyAsync(() -> read(file), threads);
            reading.set(index, digests);
            pending.set(index, digests.thenCombineAsync(signerReady, (d, signer) -> sign(signer, file, d), threads));
        }
        this.reads = reading;
        this.results = pending;
    }

    /**
     * Starts reading and digesting {@code files} on {@link #defaultThreads} threads.
     *
     * @param files regular files; a file may appear once
     */
    static BatchSigner start(List<Path> files) {
        return start(files, defaultThreads(files.size()));
    }

    /**
     * Starts reading and digesting {@code files} on {@code threadCount} threads (at least 1), counting the caller's,
     * which joins them in {@link #signAll}: with 2, one thread reads while the caller prepares the key.
     */
    static BatchSigner start(List<Path> files, int threadCount) {
        return new BatchSigner(files, Math.max(1, threadCount));
    }

    /** One thread per processor, at most one per file and at most {@value #MAX_THREADS}. */
    static int defaultThreads(int fileCount) {
        return Math.max(1, Math.min(Math.min(Runtime.getRuntime().availableProcessors(), fileCount), MAX_THREADS));
    }

    /**
     * Signs every file with {@code signer}, then gives each result to {@code receiver}, in the order of
     * the files, on this thread. Stops at the first failure, in file order: the files before it have been received,
     * none after it.
     */
    void signAll(OpenPgpSigner signer, Receiver receiver) throws SigningException, IOException {
        Objects.requireNonNull(receiver, "receiver");
        signerReady.complete(signer);
        for (CompletableFuture<Signed> result : results) {
            if (callerHelps) {
                helpUntilDone(result);
            }
            receiver.accept(await(result));
        }
    }

    /**
     * Waits until every file has been read, helping on this thread, and returns each file's digest of
     * {@code algorithm}: the digest of the very bytes that {@link #signAll} signs (a caller that must decide from a
     * file's content whether to sign it needs no read of its own). The order of the files.
     *
     * @throws IOException the first failure to read, in file order
     */
    List<String> digests(DigestAlgorithm algorithm) throws IOException {
        List<String> digests = new ArrayList<>();
        for (CompletableFuture<MultiDigest> read : reads) {
            if (callerHelps) {
                helpUntilDone(read);
            }
            try {
                digests.add(await(read).hex(algorithm));
            } catch (SigningException e) {
                throw new IllegalStateException("reading a file cannot fail to sign", e);
            }
        }
        return digests;
    }

    /** Runs the batch's waiting tasks on this thread until {@code result} is done. */
    private void helpUntilDone(CompletableFuture<?> result) throws InterruptedIOException {
        try {
            while (!result.isDone()) {
                Runnable task = threads.tasks.poll(HELP_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while signing");
        }
    }

    /** Stops the threads; reads and signatures still running are abandoned. */
    @Override
    public void close() {
        signerReady.cancel(false);
        results.forEach(result -> result.cancel(false));
        threads.stop();
    }

    private static MultiDigest read(Path file) {
        try {
            return MultiDigest.read(file, ALGORITHMS);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private static Signed sign(OpenPgpSigner signer, Path file, MultiDigest digests) {
        try {
            return new Signed(file, signer.armoredSignature(file, digests), digests.hex());
        } catch (IOException | SigningException e) {
            throw new CompletionException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> result) throws SigningException, IOException {
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

    /**
     * A fixed set of threads taking tasks from one queue, which the caller of {@link #signAll} also takes from (a
     * {@code ThreadPoolExecutor}'s queue is not meant to be shared). Daemon threads, so that a batch nobody closed
     * cannot keep a JVM alive; named for thread dumps.
     */
    private static final class Workers implements Executor {
        private static final AtomicInteger BATCHES = new AtomicInteger();

        final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        Workers(int count) {
            int batch = BATCHES.incrementAndGet();
            for (int i = 1; i <= count; i++) {
                Thread thread = new Thread(this::work, "hermetic-sign-" + batch + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
        }

        @Override
        public void execute(Runnable task) {
            if (!stopped) {
                tasks.add(task);
            }
        }

        private void work() {
            try {
                while (!stopped) {
                    tasks.take().run();
                }
            } catch (InterruptedException e) {
                // stop(): the batch is closed.
            }
        }

        /** Drops the waiting tasks and interrupts the running ones (a read in progress ends with an exception). */
        void stop() {
            stopped = true;
            tasks.clear();
            threads.forEach(Thread::interrupt);
        }
    }
}
