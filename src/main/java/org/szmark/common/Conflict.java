package org.szmark.common;

import java.util.List;

/** The request is well formed but clashes with what the registry already holds. */
public class Conflict extends DomainException {
    private final String type;

    public Conflict(String type, String detail) {
        super(detail, List.of());
        this.type = type;
    }

    @Override public int status() { return 409; }
    @Override public String type() { return type; }
    @Override public String title() { return "Conflict with the current state"; }
}
