package org.szmark.text;

import java.util.Optional;

/**
 * The one rule for text the registry accepts (docs/records.md, "What text is accepted").
 *
 * <p>Every text value is refused when it is not well-formed Unicode (a lone or mis-ordered UTF-16
 * surrogate, Unicode §3.9 D91), holds a control character other than TAB, LF and CR (C0 U+0000–U+001F,
 * DEL U+007F, C1 U+0080–U+009F), a noncharacter (U+FDD0–U+FDEF and the last two code points of every
 * plane, Unicode §23.7), a bidirectional formatting character (UAX #9 §2: U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), or an invisible character that can make two names look alike
 * (U+00AD, U+180E, U+200B, U+200C, U+2060–U+2064, U+206A–U+206F, U+FEFF).
 *
 * <p>Names, numbers and codes are {@link Kind#ONE_LINE}: on top of that they refuse TAB, LF, CR, the line
 * and paragraph separators U+2028/U+2029 and the zero-width joiner U+200D. Free text (reasons,
 * descriptions, notices, a certificate's scope) is {@link Kind#FREE_TEXT} and keeps those, since line
 * breaks belong to prose and emoji sequences are joined by U+200D (UTS #51 §2.3).
 *
 * <p>Pure: no framework imports, so the JSON reader and any other reader apply the same rule.
 */
public final class TextRule {

    private TextRule() {
    }

    /** Which kind of text a value is. */
    public enum Kind {
        /** A name, number, code, title, address, URL: shown as one line, compared by people. */
        ONE_LINE,
        /** Prose: reasons, descriptions, notices, scope. */
        FREE_TEXT
    }

    /** Why a character was refused. */
    public enum Why {
        LONE_SURROGATE("is not well-formed Unicode: it has a lone UTF-16 surrogate"),
        CONTROL("may not contain the control character"),
        NONCHARACTER("may not contain the Unicode noncharacter"),
        BIDI_CONTROL("may not contain the bidirectional formatting character"),
        INVISIBLE("may not contain the invisible character"),
        LINE_BREAK("must be one line: it may not contain the line break or tab"),
        JOINER("may not contain the zero-width joiner");

        private final String words;

        Why(String words) {
            this.words = words;
        }
    }

    /**
     * The first refused character: its 1-based position in code points, the code point (for a lone
     * surrogate, the surrogate itself) and why.
     */
    public record Refusal(int position, int codePoint, Why why) {
        /** Safe to show: names the character only as U+XXXX, never repeats the input. */
        public String message() {
            String where = String.format("U+%04X at character %d", codePoint, position);
            return switch (why) {
                case LINE_BREAK, JOINER -> why.words + " " + where + " (only free text such as reasons and descriptions may)";
                default -> why.words + " " + where;
            };
        }
    }

    /** The first character of {@code text} this kind of text may not hold, or empty when all are accepted. */
    public static Optional<Refusal> check(String text, Kind kind) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            position++;
            char c = text.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                // A high surrogate without its low half, or a low one without a high one before it.
                return Optional.of(new Refusal(position, c, Why.LONE_SURROGATE));
            } else {
                cp = c;
                i++;
            }
            Why why = whyRefused(cp, kind);
            if (why != null) {
                return Optional.of(new Refusal(position, cp, why));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} is accepted as this kind of text. */
    public static boolean accepts(String text, Kind kind) {
        return check(text, kind).isEmpty();
    }

    private static Why whyRefused(int cp, Kind kind) {
        if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
            return kind == Kind.FREE_TEXT ? null : Why.LINE_BREAK;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return Why.CONTROL;
        }
        if (isNoncharacter(cp)) {
            return Why.NONCHARACTER;
        }
        if (isBidiControl(cp)) {
            return Why.BIDI_CONTROL;
        }
        if (cp == 0x200D) {
            return kind == Kind.FREE_TEXT ? null : Why.JOINER;
        }
        if (isInvisible(cp)) {
            return Why.INVISIBLE;
        }
        return null;
    }

    /** Unicode §23.7: U+FDD0..U+FDEF and U+nFFFE, U+nFFFF for every plane n. */
    static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** UAX #9 §2, explicit formatting characters and the implicit marks (ALM, LRM, RLM). */
    static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /**
     * Default-ignorable format characters that render as nothing: soft hyphen, Mongolian vowel separator,
     * zero-width space and non-joiner, word joiner and the invisible operators, the deprecated format
     * characters U+206A–U+206F, and the byte order mark used as a zero-width no-break space.
     */
    static boolean isInvisible(int cp) {
        return cp == 0x00AD || cp == 0x180E || cp == 0x200B || cp == 0x200C || (cp >= 0x2060 && cp <= 0x2064)
                || (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF;
    }
}
