package org.szmark.signin;

import java.security.SecureRandom;
import java.util.Base64;
import org.szmark.account.TokenCodec;

/** Random values handed to browsers (session secrets, link tokens): 256 bits, stored only as their SHA-256. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String secret) {
        return TokenCodec.hash(secret);
    }

    /** The shape {@link #generate} makes: 43 base64url characters. Checked before any lookup. */
    static boolean plausible(String s) {
        if (s == null || s.length() != 43) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) return false;
        }
        return true;
    }
}
