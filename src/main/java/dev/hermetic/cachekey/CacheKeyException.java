package dev.hermetic.cachekey;

/** The key cannot be computed; the message names the file or setting and what to do. */
public final class CacheKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    public CacheKeyException(String message) {
        super(message);
    }

    public CacheKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
