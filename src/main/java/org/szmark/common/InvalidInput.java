package org.szmark.common;

import java.util.List;

/** Input that is syntactically or semantically invalid, naming the offending fields. */
public class InvalidInput extends DomainException {
    public InvalidInput(String detail, List<FieldError> fieldErrors) {
        super(detail, fieldErrors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(field + ": " + message, List.of(new FieldError(field, message)));
    }

    @Override public int status() { return 400; }
    @Override public String type() { return "validation"; }
    @Override public String title() { return "Invalid request"; }
}
