package org.szmark.log.note;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Text rules shared by the signed-note family of formats (c2sp.org/signed-note). */
final class NoteFormat {

    private NoteFormat() {
    }

    /**
     * Standard base64 with padding (RFC 4648 §4), accepting only the canonical spelling: the JDK
     * decoder tolerates missing padding and non-zero trailing bits, which would give one value
     * several encodings, so the input must re-encode to itself.
     */
    static byte[] strictBase64(String s, String what) {
        byte[] out;
        try {
            out = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(out).equals(s)) {
            throw new IllegalArgumentException(what + " is not canonical padded base64");
        }
        return out;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes UTF-8, rejecting malformed input instead of substituting U+FFFD. */
    static String strictUtf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-8");
        }
    }

    /**
     * Signed notes must be valid UTF-8 with no ASCII control characters (below U+0020) other than
     * newline, c2sp.org/signed-note "Format". An unpaired surrogate has no UTF-8 encoding.
     */
    static void checkNoteChars(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException(
                        what + " contains control character U+" + String.format("%04X", (int) c)
                                + " at offset " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException(what + " contains an unpaired surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(what + " contains an unpaired surrogate");
            }
        }
    }

    /**
     * Key names must be non-empty and contain neither Unicode spaces nor '+', c2sp.org/signed-note
     * "Format" ('+' separates the fields of a verifier key, a space those of a signature line).
     * Control characters are excluded too, as they may not appear in a note at all.
     */
    static String checkKeyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("key name must not be empty");
        }
        checkNoteChars(name, "key name");
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+') {
                throw new IllegalArgumentException("key name '" + name + "' contains '+'");
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85
                    || Character.isISOControl(cp)) {
                throw new IllegalArgumentException("key name '" + name
                        + "' contains a space or control character at offset " + i);
            }
            i += Character.charCount(cp);
        }
        return name;
    }

    /** ASCII decimal without sign or leading zeros ("0" alone is allowed), as a long. */
    static long parseCanonicalDecimal(String s, String what) {
        if (s.isEmpty() || s.length() > 19) {
            throw new IllegalArgumentException(what + " '" + s + "' is not a decimal number");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " '" + s + "' is not a decimal number");
            }
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            throw new IllegalArgumentException(what + " '" + s + "' has a leading zero");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "' is too large");
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
