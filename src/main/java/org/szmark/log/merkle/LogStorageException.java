package org.szmark.log.merkle;

/**
 * Thrown by a {@link HashReader} (or on its behalf) when stored hashes cannot be read, or when the
 * reader returned something other than exactly the hashes that were asked for.
 */
public class LogStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LogStorageException(String message) {
        super(message);
    }

    public LogStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
