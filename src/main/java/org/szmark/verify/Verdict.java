package org.szmark.verify;

/** The one-word answer to "may this product carry the mark right now?". */
public enum Verdict {
    VALID, SUSPENDED, REVOKED, CANCELLED, EXPIRED, NOT_GENUINE;

    public boolean genuine() {
        return this != NOT_GENUINE;
    }
}
