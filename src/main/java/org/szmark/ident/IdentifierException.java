package org.szmark.ident;

import java.util.Objects;

/**
 * An identifier (credit code, standard number, approval number) that cannot be accepted.
 *
 * <p>{@link #reason()} is stable and meant for machines (API problem details, import reports);
 * {@link #getMessage()} is meant for people and is safe to show them: it never repeats the whole
 * input, and names an offending character only as a letter/digit or as {@code U+XXXX}.
 */
public final class IdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which kind of identifier was being read. */
    public enum Identifier {
        CREDIT_CODE,
        STANDARD_NUMBER,
        APPROVAL_NUMBER
    }

    /** Why it was refused. */
    public enum Reason {
        /** Empty, too short or too long. */
        LENGTH,
        /** A character that the identifier's alphabet does not contain. */
        FORBIDDEN_CHARACTER,
        /** The check character does not match the other characters. */
        CHECK_CHARACTER,
        /** The characters are allowed but the shape is not (missing part, wrong separator, two-digit year...). */
        MALFORMED,
        /** The year is well formed but outside the accepted range. */
        YEAR_OUT_OF_RANGE
    }

    private final Identifier identifier;
    private final Reason reason;
    private final int position;

    public IdentifierException(Identifier identifier, Reason reason, int position, String message) {
        super(message);
        this.identifier = Objects.requireNonNull(identifier, "identifier");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.position = position;
    }

    public IdentifierException(Identifier identifier, Reason reason, String message) {
        this(identifier, reason, 0, message);
    }

    public Identifier identifier() {
        return identifier;
    }

    public Reason reason() {
        return reason;
    }

    /** 1-based position (after normalisation) of the offending character, or 0 when not about one character. */
    public int position() {
        return position;
    }
}
