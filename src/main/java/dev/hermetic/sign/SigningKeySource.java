package dev.hermetic.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an armored OpenPGP secret key comes from. {@link SigningKeyLoader} tries its sources in order and takes the
 * first that holds a key.
 */
public interface SigningKeySource {

    /** Key material larger than this is refused before parsing: real secret keys are a few KiB. */
    long MAX_KEY_BYTES = 1024 * 1024;

    /** What this source is, for messages ("key file /a/key.asc", "environment variable MAVEN_GPG_KEY"); never the key. */
    String description();

    /**
     * @return the key material, or empty when this source holds none (an unset or blank variable)
     * @throws SigningException when the source was named but cannot be used (missing or unreadable file, too large)
     */
    Optional<byte[]> read() throws SigningException;

    /** A key file, armored or binary. A missing file is an error, not a reason to try the next source. */
    static SigningKeySource file(Path path) {
        return new KeyFile(Objects.requireNonNull(path, "path"));
    }

    /** An environment variable holding the armored key, looked up in {@code environment}. */
    static SigningKeySource environmentVariable(String name, Map<String, String> environment) {
        return new KeyEnvironmentVariable(Objects.requireNonNull(name, "name"), Map.copyOf(environment));
    }

    /**
     * The one source the user named: the key file when one is set, else the environment variable. A named key file
     * replaces the variable rather than coming first, so that a wrong path is an error, never a silent fall-back to
     * another key.
     *
     * @param keyFile null when none is set
     */
    static SigningKeySource fileOrEnvironmentVariable(Path keyFile, String keyEnvName, Map<String, String> environment) {
        return keyFile != null ? file(keyFile) : environmentVariable(keyEnvName, environment);
    }

    /** Reads a key file. */
    record KeyFile(Path path) implements SigningKeySource {
        @Override
        public String description() {
            return "key file " + path;
        }

        @Override
        public Optional<byte[]> read() throws SigningException {
            try {
                long size = Files.size(path);
                if (size > MAX_KEY_BYTES) {
                    throw new SigningException("The " + description() + " is " + size + " bytes, more than the "
                            + MAX_KEY_BYTES + " bytes a secret key can plausibly take: point to the file made by"
                            + " `gpg --armor --export-secret-keys <fingerprint>`");
                }
                return Optional.of(Files.readAllBytes(path));
            } catch (NoSuchFileException e) {
                throw new SigningException("The " + description() + " does not exist: export the key with"
                        + " `gpg --armor --export-secret-keys <fingerprint> > " + path + "` or fix the path");
            } catch (IOException e) {
                throw new SigningException("Cannot read the " + description() + ": " + e, e);
            }
        }
    }

    /** Reads an environment variable; the value is never shown. */
    record KeyEnvironmentVariable(String name, Map<String, String> environment) implements SigningKeySource {
        @Override
        public String description() {
            return "environment variable " + name;
        }

        @Override
        public Optional<byte[]> read() throws SigningException {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_KEY_BYTES) {
                throw new SigningException("The " + description() + " holds " + bytes.length + " bytes, more than the "
                        + MAX_KEY_BYTES + " bytes a secret key can plausibly take: set it to the output of"
                        + " `gpg --armor --export-secret-keys <fingerprint>`");
            }
            return Optional.of(bytes);
        }

        @Override
        public String toString() {
            // The record's default toString would print the whole environment, secrets included.
            return "KeyEnvironmentVariable[" + name + "]";
        }
    }
}
