package dev.hermetic.sign;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment variables signing reads, from an explicit map so that tests need not touch the process
 * environment. The default names are maven-gpg-plugin's, so CI secrets carry over unchanged.
 */
public final class SigningEnvironment {

    /** Armored secret key (maven-gpg-plugin's name). */
    public static final String KEY = "MAVEN_GPG_KEY";

    /** Fingerprint of the key to use (maven-gpg-plugin's name). */
    public static final String KEY_FINGERPRINT = "MAVEN_GPG_KEY_FINGERPRINT";

    /** Passphrase of the key (maven-gpg-plugin's name). */
    public static final String PASSPHRASE = "MAVEN_GPG_PASSPHRASE";

    private final Map<String, String> variables;

    private SigningEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The process environment. */
    public static SigningEnvironment system() {
        return new SigningEnvironment(System.getenv());
    }

    /** A given environment (tests, or a front end that filtered it). */
    public static SigningEnvironment of(Map<String, String> variables) {
        return new SigningEnvironment(variables);
    }

    /** All variables, for {@link SigningKeySource#environmentVariable(String, Map)}. */
    public Map<String, String> variables() {
        return variables;
    }

    /** A variable's value; unset and blank are both empty. */
    public Optional<String> get(String name) {
        String value = variables.get(Objects.requireNonNull(name, "name"));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The passphrase held by variable {@code name} (for example {@link #PASSPHRASE}); an empty array when it is
     * unset, which is right for a key without a passphrase. The caller should clear the array after use.
     */
    public char[] passphrase(String name) {
        // Not trimmed: a passphrase may legitimately end in a space. Only a trailing newline from `$(cat file)` is not.
        String value = variables.get(Objects.requireNonNull(name, "name"));
        if (value == null) {
            return new char[0];
        }
        return value.endsWith("\n") ? value.stripTrailing().toCharArray() : value.toCharArray();
    }

    @Override
    public String toString() {
        return "SigningEnvironment[" + variables.size() + " variables]";
    }
}
