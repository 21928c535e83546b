package dev.hermetic.sign;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A full OpenPGP key fingerprint: 40 hex digits (v4 key) or 64 (v6 key), upper case. Parsed leniently (spaces,
 * colons, a {@code 0x} prefix and lower case are accepted, as gpg prints and users paste them); 16-digit key IDs are
 * refused because they are short enough to be forged by collision.
 */
public record KeyFingerprint(String hex) {

    public KeyFingerprint {
        hex = hex.toUpperCase(Locale.ROOT);
    }

    /** The fingerprint of a key, from its bytes. */
    public static KeyFingerprint of(byte[] fingerprint) {
        return new KeyFingerprint(HexFormat.of().formatHex(fingerprint));
    }

    /**
     * @param optionName what the user set, for the message ("hermetic.sign.fingerprint", "MAVEN_GPG_KEY_FINGERPRINT")
     * @throws SigningException naming the value and the accepted forms
     */
    public static KeyFingerprint parse(String value, String optionName) throws SigningException {
        String hex = value.strip().replace(" ", "").replace(":", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (!hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new SigningException(optionName + " '" + value + "' is not a fingerprint: use the 40 (v4 key) or 64"
                    + " (v6 key) hex digits shown by `gpg --list-secret-keys --with-subkey-fingerprint`");
        }
        if (hex.length() == 16 || hex.length() == 8) {
            throw new SigningException(optionName + " '" + value + "' is a short key ID, not a fingerprint: key IDs"
                    + " can be forged by collision; use the full 40 (v4) or 64 (v6) hex digits shown by"
                    + " `gpg --list-secret-keys --with-subkey-fingerprint`");
        }
        if (hex.length() != 40 && hex.length() != 64) {
            throw new SigningException(optionName + " '" + value + "' has " + hex.length() + " hex digits: a fingerprint"
                    + " has 40 (v4 key) or 64 (v6 key), as shown by `gpg --list-secret-keys --with-subkey-fingerprint`");
        }
        return new KeyFingerprint(hex);
    }

    public boolean matches(byte[] fingerprint) {
        return hex.equals(HexFormat.of().withUpperCase().formatHex(fingerprint));
    }

    @Override
    public String toString() {
        return hex;
    }
}
