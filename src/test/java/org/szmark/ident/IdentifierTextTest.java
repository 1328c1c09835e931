package org.szmark.ident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "91440300MA5DRN7K6G            | 91440300MA5DRN7K6G",
        "９１４４０３００ｍａ５ｄｒｎ７ｋ６ｇ | 91440300MA5DRN7K6G",
        "'\u3000 szbz-b1-2024-000001\t'  | SZBZ-B1-2024-000001",
        "ＳＺＢＺ－Ｂ１／２０２４．１       | SZBZ-B1/2024.1",
        "'ab\u3000cd'                    | AB CD",
    })
    void codesAreFoldedToUpperCaseAsciiAndTrimmed(String raw, String folded) {
        assertThat(IdentifierText.normaliseCode(raw)).isEqualTo(folded);
    }

    @Test
    void nothingReadsAsEmpty() {
        assertThat(IdentifierText.normaliseCode(null)).isEmpty();
        assertThat(IdentifierText.normaliseCode(" \u3000 ")).isEmpty();
    }

    @Test
    void onlyAsciiAndFullWidthLettersAreUpperCased() {
        // Dotless i, long s and sharp s would pass as ASCII under String.toUpperCase; they stay as typed
        // and are then refused by the code's own alphabet.
        assertThat(IdentifierText.normaliseCode("\u0131\u017f\u00df")).isEqualTo("\u0131\u017f\u00df");
        // The em dash is a designation's separator (standard numbers), not a code's: codes keep it.
        assertThat(IdentifierText.normaliseCode("A\u2014B")).isEqualTo("A\u2014B");
    }

    @Test
    void fullWidthFormsEndAtTheTilde() {
        assertThat(IdentifierText.normaliseCode("\uFF5E\uFF5F\uFF00")).isEqualTo("~\uFF5F\uFF00");
    }
}
