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

    /**
     * Checks one item of a batch as the REST layer checks a request body ({@code @Valid}), so an item refused in a
     * batch is refused with the same fields and messages as the same request on its own.
     */
    public static void check(jakarta.validation.Validator validator, Object item) {
        var violations = validator.validate(item);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream().map(x -> new FieldError(x.getPropertyPath().toString(), x.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field())).toList();
            throw new InvalidInput(errors.stream().map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid"), errors);
        }
    }

    @Override public int status() { return 400; }
    @Override public String type() { return "validation"; }
    @Override public String title() { return "Invalid request"; }
}
