package org.szmark.account;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API token text: {@code szmk_} followed by 256 random bits in base64url. The fixed prefix lets secret
 * scanners and people recognise a leaked token; the first characters after it are kept as a readable
 * prefix so the owner can tell which token leaked.
 */
public final class TokenCodec {

    public static final String SCHEME = "szmk_";
    /** Characters kept in clear: scheme plus 8 random characters (48 bits, not enough to guess the rest). */
    public static final int PREFIX_LENGTH = SCHEME.length() + 8;
    /** Bounds of any bearer token the registry accepts, generated or configured. */
    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 200;
    /** What a configured bootstrap token must carry at least, by {@link #bootstrapWeakness}'s estimate. */
    public static final int MIN_BOOTSTRAP_BITS = 128;
    /**
     * Stored instead of a configured token's first characters: a token someone chose (or copied from a
     * configuration file) may be guessable from its start, so no part of it is kept in clear.
     */
    public static final String CONFIGURED_PREFIX = "(configured)";

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

    /**
     * Why a configured bootstrap token is too weak, or empty when it is strong enough. The estimate (README.md,
     * Configuration): a token uses some of four character classes, digits (10), lower-case letters (26),
     * upper-case letters (26) and other printable ASCII (32); each character counts log2 of the smaller of the
     * size of the union of the classes used and the number of different characters in the token, so the
     * estimate is {@code length × log2(min(pool, distinct))} bits and must reach {@value #MIN_BOOTSTRAP_BITS}.
     * No single character may make up more than a quarter of the token. The estimate catches short, small-
     * alphabet and repetitive tokens; it cannot see patterns, so generate the token (e.g. {@link #generate}).
     */
    public static Optional<String> bootstrapWeakness(String token) {
        if (!plausible(token)) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " printable ASCII characters without spaces");
        }
        int[] counts = new int[128];
        boolean digit = false, lower = false, upper = false, other = false;
        int distinct = 0, most = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (counts[c]++ == 0) distinct++;
            most = Math.max(most, counts[c]);
            if (c >= '0' && c <= '9') digit = true;
            else if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= 'A' && c <= 'Z') upper = true;
            else other = true;
        }
        if (most * 4 > token.length()) {
            return Optional.of("has one character in more than a quarter of its positions");
        }
        int pool = (digit ? 10 : 0) + (lower ? 26 : 0) + (upper ? 26 : 0) + (other ? 32 : 0);
        int perCharacter = Math.min(pool, distinct);
        // length × log2(n) >= 128 exactly when n^length >= 2^128, i.e. when n^length needs at least 129 bits;
        // whole numbers keep the boundary exact where a floating-point log2 could land just below it.
        if (BigInteger.valueOf(perCharacter).pow(token.length()).bitLength() <= MIN_BOOTSTRAP_BITS) {
            long estimate = (long) Math.floor(token.length() * (Math.log(perCharacter) / Math.log(2)));
            return Optional.of("carries about " + estimate + " bits by the registry's estimate (" + token.length()
                    + " characters of " + perCharacter + " possible each); at least " + MIN_BOOTSTRAP_BITS + " are needed");
        }
        return Optional.empty();
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
