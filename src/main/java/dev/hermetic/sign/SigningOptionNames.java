package dev.hermetic.sign;

/**
 * How the front end (Maven goal or command line) spells each signing setting, so that the core's error messages
 * name the option the user actually has to set.
 *
 * @param keyFile option naming the armored secret key file
 * @param keyEnvName option naming the environment variable that holds the armored key
 * @param fingerprint option selecting the key by fingerprint
 * @param passphraseEnvName option naming the environment variable that holds the passphrase
 * @param reproducible option that turns on reproducible signatures
 */
public record SigningOptionNames(
        String keyFile, String keyEnvName, String fingerprint, String passphraseEnvName, String reproducible) {

    /** The {@code hermetic:sign} goal's user properties. */
    public static final SigningOptionNames MAVEN = new SigningOptionNames(
            "hermetic.sign.keyFile",
            "hermetic.sign.keyEnvName",
            "hermetic.sign.fingerprint",
            "hermetic.sign.passphraseEnvName",
            "hermetic.sign.reproducible");

    /** The {@code sign} command's flags. */
    public static final SigningOptionNames CLI =
            new SigningOptionNames("--key", "--key-env", "--fingerprint", "--passphrase-env", "--reproducible");
}
