package org.szmark.log.note;

/**
 * A well-formed note failed verification: a signature by a known key is invalid, no known key
 * signed it, or (for checkpoints and proofs) its content does not match what was expected.
 */
public class NoteVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoteVerificationException(String message) {
        super(message);
    }
}
