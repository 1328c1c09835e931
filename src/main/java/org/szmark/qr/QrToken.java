package org.szmark.qr;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.szmark.enterprise.CreditCode;
import org.szmark.ident.IdentifierText;

/**
 * The compact signed token that a product label's QR code carries, as {@code <BASE URL>/V/<token>}.
 *
 * <p>Format version 1 (specified in docs/qr-token.md): a big-endian bit stream of claims, zero-padded to a
 * whole byte, followed by a 64-byte Ed25519 signature over exactly those claims bytes; the whole is
 * written in RFC 4648 §6 base32, upper case, without padding. Every character of the URL is then in the
 * QR alphanumeric set, so stock phone cameras read it and the symbol stays small: with a base URL of at
 * most {@value #MAX_BASE_URL_LENGTH} characters the longest token fits QR version 10 at error-correction
 * level Q.
 *
 * <pre>
 *  bits  field
 *     8  format version, 1
 *    32  key ID prefix: first 4 bytes of SHA-256(raw Ed25519 public key)
 *    16  expiry, days since 2000-01-01, unsigned
 *    90  holder credit code: 18 symbols × 5 bits, value = index in the GB 32100-2015 character set (0..30)
 *     5  certificate number length Lc, 1..27
 *   var  certificate number, text packing below
 *     5  standard number length Ls, 1..27
 *   var  standard number, text packing below
 *   0-7  zero bits to the next byte boundary
 *   512  Ed25519 signature over the preceding bytes
 * </pre>
 *
 * <p>Text packing: characters of {@link #TEXT_ALPHABET} (value = index, 40 symbols); each full group of
 * three characters c1 c2 c3 is c1·1600 + c2·40 + c3 in 16 bits (40³ = 64000 ≤ 2¹⁶); a final pair is
 * c1·40 + c2 in 11 bits (1600 ≤ 2¹¹), a final single character c1 in 6 bits. A decoder refuses group
 * values an encoder cannot produce (≥ 64000, ≥ 1600, ≥ 40), so each claims set has exactly one token
 * (up to the letter case of the token, which decoding ignores).
 */
public final class QrToken {

    public static final int VERSION = 1;
    public static final int KEY_ID_PREFIX_LENGTH = 4;
    public static final int SIGNATURE_LENGTH = 64;

    /** Longest certificate number a token can carry; the registry must refuse longer ones for marked products. */
    public static final int MAX_CERTIFICATE_NUMBER_LENGTH = 27;
    /** Longest standard number a token can carry. */
    public static final int MAX_STANDARD_NUMBER_LENGTH = 27;

    /** Characters allowed in the text fields, in value order: 0-9 A-Z space - . / */
    public static final String TEXT_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -./";

    /** Token length with both text fields at their maximum: (56 claims bytes + 64) × 8 / 5. */
    public static final int MAX_TOKEN_LENGTH = 192;
    /** Path between the base URL and the token. */
    public static final String PATH = "/V/";
    /**
     * Longest public base URL for which every label URL fits QR version 10-Q, whose alphanumeric capacity
     * is 221 characters (ISO/IEC 18004 Table 7): 221 − 3 − 192.
     */
    public static final int MAX_BASE_URL_LENGTH = 221 - PATH.length() - MAX_TOKEN_LENGTH;

    /** Input longer than this is refused before decoding; well above {@link #MAX_TOKEN_LENGTH} to leave room for later versions. */
    public static final int MAX_INPUT_LENGTH = 400;

    public static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    /** Last expiry a uint16 day count can hold: 2179-06-06. */
    public static final LocalDate MAX_EXPIRY = EPOCH.plusDays(0xFFFF);

    private static final int LENGTH_BITS = 5;
    private static final int SYMBOL_BITS = 5;

    private QrToken() {
    }

    /** Whether {@code text} (ASCII letters in any case) can be a certificate number in a token. */
    public static boolean certificateNumberEncodable(String text) {
        return textEncodable(text, MAX_CERTIFICATE_NUMBER_LENGTH);
    }

    /** Whether {@code text} (ASCII letters in any case) can be a standard number in a token. */
    public static boolean standardNumberEncodable(String text) {
        return textEncodable(text, MAX_STANDARD_NUMBER_LENGTH);
    }

    /**
     * Whether {@code text} fits either text field: 1 to {@value #MAX_CERTIFICATE_NUMBER_LENGTH} characters of
     * {@link #TEXT_ALPHABET} after upper-casing ASCII letters.
     */
    public static boolean encodable(String text) {
        return textEncodable(text, Math.max(MAX_CERTIFICATE_NUMBER_LENGTH, MAX_STANDARD_NUMBER_LENGTH));
    }

