package dev.hermetic.lock;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lockfiles parsed once for a whole build: each module that describes the build (SBOM, provenance) reads the file's
 * bytes and hashes them, and only bytes not seen before are parsed. Keyed by those bytes' SHA-256, never by path or
 * modification time, so a lockfile changed during the build is parsed again. Safe for modules built in parallel.
 */
public final class LockfileCache {

    /**
     * A lockfile as read now.
     *
     * @param sha256 lowercase hex SHA-256 of the bytes read
     * @param lockfile what they parse to
     */
    public record Read(String sha256, Lockfile lockfile) {}

    private final ConcurrentMap<String, Lockfile> parsed = new ConcurrentHashMap<>();

    /**
     * Reads {@code file} and returns its lockfile, parsed now unless the same bytes were parsed before.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws LockfileFormatException naming the file, the line and the problem, for any malformed content
     */
    public Read read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String sha256 = MultiDigest.of(bytes, EnumSet.of(DigestAlgorithm.SHA_256)).hex(DigestAlgorithm.SHA_256);
        Lockfile lockfile = parsed.get(sha256);
        if (lockfile == null) {
            Lockfile mine = LockfileReader.parse(file, bytes, Lockfile.LOCK_COMMAND);
            Lockfile earlier = parsed.putIfAbsent(sha256, mine);
            lockfile = earlier != null ? earlier : mine;
        }
        return new Read(sha256, lockfile);
    }
}
