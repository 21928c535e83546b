package dev.hermetic.sign;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes detached signatures. Prepare once (load and check the key: fails early, before any file is touched),
 * then sign many files. Implementations are thread-safe after {@link #prepare()}.
 */
public interface Signer {

    /** Loads and checks the key (passphrase, expiry, revocation, capability). */
    void prepare() throws SigningException;

    /**
     * Writes the ASCII-armored detached signature of {@code file} to {@code signatureFile} atomically, after
     * verifying it against the public key. Nothing is written if signing or the check fails.
     */
    void sign(Path file, Path signatureFile) throws SigningException, IOException;

    /** Fingerprint of the key that signs, upper-case hex, for the log. */
    String keyFingerprint();
}
