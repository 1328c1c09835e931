package org.szmark.signin;

import java.time.OffsetDateTime;

/**
 * A sign-in that did not succeed. The same answer for a wrong password, an unknown or disabled name and a
 * name without a password yet; {@code lockedUntil} is set when the name (or the client address) is locked.
 */
public class SignInRefused extends RuntimeException {
    public final OffsetDateTime lockedUntil;

    SignInRefused(OffsetDateTime lockedUntil) {
        super(lockedUntil == null ? "Wrong user name or password" : "Locked until " + lockedUntil, null, false, false);
        this.lockedUntil = lockedUntil;
    }

    static SignInRefused wrong() {
        return new SignInRefused(null);
    }

    static SignInRefused locked(OffsetDateTime until) {
        return new SignInRefused(until);
    }
}
