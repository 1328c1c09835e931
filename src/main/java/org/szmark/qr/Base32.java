package org.szmark.qr;

import org.szmark.ident.IdentifierText;

/**
 * RFC 4648 §6 base32 without padding, strict.
 *
 * <p>The alphabet (A–Z, 2–7) lies inside the QR alphanumeric character set (ISO/IEC 18004), so a token
 * costs 5.5 QR bits per 5 data bits instead of 8 in byte mode. Padding '=' is omitted (allowed by
 * RFC 4648 §3.2 when the referring specification says so); it is also outside that character set.
 */
final class Base32 {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET.charAt((buffer >>> bits) & 0x1F));
            }
        }
        if (bits > 0) {
            // The last quantum is completed with zero bits on the right (RFC 4648 §6).
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
    }

    /** Decodes upper or lower case; refuses padding, foreign characters, impossible lengths and non-zero pad bits. */
    static byte[] decode(String text) {
        int n = text.length();
        // A final quantum of 1, 3 or 6 characters cannot come from whole bytes (RFC 4648 §6).
        int rem = n % 8;
        if (rem == 1 || rem == 3 || rem == 6) {
            throw new TokenException(TokenException.Reason.MALFORMED,
                    "The token's length (" + n + " characters) is not a possible base32 length.");
        }
        byte[] out = new byte[n * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int v = value(c);
            if (v < 0) {
                throw new TokenException(TokenException.Reason.MALFORMED,
                        "Character " + (i + 1) + " of the token, " + IdentifierText.describe(c)
                                + ", is not a base32 character (A–Z, 2–7).");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >>> bits);
            }
            buffer &= (1 << bits) - 1;
        }
        // RFC 4648 §3.5: the bits left over in the last character must be zero, so that each byte
        // string has exactly one encoding.
        if (buffer != 0) {
            throw new TokenException(TokenException.Reason.NON_CANONICAL,
                    "The token's last character has non-zero padding bits.");
        }
        return out;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
