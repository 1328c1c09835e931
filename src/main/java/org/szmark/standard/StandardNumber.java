package org.szmark.standard;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierException.Identifier;
import org.szmark.ident.IdentifierException.Reason;
import org.szmark.ident.IdentifierText;

/**
 * A Chinese standard number (标准编号): code, one space, number, dash, four-digit year of approval,
 * e.g. {@code GB/T 20004.1-2016} or {@code T/SZWD 004-2019}.
 *
 * <p>The code says who published the standard: {@code GB}, {@code GB/T}, {@code GB/Z} (national:
 * mandatory, recommended, guidance), {@code DB<division>[/T|/Z]} and the legacy Shenzhen
 * {@code SZDB/Z} (local), {@code T/<group code>} (group standard, GB/T 20004.1-2016) and
 * {@code Q/<enterprise code>} (enterprise standard). Sector standards (e.g. {@code SJ/T}) are not
 * among the kinds this registry accepts as a basis and are refused.
 *
 * <p>The number is printed with an em dash before the year in Chinese typesetting; {@link #parse}
 * folds dashes and full-width forms to ASCII, collapses whitespace and upper-cases, then is strict:
 * exactly one space between code and number (none is refused: "T/SZWD004-2019" is ambiguous), a
 * four-digit year (two-digit years such as "4-19" are refused).
 *
 * @param code   publisher code, e.g. {@code T/SZWD}, {@code GB/T}, {@code DB4403/T}
 * @param kind   kind derived from the code
 * @param number number within the code, as printed including leading zeros, e.g. {@code 004}, {@code 4943.1}
 * @param year   year of approval
 */
public record StandardNumber(String code, Kind kind, String number, int year) {

    /** Who publishes a standard, from its code prefix. */
    public enum Kind {
        /** {@code GB}: mandatory national standard. */
        NATIONAL,
        /** {@code GB/T}: recommended national standard. */
        NATIONAL_RECOMMENDED,
        /** {@code GB/Z}: national guidance technical document. */
        NATIONAL_GUIDANCE,
        /** {@code DB…}, {@code SZDB/Z}: local standard. */
        LOCAL,
        /** {@code T/…}: group standard. */
        GROUP,
        /** {@code Q/…}: enterprise standard. */
        ENTERPRISE
    }

    /** Longest raw input looked at; longer input is refused before any normalisation. */
    public static final int MAX_INPUT_LENGTH = 64;

    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2100;

    private static final Pattern NATIONAL = Pattern.compile("GB(/[TZ])?");
    private static final Pattern LOCAL = Pattern.compile("DB[0-9]{2,6}(/[TZ])?|SZDB/Z");
    private static final Pattern GROUP = Pattern.compile("T/[A-Z0-9]{2,10}");
    private static final Pattern ENTERPRISE = Pattern.compile("Q/[A-Z0-9]{1,20}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,8}(\\.[0-9]{1,8}){0,4}");
    private static final Pattern NUMBER_AND_YEAR = Pattern.compile("(.+)-([0-9]+)");

    public StandardNumber {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        if (kindOf(code) != kind) {
            throw malformed("The code " + code + " does not name a " + kind + " standard.");
        }
        if (!NUMBER.matcher(number).matches()) {
            throw malformed("The number part of a standard number is digits, optionally with parts such as 4943.1.");
        }
        requireYear(year);
    }

    /** Reads a standard number; see the class comment for what is folded and what is refused. */
    public static StandardNumber parse(String input) {
        if (input == null) {
            throw new IdentifierException(Identifier.STANDARD_NUMBER, Reason.LENGTH, "The standard number is empty.");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new IdentifierException(Identifier.STANDARD_NUMBER, Reason.LENGTH,
                    "A standard number has at most " + MAX_INPUT_LENGTH + " characters.");
        }
        String s = IdentifierText.normaliseDesignation(input);
        if (s.isEmpty()) {
            throw new IdentifierException(Identifier.STANDARD_NUMBER, Reason.LENGTH, "The standard number is empty.");
        }
        requireCharacters(s);

        int space = s.indexOf(' ');
        if (space < 0) {
            throw malformed("A standard number has a space between the code and the number, e.g. T/SZWD 004-2019.");
        }
        String code = s.substring(0, space);
        String rest = s.substring(space + 1);
        Kind kind = kindOf(code);
        if (kind == null) {
            throw malformed("The code " + code + " is not one of GB, GB/T, GB/Z, DB followed by a region code (optionally /T or /Z), "
                    + "SZDB/Z, T/ followed by a group code (2–10 letters or digits) or Q/ followed by an enterprise code "
                    + "(1–20 letters or digits).");
        }
        Matcher m = NUMBER_AND_YEAR.matcher(rest);
        if (!m.matches()) {
            throw malformed("After the code comes the number, a dash and the year, e.g. 004-2019.");
        }
        String number = m.group(1);
        if (!NUMBER.matcher(number).matches()) {
            throw malformed("The number part of a standard number is digits, optionally with parts such as 4943.1.");
        }
        if (m.group(2).length() != 4) {
            throw malformed("The year of a standard number has four digits, e.g. 2019 (not 19).");
        }
        return new StandardNumber(code, kind, number, Integer.parseInt(m.group(2)));
    }

    /** Whether {@code input} would be accepted by {@link #parse}. */
    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (IdentifierException e) {
            return false;
        }
    }

    /** The normalised text, e.g. {@code T/SZUA 003-2017}. */
    @Override
    public String toString() {
        return code + " " + number + "-" + year;
    }

    private static Kind kindOf(String code) {
        if (NATIONAL.matcher(code).matches()) {
            return code.length() == 2 ? Kind.NATIONAL
                    : code.charAt(3) == 'T' ? Kind.NATIONAL_RECOMMENDED : Kind.NATIONAL_GUIDANCE;
        }
        if (LOCAL.matcher(code).matches()) {
            return Kind.LOCAL;
        }
        if (GROUP.matcher(code).matches()) {
            return Kind.GROUP;
        }
        if (ENTERPRISE.matcher(code).matches()) {
            return Kind.ENTERPRISE;
        }
        return null;
    }

    private static void requireCharacters(String s) {
        for (int i = 0, pos = 1; i < s.length(); pos++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean ok = (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || cp == ' ' || cp == '/' || cp == '-' || cp == '.';
            if (!ok) {
                throw new IdentifierException(Identifier.STANDARD_NUMBER, Reason.FORBIDDEN_CHARACTER, pos,
                        "Character " + pos + " of the standard number, " + IdentifierText.describe(cp)
                                + ", is not allowed: use letters, digits, '/', '.', '-' and one space.");
            }
        }
    }

    private static void requireYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IdentifierException(Identifier.STANDARD_NUMBER, Reason.YEAR_OUT_OF_RANGE,
                    "The year of a standard number must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + year + ".");
        }
    }

    private static IdentifierException malformed(String message) {
        return new IdentifierException(Identifier.STANDARD_NUMBER, Reason.MALFORMED, message);
    }
}
