package org.szmark.enterprise;

import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierException.Identifier;
import org.szmark.ident.IdentifierException.Reason;
import org.szmark.ident.IdentifierText;

/**
 * Unified social credit code (统一社会信用代码) of a legal entity or other organisation, GB 32100-2015.
 *
 * <p>18 characters: registration department (1), organisation category (1), administrative division
 * of the registering authority (6, GB/T 2260), subject identifier (9, GB 11714) and a check character.
 *
 * <p>{@link #parse} is for new input and requires a correct check character. {@link #parseLegacy} is for
 * operator imports of codes issued before the rule was applied consistently: it still requires 18
 * characters of the alphabet, but records a wrong check character in {@link #checkValid()} instead of
 * refusing it.
 */
public final class CreditCode {

    /** GB 32100-2015 code character set: digits and upper-case letters without I, O, S, V and Z. Symbol value = index. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static final int LENGTH = 18;

    /** Longest raw input looked at; anything longer is refused before normalisation. */
    static final int MAX_INPUT_LENGTH = 64;

    /** GB 32100-2015 weighting factors W_i = MOD(3^(i-1), 31) for positions i = 1..17. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;
    private final boolean checkValid;

    private CreditCode(String value, boolean checkValid) {
        this.value = value;
        this.checkValid = checkValid;
    }

    /** Trims, folds full-width characters, upper-cases, and requires a correct check character. */
    public static CreditCode parse(String input) {
        CreditCode code = parseLegacy(input);
        if (!code.checkValid) {
            throw new IdentifierException(Identifier.CREDIT_CODE, Reason.CHECK_CHARACTER, LENGTH,
                    "The unified social credit code's check character (position 18) is wrong: the first 17 "
                            + "characters call for '" + code.expectedCheckCharacter() + "'. Please check for a typing error.");
        }
        return code;
    }

    /**
     * Like {@link #parse} but accepts a wrong check character, for importing legacy records: the caller
     * must look at {@link #checkValid()} and warn.
     */
    public static CreditCode parseLegacy(String input) {
        if (input == null) {
            throw lengthError(0);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw lengthError(input.length());
        }
        String s = IdentifierText.normaliseCode(input);
        int length = s.codePointCount(0, s.length());
        if (length != LENGTH) {
            throw lengthError(length);
        }
        requireAlphabet(s, LENGTH);
        return new CreditCode(s, s.charAt(17) == computeCheck(s));
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

    /**
     * The check character for the first 17 characters, exactly as given (no trimming or case folding).
     * GB 32100-2015: C18 = 31 − MOD(Σ C_i × W_i, 31), where a result of 31 is written as '0'.
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IdentifierException(Identifier.CREDIT_CODE, Reason.LENGTH,
                    "The check character is computed from exactly 17 characters, got "
                            + (first17 == null ? 0 : first17.codePointCount(0, first17.length())) + ".");
        }
        requireAlphabet(first17, LENGTH - 1);
        return computeCheck(first17);
    }

    /** The 18 characters, upper case. */
    public String value() {
        return value;
    }

    /** False only for codes read by {@link #parseLegacy} whose check character is wrong. */
    public boolean checkValid() {
        return checkValid;
    }

    /** The check character that the first 17 characters call for. */
    public char expectedCheckCharacter() {
        return computeCheck(value);
    }

    /** Positions 3–8: administrative division code of the registering authority (GB/T 2260), e.g. 440300 for Shenzhen. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    private static char computeCheck(String s) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += ALPHABET.indexOf(s.charAt(i)) * WEIGHTS[i];
        }
        // 31 − MOD(sum, 31) is 1..31; the value 31 is written with the symbol of value 0.
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    private static void requireAlphabet(String s, int count) {
        for (int i = 0, pos = 1; pos <= count; pos++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0x7F || ALPHABET.indexOf(cp) < 0) {
                String hint = (cp == 'I' || cp == 'O' || cp == 'S' || cp == 'V' || cp == 'Z')
                        ? " (the letters I, O, S, V and Z are never used)"
                        : " (only digits and the letters A–Y without I, O, S, V are used)";
                throw new IdentifierException(Identifier.CREDIT_CODE, Reason.FORBIDDEN_CHARACTER, pos,
                        "Character " + pos + " of the unified social credit code, " + IdentifierText.describe(cp)
                                + ", is not allowed" + hint + ".");
            }
        }
    }

    private static IdentifierException lengthError(int length) {
        return new IdentifierException(Identifier.CREDIT_CODE, Reason.LENGTH,
                "A unified social credit code has 18 characters, got " + (length > MAX_INPUT_LENGTH ? "more than " + MAX_INPUT_LENGTH : length) + ".");
    }
}
