package dev.hermetic.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.HexDigests;
import dev.hermetic.digest.MultiDigest;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys made by the real gpg; signatures checked by {@code sqv} and against BouncyCastle's own content signer. */
class BatchSignerTest {

    @TempDir
    static Path keys;

    private static GpgHome gpg;
    private static String rsa;
    private static String ecdsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        gpg = new GpgHome(keys.resolve("gnupg"));
        rsa = gpg.generate("batch-rsa@example.org", "rsa2048", "sign", "never", "", null);
        ecdsa = gpg.generate("batch-ecdsa@example.org", "nistp256", "sign", "never", "", null);
    }

    @AfterAll
    static void stopAgent() {
        if (gpg != null) {
            gpg.close();
        }
    }

    private SigningKeyLoader loader(String fingerprint) throws Exception {
        Path key = Files.writeString(dir.resolve(fingerprint + ".asc"), gpg.exportSecret(fingerprint, ""));
        return new SigningKeyLoader().keySource(SigningKeySource.file(key));
    }

    /** Sizes out of order, so that the largest-first reading order differs from the file order. */
    private List<Path> files() throws Exception {
        List<Path> files = new ArrayList<>();
        int[] sizes = {10, 900_000, 0, 300_001, 2_000_003, 77};
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) (j * 31 + i);
            }
            files.add(Files.write(dir.resolve("file-" + i + ".bin"), data));
        }
        return files;
    }

    @Test
    void resultsComeInFileOrderAndMatchSigningOneFileAtATime() throws Exception {
        // A fixed time and a deterministic algorithm: the batch's signatures must be byte-identical to sign()'s.
        Instant time = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SigningKeyLoader loader = loader(rsa).signatureTime(time);
        List<Path> files = files();
        List<BatchSigner.Signed> received = new ArrayList<>();
        OpenPgpSigner signer;

        try (BatchSigner batch = BatchSigner.start(files, 3)) {
            signer = new OpenPgpSigner(loader.load());
            batch.signAll(signer, received::add);
        }

        assertThat(received).extracting(BatchSigner.Signed::file).containsExactlyElementsOf(files);
        Path keyring = Files.write(dir.resolve("public.gpg"), gpg.exportPublicBinary(rsa));
        for (BatchSigner.Signed signed : received) {
            Path file = signed.file();
            assertThat(signed.digests()).isEqualTo(HexDigests.digest(file, EnumSet.allOf(DigestAlgorithm.class)));
            // No digest given: BouncyCastle's own content signer reads and hashes the file.
            byte[] one = signer.armoredSignature(file, MultiDigest.read(file, Set.of()));
            assertThat(signed.armoredSignature()).as(file.toString()).isEqualTo(one);
            Path batchSignature = Files.write(dir.resolve(file.getFileName() + ".asc"), signed.armoredSignature());
            GpgHome.Result check = GpgHome.sqv(keyring, batchSignature, file);
            assertThat(check.exitCode()).as(check.all()).isZero();
        }
    }

    @Test
    void keysWhoseSignaturesBouncyCastleHashesReadTheFileAgain() throws Exception {
        SigningKeyLoader loader = loader(ecdsa);
        List<Path> files = files();
        List<BatchSigner.Signed> received = new ArrayList<>();

        try (BatchSigner batch = BatchSigner.start(files)) {
            OpenPgpSigner signer = new OpenPgpSigner(loader.load());
            batch.signAll(signer, received::add);
        }

        Path keyring = Files.write(dir.resolve("public.gpg"), gpg.exportPublicBinary(ecdsa));
        assertThat(received).hasSize(files.size());
        for (BatchSigner.Signed signed : received) {
            Path signature = Files.write(dir.resolve(signed.file().getFileName() + ".asc"), signed.armoredSignature());
            assertThat(GpgHome.sqv(keyring, signature, signed.file()).exitCode()).as(signed.file().toString()).isZero();
        }
    }

    @Test
    void aFailureStopsAtThatFileInFileOrder() throws Exception {
        SigningKeyLoader loader = loader(rsa);
        List<Path> files = new ArrayList<>(files());
        files.add(2, dir.resolve("gone.jar"));
        List<Path> received = new ArrayList<>();

        try (BatchSigner batch = BatchSigner.start(files)) {
            OpenPgpSigner signer = new OpenPgpSigner(loader.load());
            assertThatThrownBy(() -> batch.signAll(signer, signed -> received.add(signed.file())))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("gone.jar");
        }

        assertThat(received).containsExactly(files.get(0), files.get(1));
    }

    @Test
    void theDigestsBeforeSigningAreThoseOfTheBytesSigned() throws Exception {
        SigningKeyLoader loader = loader(rsa);
        List<Path> files = files();
        List<BatchSigner.Signed> received = new ArrayList<>();

        try (BatchSigner batch = BatchSigner.start(files, 2)) {
            OpenPgpSigner signer = new OpenPgpSigner(loader.load());
            List<String> sha256 = batch.digests(DigestAlgorithm.SHA_256);
            batch.signAll(signer, received::add);

            assertThat(sha256).containsExactlyElementsOf(
                    received.stream().map(signed -> signed.digests().get(DigestAlgorithm.SHA_256)).toList());
        }
        for (int i = 0; i < files.size(); i++) {
            assertThat(received.get(i).digests().get(DigestAlgorithm.SHA_256))
                    .isEqualTo(HexDigests.digest(files.get(i), DigestAlgorithm.SHA_256));
        }
    }

    @Test
    void aFileThatCannotBeReadFailsTheDigests() throws Exception {
        List<Path> files = new ArrayList<>(files());
        files.add(1, dir.resolve("gone.jar"));

        try (BatchSigner batch = BatchSigner.start(files)) {
            assertThatThrownBy(() -> batch.digests(DigestAlgorithm.SHA_256))
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("gone.jar");
        }
    }

    @Test
    void closingWithoutSigningStopsTheThreads() throws Exception {
        List<Path> files = files();
        BatchSigner batch = BatchSigner.start(files, 2);
        batch.close();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (readerThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(readerThreadsAlive()).as("hermetic-sign threads still running after close()").isFalse();
    }

    @Test
    void theCallerIsOneOfTheThreadsAskedFor() throws Exception {
        OpenPgpSigner signer = new OpenPgpSigner(loader(rsa).load());
        for (int threads = 1; threads <= 3; threads++) {
            List<Path> files = files();
            List<Path> received = new ArrayList<>();
            Set<Thread> before = readerThreads();

            try (BatchSigner batch = BatchSigner.start(files, threads)) {
                Set<Thread> started = readerThreads();
                started.removeAll(before);
                // One thread fewer than asked reads ahead; the caller makes up the count in signAll (1: it only waits).
                assertThat(started).as("threads started for %d", threads).hasSize(Math.max(1, threads - 1));
                batch.signAll(signer, signed -> received.add(signed.file()));
            }

            assertThat(received).containsExactlyElementsOf(files);
        }
    }

    private static Set<Thread> readerThreads() {
        Set<Thread> threads = new HashSet<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("hermetic-sign-"))
                .forEach(threads::add);
        return threads;
    }

    private static boolean readerThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("hermetic-sign-"));
    }

    @Test
    void threadsFollowTheProcessorsAndTheFiles() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(BatchSigner.defaultThreads(0)).isEqualTo(1);
        assertThat(BatchSigner.defaultThreads(1)).isEqualTo(1);
        assertThat(BatchSigner.defaultThreads(1000)).isEqualTo(Math.min(processors, 8));
    }
}
