package org.szmark.signin;

import java.util.List;
import org.szmark.common.DomainException;

/** A password link that is unknown, used or expired: one answer for all three, so a link reveals nothing. */
public class LinkUnusable extends DomainException {
    public LinkUnusable() {
        super("This password link is used, expired or unknown; ask the authority for a new one", List.of());
    }

    @Override public int status() { return 410; }
    @Override public String type() { return "link-unusable"; }
    @Override public String title() { return "Password link no longer usable"; }
}
