package org.szmark.ident;

/**
 * Normalisation shared by the identifier parsers.
 *
 * <p>People copy identifiers out of Chinese documents and type them with Chinese input methods, which
 * produce full-width forms (U+FF01..U+FF5E), the ideographic space U+3000 and typographic dashes.
 * Standard numbers are printed with an em dash before the year ("T/SZUA 003—2017"). These are the
 * same identifier, so they are folded to ASCII before validation; anything else stays as typed and is
 * then refused by the identifier's own alphabet.
 */
public final class IdentifierText {

    private IdentifierText() {
    }

    /**
     * Folds full-width ASCII and dashes, collapses every run of whitespace to one space, strips it at
     * both ends and upper-cases ASCII letters.
     */
    public static String normaliseDesignation(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            cp = fold(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(upperAscii(cp));
        }
        return out.toString();
    }

    /**
     * Folds full-width ASCII (and the ideographic space to a space), strips whitespace at both ends and
     * upper-cases ASCII letters; inner whitespace is kept (and then refused by a code that has no spaces).
     * Every code the registry reads (credit codes, body codes, certificate numbers, label tokens) is looked
     * up in this form, so a full-width or lower-case spelling finds the same record; {@code null} reads as "".
     */
    public static String normaliseCode(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(fold(raw.codePointAt(start)))) {
            start += Character.charCount(raw.codePointAt(start));
        }
        while (end > start && isSpace(fold(raw.codePointBefore(end)))) {
            end -= Character.charCount(raw.codePointBefore(end));
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(upperAscii(foldWidth(cp)));
        }
        return out.toString();
    }

    /**
     * Upper-cases a-z only. {@link String#toUpperCase} would also turn the dotless i (U+0131) into "I"
     * and "ß" into "SS", letting look-alike input pass as ASCII.
     */
    public static String upperAscii(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c - 'a' + 'A'));
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Names a character in a message shown to people: letters and digits (any script) in quotes,
     * anything else (punctuation, markup, controls, invisible characters) as U+XXXX, so that a message
     * can never carry markup or a terminal escape from the input.
     */
    public static String describe(int codePoint) {
        String hex = String.format("U+%04X", codePoint);
        if (Character.isLetterOrDigit(codePoint)) {
            return "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")";
        }
        return hex;
    }

    private static int fold(int cp) {
        cp = foldWidth(cp);
        switch (cp) {
            case 0x2010: // hyphen
            case 0x2011: // non-breaking hyphen
            case 0x2012: // figure dash
            case 0x2013: // en dash
            case 0x2014: // em dash, as printed in Chinese standard numbers
            case 0x2212: // minus sign
                return '-';
            default:
                return cp;
        }
    }

    /**
     * Full-width forms U+FF01..U+FF5E are ASCII 0x21..0x7E shifted by 0xFEE0 (Unicode Halfwidth and Fullwidth
     * Forms); the ideographic space U+3000 is the full-width space.
     */
    private static int foldWidth(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            return cp - 0xFEE0;
        }
        return cp == 0x3000 ? ' ' : cp;
    }

    private static boolean isSpace(int cp) {
        // Character.isWhitespace excludes the no-break spaces, which word processors insert.
        return Character.isWhitespace(cp) || cp == 0x00A0 || cp == 0x2007 || cp == 0x202F;
    }

    private static int upperAscii(int cp) {
        return cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp;
    }
}
