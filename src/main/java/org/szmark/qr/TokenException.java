package org.szmark.qr;

import java.util.Objects;

/**
 * A QR token that cannot be decoded. {@link #reason()} is for machines; the message is safe to show
 * (it names positions, never echoes the token).
 */
public final class TokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Longer than {@link QrToken#MAX_INPUT_LENGTH} characters: refused before reading. */
        TOO_LONG,
        /** Not base32, or a field holds a value no encoder writes (empty text, out-of-range symbol). */
        MALFORMED,
        /** Well-formed values, but an encoding the encoder would not produce (non-zero padding bits). */
        NON_CANONICAL,
        /** The first byte names a format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** Ends before the claims or the 64-byte signature are complete. */
        TRUNCATED,
        /** Bytes left over after the signature. */
        TRAILING_DATA
    }

    private final Reason reason;

    public TokenException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
