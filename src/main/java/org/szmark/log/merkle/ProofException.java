package org.szmark.log.merkle;

/**
 * A Merkle inclusion or consistency proof did not verify. The message says what was computed and
 * what was expected, so that a failed verification can be diagnosed from a log line.
 */
public class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }
}