    /** Whether an expiry date fits the 16-bit day count. */
    public static boolean expiryEncodable(LocalDate expiry) {
        return expiry != null && !expiry.isBefore(EPOCH) && !expiry.isAfter(MAX_EXPIRY);
    }

    /**
     * The bytes the certification body signs with Ed25519.
     *
     * @throws IllegalArgumentException if a field cannot be encoded (check {@link #certificateNumberEncodable},
     *                                  {@link #standardNumberEncodable}, {@link #expiryEncodable} first)
     */
    public static byte[] claimsBytes(QrClaims claims) {
        if (claims.version() != VERSION) {
            throw new IllegalArgumentException("Only token format version " + VERSION + " can be written, got " + claims.version());
        }
        if (!expiryEncodable(claims.expiry())) {
            throw new IllegalArgumentException("Expiry must be between " + EPOCH + " and " + MAX_EXPIRY + ", got " + claims.expiry());
        }
        String code = claims.creditCode();
        if (code.length() != CreditCode.LENGTH) {
            throw new IllegalArgumentException("The credit code must have 18 characters, got " + code.length());
        }
        requireText(claims.certificateNumber(), MAX_CERTIFICATE_NUMBER_LENGTH, "certificate number");
        requireText(claims.standardNumber(), MAX_STANDARD_NUMBER_LENGTH, "standard number");

        BitWriter w = new BitWriter();
        w.write(VERSION, 8);
        for (byte b : claims.keyIdPrefix()) {
            w.write(b & 0xFF, 8);
        }
        w.write(ChronoUnit.DAYS.between(EPOCH, claims.expiry()), 16);
        for (int i = 0; i < CreditCode.LENGTH; i++) {
            // GB 32100-2015 character set: 31 symbols, so 5 bits each; value 31 never occurs.
            int v = CreditCode.ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("Character " + (i + 1) + " of the credit code, "
                        + IdentifierText.describe(code.charAt(i)) + ", is not in the GB 32100-2015 character set");
            }
            w.write(v, SYMBOL_BITS);
        }
        writeText(w, claims.certificateNumber());
        writeText(w, claims.standardNumber());
        return w.toByteArray();
    }

    /** The token: base32 (RFC 4648 §6, upper case, no padding) of the claims bytes followed by the signature. */
    public static String encode(QrClaims claims, byte[] signature64) {
        if (signature64 == null || signature64.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("An Ed25519 signature has 64 bytes, got "
                    + (signature64 == null ? "none" : signature64.length));
        }
        byte[] claimsBytes = claimsBytes(claims);
        byte[] all = Arrays.copyOf(claimsBytes, claimsBytes.length + SIGNATURE_LENGTH);
        System.arraycopy(signature64, 0, all, claimsBytes.length, SIGNATURE_LENGTH);
        return Base32.encode(all);
    }

    /**
     * Reads a token (letters in either case). Checks the format strictly; does not verify the signature.
     *
     * @throws TokenException with the reason the token is refused
     */
    public static DecodedToken decode(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenException(TokenException.Reason.TRUNCATED, "The token is empty.");
        }
        if (token.length() > MAX_INPUT_LENGTH) {
            throw new TokenException(TokenException.Reason.TOO_LONG,
                    "The token is longer than " + MAX_INPUT_LENGTH + " characters.");
        }
        byte[] bytes = Base32.decode(token);
        BitReader r = new BitReader(bytes);

        int version = (int) r.read(8, "format version");
        if (version != VERSION) {
            throw new TokenException(TokenException.Reason.UNSUPPORTED_VERSION,
                    "Token format version " + version + " is not supported (expected " + VERSION + ").");
        }
        byte[] keyIdPrefix = new byte[KEY_ID_PREFIX_LENGTH];
        for (int i = 0; i < KEY_ID_PREFIX_LENGTH; i++) {
            keyIdPrefix[i] = (byte) r.read(8, "key ID");
        }
        LocalDate expiry = EPOCH.plusDays(r.read(16, "expiry date"));
        char[] code = new char[CreditCode.LENGTH];
        for (int i = 0; i < code.length; i++) {
            int v = (int) r.read(SYMBOL_BITS, "credit code");
            if (v >= CreditCode.ALPHABET.length()) {
                throw new TokenException(TokenException.Reason.MALFORMED,
                        "Symbol " + (i + 1) + " of the credit code has value " + v + ", outside the GB 32100-2015 character set.");
            }
            code[i] = CreditCode.ALPHABET.charAt(v);
        }
        String certificateNumber = readText(r, MAX_CERTIFICATE_NUMBER_LENGTH, "certificate number");
        String standardNumber = readText(r, MAX_STANDARD_NUMBER_LENGTH, "standard number");
        if (r.readPadding() != 0) {
            throw new TokenException(TokenException.Reason.NON_CANONICAL,
                    "The padding bits after the claims are not zero.");
        }
        int claimsLength = r.bytePosition();
        int rest = bytes.length - claimsLength;
        if (rest < SIGNATURE_LENGTH) {
            throw new TokenException(TokenException.Reason.TRUNCATED,
                    "The signature has " + rest + " of its 64 bytes.");
        }
        if (rest > SIGNATURE_LENGTH) {
            throw new TokenException(TokenException.Reason.TRAILING_DATA,
                    (rest - SIGNATURE_LENGTH) + " bytes follow the signature.");
        }
        QrClaims claims = new QrClaims(version, keyIdPrefix, certificateNumber, new String(code), standardNumber, expiry);
        return new DecodedToken(claims,
                Arrays.copyOfRange(bytes, 0, claimsLength),
                Arrays.copyOfRange(bytes, claimsLength, bytes.length));
    }

    /**
     * The label URL {@code <BASE>/V/<TOKEN>} in upper case, so that the whole URL is QR alphanumeric data.
     * Scheme and host are case-insensitive (RFC 3986 §3.1, §3.2.2); the server must route {@code /V/}.
     *
     * @throws IllegalArgumentException if the base URL has a character outside 0-9 A-Z $ * + - . : /
     */
    public static String labelUrl(String publicBaseUrl, String token) {
        String base = IdentifierText.upperAscii(publicBaseUrl);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || "$*+-.:/".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("Character " + (i + 1) + " of the base URL, "
                        + IdentifierText.describe(c) + ", is outside the QR alphanumeric set usable in a URL");
            }
        }
        String t = IdentifierText.upperAscii(token);
        for (int i = 0; i < t.length(); i++) {
            if (Base32.ALPHABET.indexOf(t.charAt(i)) < 0) {
                throw new IllegalArgumentException("Character " + (i + 1) + " of the token is not base32");
            }
        }
        return base + PATH + t;
    }

    private static boolean textEncodable(String text, int max) {
        if (text == null || text.isEmpty() || text.length() > max) {
            return false;
        }
        String s = IdentifierText.upperAscii(text);
        for (int i = 0; i < s.length(); i++) {
            if (TEXT_ALPHABET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireText(String text, int max, String field) {
        if (text.isEmpty() || text.length() > max) {
            throw new IllegalArgumentException("The " + field + " must have 1 to " + max + " characters to fit a QR token, got " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            if (TEXT_ALPHABET.indexOf(text.charAt(i)) < 0) {
                throw new IllegalArgumentException("Character " + (i + 1) + " of the " + field + ", "
                        + IdentifierText.describe(text.charAt(i)) + ", cannot be put in a QR token (allowed: 0-9 A-Z space - . /)");
            }
        }
    }

    private static void writeText(BitWriter w, String text) {
        int n = text.length();
        w.write(n, LENGTH_BITS);
        int i = 0;
        for (; i + 3 <= n; i += 3) {
            w.write(value(text, i) * 1600 + value(text, i + 1) * 40 + value(text, i + 2), 16);
        }
        if (n - i == 2) {
            w.write(value(text, i) * 40 + value(text, i + 1), 11);
        } else if (n - i == 1) {
            w.write(value(text, i), 6);
        }
    }

    private static String readText(BitReader r, int max, String field) {
        int n = (int) r.read(LENGTH_BITS, field + " length");
        if (n < 1 || n > max) {
            throw new TokenException(TokenException.Reason.MALFORMED,
                    "The " + field + " length " + n + " is outside 1.." + max + ".");
        }
        StringBuilder sb = new StringBuilder(n);
        int i = 0;
        for (; i + 3 <= n; i += 3) {
            int v = (int) r.read(16, field);
            if (v >= 64000) {
                throw outOfRange(field, v);
            }
            sb.append(TEXT_ALPHABET.charAt(v / 1600)).append(TEXT_ALPHABET.charAt(v / 40 % 40)).append(TEXT_ALPHABET.charAt(v % 40));
        }
        if (n - i == 2) {
            int v = (int) r.read(11, field);
            if (v >= 1600) {
                throw outOfRange(field, v);
            }
            sb.append(TEXT_ALPHABET.charAt(v / 40)).append(TEXT_ALPHABET.charAt(v % 40));
        } else if (n - i == 1) {
            int v = (int) r.read(6, field);
            if (v >= 40) {
                throw outOfRange(field, v);
            }
            sb.append(TEXT_ALPHABET.charAt(v));
        }
        return sb.toString();
    }

    private static TokenException outOfRange(String field, int v) {
        return new TokenException(TokenException.Reason.MALFORMED,
                "A character group of the " + field + " has value " + v + ", which no encoder writes.");
    }

    private static int value(String text, int i) {
        return TEXT_ALPHABET.indexOf(text.charAt(i));
    }
}
