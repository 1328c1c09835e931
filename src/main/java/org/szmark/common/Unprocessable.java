package org.szmark.common;

import java.util.List;

/** Well-formed input the registry's rules do not allow (e.g. an ineligible standard). */
public class Unprocessable extends DomainException {
    private final String type;

    public Unprocessable(String type, String detail, List<FieldError> fieldErrors) {
        super(detail, fieldErrors);
        this.type = type;
    }

    public Unprocessable(String type, String detail) {
        this(type, detail, List.of());
    }

    @Override public int status() { return 422; }
    @Override public String type() { return type; }
    @Override public String title() { return "Not allowed by the registry's rules"; }
}
