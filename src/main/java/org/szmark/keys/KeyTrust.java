package org.szmark.keys;

/** Verdict on the key behind a signature, at the time the record was signed. */
public enum KeyTrust {
    TRUSTED,
    UNKNOWN_KEY,
    KEY_COMPROMISED,
    KEY_REVOKED,
    OUTSIDE_KEY_VALIDITY;

    public boolean trusted() {
        return this == TRUSTED;
    }
}
