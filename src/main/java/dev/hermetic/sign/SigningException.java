package dev.hermetic.sign;

/** Signing cannot proceed; the message says what is wrong and what to set. Never contains secrets. */
public class SigningException extends Exception {
    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
