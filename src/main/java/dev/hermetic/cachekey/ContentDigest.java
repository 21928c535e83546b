package dev.hermetic.cachekey;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 of a file's content as the key counts it. A file is text when its first {@value #TEXT_PROBE} bytes hold no
 * NUL byte (git's own test); a text file is hashed with every CR LF pair replaced by LF, so that LF and CRLF checkouts
 * of one commit agree; other files byte for byte. One instance per thread: it owns its buffers.
 */
final class ContentDigest {

    /** How many leading bytes decide text or binary, as in git's {@code buffer_is_binary}. */
    static final int TEXT_PROBE = 8000;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int BINARY = -2;

    private final byte[] in = new byte[64 * 1024];
    private final byte[] out = new byte[64 * 1024];
    private final MessageDigest sha256 = DigestAlgorithm.SHA_256.newMessageDigest();

    /** Lowercase hex SHA-256 of {@code file}'s content, text normalized. */
    String hex(Path file) throws IOException {
        sha256.reset();
        try (InputStream stream = open(file)) {
            int filled = fill(stream, TEXT_PROBE);
            int firstCr = scanFirstChunk(filled);
            if (firstCr == BINARY) {
                sha256.update(in, 0, filled);
                for (int n; (n = stream.read(in)) > 0; ) {
                    sha256.update(in, 0, n);
                }
            } else {
                boolean pendingCr = filled > 0 && normalize(filled, false, firstCr);
                for (int n; (n = stream.read(in)) > 0; ) {
                    pendingCr = normalize(n, pendingCr, indexOfCr(n));
                }
                if (pendingCr) {
                    sha256.update(CR);
                }
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * FileInputStream reads straight into the array, where Files.newInputStream goes through a channel and a copy; but
     * it says "file not found" for a file it may not read, which is told apart here.
     */
    private static InputStream open(Path file) throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            if (Files.exists(file) && !Files.isReadable(file)) {
                throw new AccessDeniedException(file.toString());
            }
            throw e;
        }
    }

    private int indexOfCr(int n) {
        return indexOfCr(0, n);
    }

    private int indexOfCr(int from, int n) {
        for (int i = from; i < n; i++) {
            if (in[i] == CR) {
                return i;
            }
        }
        return -1;
    }

    /** Reads until {@code minimum} bytes or the end of the stream: one read may return fewer. */
    private int fill(InputStream stream, int minimum) throws IOException {
        int filled = 0;
        while (filled < minimum) {
            int n = stream.read(in, filled, in.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /**
     * Both questions about the first chunk in one pass, most files being one chunk: {@link #BINARY} if a NUL lies in
     * the first {@value #TEXT_PROBE} bytes, else where the first CR is, or -1.
     */
    private int scanFirstChunk(int n) {
        int probe = Math.min(n, TEXT_PROBE);
        int firstCr = -1;
        for (int i = 0; i < probe; i++) {
            byte b = in[i];
            if (b == 0) {
                return BINARY;
            }
            if (b == CR && firstCr < 0) {
                firstCr = i;
            }
        }
        return firstCr >= 0 ? firstCr : indexOfCr(probe, n);
    }

    /**
     * Hashes {@code in[0..n)} without the CR of each CR LF pair. A CR that ends the chunk waits for the next one's
     * first byte.
     *
     * @param firstCr where the chunk's first CR is, or -1
     * @return whether a CR ends this chunk and is not hashed yet
     */
    private boolean normalize(int n, boolean pendingCr, int firstCr) {
        if (firstCr < 0 && (!pendingCr || in[0] == LF)) {
            sha256.update(in, 0, n); // most chunks: nothing to fold, no copy
            return false;
        }
        int o = 0;
        int i = 0;
        if (pendingCr && in[0] != LF) {
            out[o++] = CR;
        }
        for (; i < n - 1; i++) {
            byte b = in[i];
            if (b != CR || in[i + 1] != LF) {
                out[o++] = b;
            }
        }
        boolean endsWithCr = in[n - 1] == CR;
        if (!endsWithCr) {
            out[o++] = in[n - 1];
        }
        sha256.update(out, 0, o);
        return endsWithCr;
    }
}
