package org.szmark.body;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierException.Identifier;
import org.szmark.ident.IdentifierException.Reason;
import org.szmark.ident.IdentifierText;

/**
 * Approval number that CNCA (国家认证认可监督管理委员会) gives a certification body, e.g.
 * {@code CNCA-R-2002-001} (CQC) or {@code CNCA-RF-2002-07}: {@code CNCA-}, a 1–3 letter category,
 * the four-digit year of approval and a 2–4 digit serial.
 *
 * <p>Input is folded like standard numbers (typographic and full-width dashes to '-', full-width
 * letters to ASCII, upper case); the shape is then strict.
 *
 * @param category category letters, e.g. {@code R}, {@code RF}
 * @param year     year of approval
 * @param serial   serial as printed, including leading zeros, e.g. {@code 001}
 */
public record ApprovalNumber(String category, int year, String serial) {

    /** Longest raw input looked at. */
    public static final int MAX_INPUT_LENGTH = 64;

    /** CNCA was established in 2001; no approval can be older. */
    public static final int MIN_YEAR = 2001;
    public static final int MAX_YEAR = 2100;

    private static final Pattern CATEGORY = Pattern.compile("[A-Z]{1,3}");
    private static final Pattern SERIAL = Pattern.compile("[0-9]{2,4}");
    private static final Pattern SHAPE = Pattern.compile("CNCA-([A-Z]{1,3})-([0-9]{4})-([0-9]{2,4})");

    public ApprovalNumber {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(serial, "serial");
        if (!CATEGORY.matcher(category).matches() || !SERIAL.matcher(serial).matches()) {
            throw malformed();
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IdentifierException(Identifier.APPROVAL_NUMBER, Reason.YEAR_OUT_OF_RANGE,
                    "The year of a CNCA approval number must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + year + ".");
        }
    }

    public static ApprovalNumber parse(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            throw new IdentifierException(Identifier.APPROVAL_NUMBER, Reason.LENGTH,
                    input == null ? "The approval number is empty."
                            : "An approval number has at most " + MAX_INPUT_LENGTH + " characters.");
        }
        String s = IdentifierText.normaliseDesignation(input);
        if (s.isEmpty()) {
            throw new IdentifierException(Identifier.APPROVAL_NUMBER, Reason.LENGTH, "The approval number is empty.");
        }
        for (int i = 0, pos = 1; i < s.length(); pos++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!((cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '-')) {
                throw new IdentifierException(Identifier.APPROVAL_NUMBER, Reason.FORBIDDEN_CHARACTER, pos,
                        "Character " + pos + " of the approval number, " + IdentifierText.describe(cp)
                                + ", is not allowed: use letters, digits and '-'.");
            }
        }
        Matcher m = SHAPE.matcher(s);
        if (!m.matches()) {
            throw malformed();
        }
        return new ApprovalNumber(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }

    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (IdentifierException e) {
            return false;
        }
    }

    /** The normalised text, e.g. {@code CNCA-R-2002-001}. */
    @Override
    public String toString() {
        return "CNCA-" + category + "-" + year + "-" + serial;
    }

    private static IdentifierException malformed() {
        return new IdentifierException(Identifier.APPROVAL_NUMBER, Reason.MALFORMED,
                "A CNCA approval number is CNCA-, a 1–3 letter category, a four-digit year and a 2–4 digit "
                        + "serial, e.g. CNCA-R-2002-001.");
    }
}
