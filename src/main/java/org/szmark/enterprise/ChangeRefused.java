package org.szmark.enterprise;

import java.util.List;
import org.szmark.common.DomainException;

/**
 * A change to an enterprise or its products that the caller may not make (docs/trust-model.md, "Who may
 * change an enterprise"). The type names the reason, so a client can tell "certified by another body"
 * from "your body is suspended" without reading the detail.
 */
public class ChangeRefused extends DomainException {
    private final String type;

    ChangeRefused(String type, String detail) {
        super(detail, List.of());
        this.type = type;
    }

    @Override public int status() { return 403; }
    @Override public String type() { return type; }
    @Override public String title() { return "Not allowed to change this enterprise"; }
}
