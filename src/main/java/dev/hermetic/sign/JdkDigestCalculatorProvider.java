package dev.hermetic.sign;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Digests for unlocking a passphrase-protected key, computed by the JDK. gpg exports keys protected by an iterated
 * S2K that hashes about 65 MB (salt and passphrase repeated); BouncyCastle feeds them a few bytes at a time, which
 * its pure-Java digest hashes in well over a second in a fresh JVM. Here the small writes are gathered into large
 * blocks for the JDK's digest, which uses the CPU's SHA instructions. Algorithms the JDK lacks (RIPEMD-160, ...) go
 * to BouncyCastle's digests.
 */
final class JdkDigestCalculatorProvider implements PGPDigestCalculatorProvider {

    private static final int BLOCK = 64 * 1024;

    private final BcPGPDigestCalculatorProvider fallback = new BcPGPDigestCalculatorProvider();

    @Override
    public PGPDigestCalculator get(int algorithm) throws PGPException {
        String name = jdkName(algorithm);
        if (name == null) {
            return fallback.get(algorithm);
        }
        try {
            return new Calculator(algorithm, MessageDigest.getInstance(name));
        } catch (NoSuchAlgorithmException e) {
            return fallback.get(algorithm);
        }
    }

    static String jdkName(int algorithm) {
        return switch (algorithm) {
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.SHA224 -> "SHA-224";
            case HashAlgorithmTags.SHA256 -> "SHA-256";
            case HashAlgorithmTags.SHA384 -> "SHA-384";
            case HashAlgorithmTags.SHA512 -> "SHA-512";
            case HashAlgorithmTags.SHA3_256 -> "SHA3-256";
            case HashAlgorithmTags.SHA3_512 -> "SHA3-512";
            default -> null;
        };
    }

    /** Gathers small writes into blocks for the digest (unsynchronized, unlike {@code BufferedOutputStream}). */
    private static final class Calculator extends OutputStream implements PGPDigestCalculator {
        private final int algorithm;
        private final MessageDigest digest;
        private final byte[] block = new byte[BLOCK];
        private int filled;

        Calculator(int algorithm, MessageDigest digest) {
            this.algorithm = algorithm;
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            if (filled == block.length) {
                flush();
            }
            block[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length > block.length - filled) {
                flush();
                if (length > block.length) {
                    digest.update(bytes, offset, length);
                    return;
                }
            }
            System.arraycopy(bytes, offset, block, filled, length);
            filled += length;
        }

        @Override
        public void flush() {
            digest.update(block, 0, filled);
            filled = 0;
        }

        @Override
        public int getAlgorithm() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return this;
        }

        @Override
        public byte[] getDigest() {
            flush();
            return digest.digest();
        }

        @Override
        public void reset() {
            filled = 0;
            digest.reset();
        }
    }
}
