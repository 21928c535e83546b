package dev.hermetic.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A throw-away GNUPGHOME driven through the real gpg binary: makes test keys and checks signatures. */
public final class GpgHome implements AutoCloseable {

    /** Exit status and output of one command. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    private final Path home;

    public GpgHome(Path home) throws IOException {
        this.home = Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    }

    Path home() {
        return home;
    }

    /** Makes a key without passphrase (or with one) and returns its primary fingerprint. */
    public String generate(String email, String algorithm, String usage, String expire, String passphrase, String fakedTime) {
        List<String> args = new ArrayList<>(List.of("--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase));
        if (fakedTime != null) {
            args.addAll(List.of("--faked-system-time", fakedTime));
        }
        args.addAll(List.of("--quick-gen-key", "Test <" + email + ">", algorithm, usage, expire));
        gpgOk(args.toArray(String[]::new));
        return fingerprint(email);
    }

    void addSubkey(String primaryFingerprint, String algorithm, String usage, String passphrase) {
        gpgOk("--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--quick-add-key", primaryFingerprint, algorithm, usage, "never");
    }

    String fingerprint(String email) {
        return fingerprints(email).get(0);
    }

    /** Primary then subkey fingerprints. */
    List<String> fingerprints(String email) {
        List<String> result = new ArrayList<>();
        for (String line : gpgOk("--with-colons", "--list-keys", email).stdout().split("\n")) {
            if (line.startsWith("fpr:")) {
                result.add(line.split(":")[9]);
            }
        }
        return result;
    }

    /** Revokes a whole key with the revocation certificate gpg stored when it made the key. */
    void revoke(String fingerprint) throws IOException {
        Path certificate = home.resolve("openpgp-revocs.d").resolve(fingerprint + ".rev");
        // gpg stores it disarmed by a leading colon so it is not imported by accident.
        String text = Files.readString(certificate).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        Path armed = home.resolve(fingerprint + ".rev.asc");
        Files.writeString(armed, text);
        gpgOk("--batch", "--import", armed.toString());
    }

    /** Revokes subkey number {@code index} (1 = first subkey) through gpg's interactive editor. */
    void revokeSubkey(String primaryFingerprint, int index) {
        String commands = "key " + index + "\nrevkey\ny\n0\n\ny\nsave\n";
        Result result = run(commands.getBytes(StandardCharsets.US_ASCII), "gpg", "--homedir", home.toString(),
                "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--command-fd", "0",
                "--edit-key", primaryFingerprint);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("gpg --edit-key revkey failed: " + result.all());
        }
    }

    public String exportSecret(String fingerprint, String passphrase) {
        return gpgOk("--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--armor", "--export-secret-keys", fingerprint).stdout();
    }

    /** Writes the armored secret key, without passphrase, to {@code <fingerprint>.asc} in {@code dir}. */
    public Path secretKeyFile(Path dir, String fingerprint) throws IOException {
        return secretKeyFile(dir, fingerprint, "");
    }

    /** Writes the armored secret key, protected by {@code passphrase}, to {@code <fingerprint>.asc} in {@code dir}. */
    public Path secretKeyFile(Path dir, String fingerprint, String passphrase) throws IOException {
        return Files.writeString(dir.resolve(fingerprint + ".asc"), exportSecret(fingerprint, passphrase));
    }

    /** Binary public keyring, as sqv wants it. */
    public byte[] exportPublicBinary(String fingerprint) {
        return runBytes("gpg", "--homedir", home.toString(), "--batch", "--export", fingerprint);
    }

    public String exportPublicArmored(String fingerprint) {
        return gpgOk("--armor", "--export", fingerprint).stdout();
    }

    public void importKey(Path file) {
        gpgOk("--batch", "--import", file.toString());
    }

    /** {@code gpg --verify} with machine-readable status lines on stdout. */
    public Result verify(Path signature, Path data) {
        return gpg("--batch", "--status-fd", "1", "--verify", signature.toString(), data.toString());
    }

    /** {@code sqv}, Sequoia's verifier, with a binary keyring. */
    public static Result sqv(Path keyring, Path signature, Path data) {
        return run(new byte[0], "sqv", "--keyring", keyring.toString(), signature.toString(), data.toString());
    }

    /**
     * Checks {@code signature} of {@code file} as a user who downloaded the public key would: with gpg, in a fresh
     * GNUPGHOME under {@code workDir} that holds only {@code certificate}, and with sqv; both must accept it as made
     * by {@code signingKey} (the certificate's primary key or a subkey).
     */
    public void assertVerifiedByGpgAndSqv(Path workDir, String certificate, String signingKey, Path signature,
            Path file) throws IOException {
        try (GpgHome verifier = new GpgHome(workDir.resolve("verifier"))) {
            verifier.importKey(Files.writeString(workDir.resolve("public.asc"), exportPublicArmored(certificate)));
            Result result = verifier.verify(signature, file);
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.stdout()).contains("[GNUPG:] VALIDSIG " + signingKey);
        }
        Result sqv = sqv(Files.write(workDir.resolve("public.gpg"), exportPublicBinary(certificate)), signature, file);
        assertThat(sqv.exitCode()).as(sqv.all()).isZero();
        assertThat(sqv.stdout().strip()).isEqualTo(certificate);
    }

    Result gpgOk(String... args) {
        Result result = gpg(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("gpg " + String.join(" ", args) + " failed: " + result.all());
        }
        return result;
    }

    Result gpg(String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString()));
        command.addAll(List.of(args));
        return run(new byte[0], command.toArray(String[]::new));
    }

    public static Result run(byte[] stdin, String... command) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] runBytes(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] bytes = readAll(process.getInputStream());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the gpg-agent this home started, so no process outlives the test. */
    @Override
    public void close() {
        run(new byte[0], "gpgconf", "--homedir", home.toString(), "--kill", "all");
    }
}
