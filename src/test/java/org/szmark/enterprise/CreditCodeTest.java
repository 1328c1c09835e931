package org.szmark.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierException.Identifier;
import org.szmark.ident.IdentifierException.Reason;

class CreditCodeTest {

    record Vector(String code, boolean valid, String note) {
        @Override
        public String toString() {
            return code + " " + (valid ? "VALID" : "INVALID") + " " + note;
        }
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        try (InputStream in = CreditCodeTest.class.getResourceAsStream("/vectors/uscc.txt")) {
            assertThat(in).as("classpath /vectors/uscc.txt").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+", 3);
                assertThat(parts[1]).isIn("VALID", "INVALID");
                out.add(new Vector(parts[0], parts[1].equals("VALID"), parts.length > 2 ? parts[2] : ""));
            }
        }
        return out;
    }

    static Stream<Vector> validVectors() throws IOException {
        return vectors().stream().filter(Vector::valid);
    }

    @Test
    void vectorFileHasBothKinds() throws IOException {
        List<Vector> all = vectors();
        assertThat(all).filteredOn(Vector::valid).hasSizeGreaterThanOrEqualTo(12);
        assertThat(all).filteredOn(v -> !v.valid()).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vector(Vector v) {
        boolean lowerCaseOnly = !v.code().equals(v.code().toUpperCase());
        if (v.valid() || lowerCaseOnly) {
            // The lower-case vector is invalid as written but valid once upper-cased, which parse does.
            CreditCode code = CreditCode.parse(v.code());
            assertThat(code.value()).isEqualTo(v.code().toUpperCase());
            assertThat(code.checkValid()).isTrue();
            assertThat(CreditCode.isValid(v.code())).isTrue();
            if (lowerCaseOnly) {
                assertThat(code.value()).isNotEqualTo(v.code());
            }
        } else {
            assertThatThrownBy(() -> CreditCode.parse(v.code())).isInstanceOf(IdentifierException.class);
            assertThat(CreditCode.isValid(v.code())).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void checkCharacterOfEachValidVector(Vector v) {
        assertThat(CreditCode.checkCharacter(v.code().substring(0, 17))).isEqualTo(v.code().charAt(17));
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void weightedSumIncludingCheckIsZeroModulo31(Vector v) {
        // Independent restatement: C18 = 31 − MOD(Σ Ci·Wi, 31) means Σ Ci·Wi + C18 ≡ 0 (mod 31), Wi = 3^(i−1) mod 31.
        int sum = 0;
        int w = 1;
        for (int i = 0; i < 17; i++) {
            sum += CreditCode.ALPHABET.indexOf(v.code().charAt(i)) * w;
            w = w * 3 % 31;
        }
        sum += CreditCode.ALPHABET.indexOf(v.code().charAt(17));
        assertThat(sum % 31).isZero();
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void everySingleSubstitutionIsCaught(Vector v) {
        String code = v.code();
        for (int pos = 0; pos < 18; pos++) {
            for (char c : CreditCode.ALPHABET.toCharArray()) {
                if (c == code.charAt(pos)) {
                    continue;
                }
                String changed = code.substring(0, pos) + c + code.substring(pos + 1);
                IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parse(changed));
                assertThat(e).as(changed).isNotNull();
                assertThat(e.reason()).isEqualTo(Reason.CHECK_CHARACTER);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void everyAdjacentTranspositionIsCaught(Vector v) {
        String code = v.code();
        for (int pos = 0; pos < 17; pos++) {
            if (code.charAt(pos) == code.charAt(pos + 1)) {
                continue;
            }
            String swapped = code.substring(0, pos) + code.charAt(pos + 1) + code.charAt(pos) + code.substring(pos + 2);
            assertThat(CreditCode.isValid(swapped)).as(swapped).isFalse();
        }
    }

    @Test
    void workedExampleOfTheStandard() {
        // The check-character example published with GB 32100-2015: 91350100M000100Y4 → '3'.
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void resultThirtyOneIsWrittenAsZero() {
        // Σ = 0 gives 31 − 0 = 31, which the standard writes as '0'.
        assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(CreditCode.checkCharacter("91440300MA5HR4N22")).isEqualTo('0');
    }

    @Test
    void wrongCheckCharacter() {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parse("91440300MA5DRN7K6H"));
        assertThat(e.reason()).isEqualTo(Reason.CHECK_CHARACTER);
        assertThat(e.identifier()).isEqualTo(Identifier.CREDIT_CODE);
        assertThat(e.position()).isEqualTo(18);
        assertThat(e.getMessage()).contains("position 18").contains("'G'");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void forbiddenLettersAtEveryPosition(char letter) {
        String valid = "91440300MA5DRN7K6G";
        for (int pos = 0; pos < 18; pos++) {
            String s = valid.substring(0, pos) + letter + valid.substring(pos + 1);
            IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parseLegacy(s));
            assertThat(e).as(s).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CHARACTER);
            assertThat(e.position()).isEqualTo(pos + 1);
            assertThat(e.getMessage()).contains("Character " + (pos + 1)).contains("'" + letter + "'");
        }
    }

    @Test
    void lowerCaseForbiddenLettersAreStillForbidden() {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parse("91440300ma5drn7kig"));
        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CHARACTER);
        assertThat(e.position()).isEqualTo(17);
    }

    @Test
    void dotlessIIsNotFoldedIntoI() {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parse("91440300MA5DRN7K\u0131G"));
        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CHARACTER);
        assertThat(e.getMessage()).contains("U+0131");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "9", "91440300MA5DRN7K6", "91440300MA5DRN7K6GG", "91440300MA5DRN7K6G0000000000000000000000000000000000000000000000000000000000"})
    void wrongLengths(String input) {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parseLegacy(input));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.LENGTH);
        assertThat(e.getMessage()).contains("18 characters");
    }

    @Test
    void trimsAndFoldsFullWidth() {
        assertThat(CreditCode.parse(" \t91440300MA5DRN7K6G\n").value()).isEqualTo("91440300MA5DRN7K6G");
        // Ideographic space and full-width digits/letters from a Chinese input method.
        assertThat(CreditCode.parse("\u3000９１４４０３００ＭＡ５ＤＲＮ７Ｋ６ｇ\u3000").value()).isEqualTo("91440300MA5DRN7K6G");
    }

    @Test
    void innerSpaceIsForbidden() {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parse("91440300 A5DRN7K6G"));
        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_CHARACTER);
        assertThat(e.position()).isEqualTo(9);
    }

    @Test
    void messageNeverCarriesMarkup() {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> CreditCode.parse("9144030<>A5DRN7K6G"));
        assertThat(e.getMessage()).contains("U+003C").doesNotContain("<").doesNotContain(">");
    }

    @Test
    void legacyAcceptsWrongCheckCharacterButFlagsIt() {
        CreditCode legacy = CreditCode.parseLegacy("91440300ma5drn7k6h");
        assertThat(legacy.value()).isEqualTo("91440300MA5DRN7K6H");
        assertThat(legacy.checkValid()).isFalse();
        assertThat(legacy.expectedCheckCharacter()).isEqualTo('G');
        assertThat(CreditCode.parseLegacy("91440300MA5DRN7K6G").checkValid()).isTrue();
    }

    @Test
    void legacyStillEnforcesLengthAndAlphabet() {
        assertThat(catchThrowableOfType(IdentifierException.class, () -> CreditCode.parseLegacy("91440300MA5DRN7KIG")).reason())
                .isEqualTo(Reason.FORBIDDEN_CHARACTER);
        assertThat(catchThrowableOfType(IdentifierException.class, () -> CreditCode.parseLegacy("91440300MA5DRN7K6")).reason())
                .isEqualTo(Reason.LENGTH);
    }

    @Test
    void checkCharacterInputIsStrict() {
        assertThat(catchThrowableOfType(IdentifierException.class, () -> CreditCode.checkCharacter("91440300MA5DRN7K")).reason())
                .isEqualTo(Reason.LENGTH);
        assertThat(catchThrowableOfType(IdentifierException.class, () -> CreditCode.checkCharacter("91440300MA5DRN7K6G")).reason())
                .isEqualTo(Reason.LENGTH);
        assertThat(catchThrowableOfType(IdentifierException.class, () -> CreditCode.checkCharacter(null)).reason())
                .isEqualTo(Reason.LENGTH);
        assertThat(catchThrowableOfType(IdentifierException.class, () -> CreditCode.checkCharacter("91440300MA5DRN7KO")).reason())
                .isEqualTo(Reason.FORBIDDEN_CHARACTER);
    }

    @Test
    void valueSemantics() {
        CreditCode a = CreditCode.parse("91440300MA5DRN7K6G");
        CreditCode b = CreditCode.parse(" 91440300ma5drn7k6g ");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("91440300MA5DRN7K6G");
        assertThat(a.regionCode()).isEqualTo("440300");
        assertThat(a).isNotEqualTo(CreditCode.parse("91440300MA5FQ2L86U"));
    }
}
