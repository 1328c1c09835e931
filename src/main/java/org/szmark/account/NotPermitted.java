package org.szmark.account;

import java.util.List;
import org.szmark.common.DomainException;

/**
 * The caller is who it says it is, but its account may not make this write now: 403 with a type saying why
 * (e.g. {@code body-not-active}, {@code owner-only}), unlike the bare role check's {@code forbidden}.
 */
public class NotPermitted extends DomainException {
    private final String type;

    public NotPermitted(String type, String detail) {
        super(detail, List.of());
        this.type = type;
    }

    @Override public int status() { return 403; }
    @Override public String type() { return type; }
    @Override public String title() { return "Not permitted for this account"; }
}
