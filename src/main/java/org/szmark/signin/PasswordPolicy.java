package org.szmark.signin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.szmark.common.InvalidInput;
import org.szmark.config.SzmarkConfig;

/**
 * What a new password must be (NIST SP 800-63B §3.1.1.2): long enough ({@code szmark.sign-in.min-password-length}
 * characters, 12 by default), not the user name, at most 256 characters; any characters otherwise, no composition
 * rules. Refusals name the field {@code password}.
 */
@Singleton
public class PasswordPolicy {

    public static final int MAX = 256;

    private final int min;

    @Inject
    PasswordPolicy(SzmarkConfig config) {
        this.min = config.signIn().minPasswordLength();
    }

    public void check(String userName, String password) {
        if (password == null || password.isBlank()) throw InvalidInput.field("password", "must not be empty");
        if (password.trim().toLowerCase(Locale.ROOT).equals(SignInService.normalise(userName))) {
            throw InvalidInput.field("password", "must not be the user name");
        }
        int length = password.codePointCount(0, password.length());
        if (length < min) throw InvalidInput.field("password", "must be at least " + min + " characters");
        if (length > MAX) throw InvalidInput.field("password", "must be at most " + MAX + " characters");
    }

    public int min() {
        return min;
    }
}
