package org.szmark.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token text: {@code szmk_} followed by 256 random bits in base64url. The fixed prefix lets secret
 * scanners and people recognise a leaked token; the first characters after it are kept as a readable
 * prefix so the owner can tell which token leaked.
 */
public final class TokenCodec {

    public static final String SCHEME = "szmk_";
    /** Characters kept in clear: scheme plus 8 random characters (48 bits, not enough to guess the rest). */
    public static final int PREFIX_LENGTH = SCHEME.length() + 8;
    /** A configured bootstrap token must carry at least as much entropy as a generated one could need. */
    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenCodec() {}

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** SHA-256 is enough here: tokens are 256-bit random, so there is nothing to brute-force slowly. */
    public static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String prefixOf(String token) {
        return token.substring(0, Math.min(PREFIX_LENGTH, token.length()));
    }

    /** Cheap shape check before any database lookup: printable ASCII without spaces, bounded. */
    public static boolean plausible(String token) {
        if (token == null || token.length() < MIN_LENGTH || token.length() > MAX_LENGTH) return false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c > '~') return false;
        }
        return true;
    }
}
