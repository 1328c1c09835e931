package org.szmark.common;

import java.util.List;
import org.szmark.text.FreeText;

/**
 * A refusal the registry explains to its caller. Each subclass fixes the HTTP status and the stable
 * problem type; {@code org.szmark.web.ProblemMappers} turns it into RFC 9457 problem details once.
 */
public abstract class DomainException extends RuntimeException {

    private final List<FieldError> fieldErrors;

    protected DomainException(String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public abstract int status();

    /** Stable last segment of the problem type URI. */
    public abstract String type();

    /** Short human summary that does not change between occurrences. */
    public abstract String title();

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** One offending input field: a JSON pointer-like path and what is wrong with it. */
    public record FieldError(String field, @FreeText String message) {}
}
