package org.szmark.common;

import java.util.List;

/** The named thing does not exist, or the caller may not know that it does. */
public class NotFound extends DomainException {
    public NotFound(String detail) {
        super(detail, List.of());
    }

    @Override public int status() { return 404; }
    @Override public String type() { return "not-found"; }
    @Override public String title() { return "Not found"; }
}
