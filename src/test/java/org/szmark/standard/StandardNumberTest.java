package org.szmark.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierException.Identifier;
import org.szmark.ident.IdentifierException.Reason;
import org.szmark.standard.StandardNumber.Kind;

class StandardNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GB 4943.1-2022       | GB 4943.1-2022       | GB       | NATIONAL             | 4943.1  | 2022",
            "GB/T 20004.1-2016    | GB/T 20004.1-2016    | GB/T     | NATIONAL_RECOMMENDED | 20004.1 | 2016",
            "GB/Z 1234-2020       | GB/Z 1234-2020       | GB/Z     | NATIONAL_GUIDANCE    | 1234    | 2020",
            "DB4403/T 298-2022    | DB4403/T 298-2022    | DB4403/T | LOCAL                | 298     | 2022",
            "DB44/T 1234-2020     | DB44/T 1234-2020     | DB44/T   | LOCAL                | 1234    | 2020",
            "DB4403/Z 7-2019      | DB4403/Z 7-2019      | DB4403/Z | LOCAL                | 7       | 2019",
            "DB4403 12-2010       | DB4403 12-2010       | DB4403   | LOCAL                | 12      | 2010",
            "SZDB/Z 1-2016        | SZDB/Z 1-2016        | SZDB/Z   | LOCAL                | 1       | 2016",
            "T/SZWD 004-2019      | T/SZWD 004-2019      | T/SZWD   | GROUP                | 004     | 2019",
            "T/CA 1-1949          | T/CA 1-1949          | T/CA     | GROUP                | 1       | 1949",
            "T/ABCDEFGH12 9-2100  | T/ABCDEFGH12 9-2100  | T/ABCDEFGH12 | GROUP            | 9       | 2100",
            "Q/LYWRJ 002-2018     | Q/LYWRJ 002-2018     | Q/LYWRJ  | ENTERPRISE           | 002     | 2018",
            "Q/X 1.2.3-2001       | Q/X 1.2.3-2001       | Q/X      | ENTERPRISE           | 1.2.3   | 2001",
            "Q/ABCDEFGHIJ0123456789 5-2024 | Q/ABCDEFGHIJ0123456789 5-2024 | Q/ABCDEFGHIJ0123456789 | ENTERPRISE | 5 | 2024",
            "t/szwd 004-2019      | T/SZWD 004-2019      | T/SZWD   | GROUP                | 004     | 2019",
            "gb/t 20004.1-2016    | GB/T 20004.1-2016    | GB/T     | NATIONAL_RECOMMENDED | 20004.1 | 2016",
    })
    void validForms(String input, String normalised, String code, Kind kind, String number, int year) {
        StandardNumber n = StandardNumber.parse(input);
        assertThat(n.toString()).isEqualTo(normalised);
        assertThat(n.code()).isEqualTo(code);
        assertThat(n.kind()).isEqualTo(kind);
        assertThat(n.number()).isEqualTo(number);
        assertThat(n.year()).isEqualTo(year);
        assertThat(StandardNumber.parse(n.toString())).isEqualTo(n);
        assertThat(StandardNumber.isValid(input)).isTrue();
    }

    /** Every standard number of the demo fixture (shared/fixtures/demo-records.json), as written there with em dashes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "T/SZUA 003—2017  | T/SZUA 003-2017  | GROUP",
            "Q/LYWRJ 002—2018 | Q/LYWRJ 002-2018 | ENTERPRISE",
            "T/SZBV 001—2018  | T/SZBV 001-2018  | GROUP",
            "Q/CHDD 005—2019  | Q/CHDD 005-2019  | ENTERPRISE",
            "T/SZIR 002—2017  | T/SZIR 002-2017  | GROUP",
            "T/SZWD 004—2019  | T/SZWD 004-2019  | GROUP",
            "Q/CDJK 001—2022  | Q/CDJK 001-2022  | ENTERPRISE",
            "T/SZGB 006—2020  | T/SZGB 006-2020  | GROUP",
            "Q/CLZH 003—2024  | Q/CLZH 003-2024  | ENTERPRISE",
    })
    void fixtureStandardNumbers(String input, String normalised, Kind kind) {
        assertThat(input).contains("\u2014");
        StandardNumber n = StandardNumber.parse(input);
        assertThat(n.toString()).isEqualTo(normalised);
        assertThat(n.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "T/SZUA 003\u20142017", // em dash
            "T/SZUA 003\u20132017", // en dash
            "T/SZUA 003\uFF0D2017", // full-width hyphen-minus
            "T/SZUA 003\u20102017", // hyphen
            "T/SZUA 003\u22122017", // minus sign
            "T\uFF0FSZUA\u3000003\u20142017", // full-width solidus, ideographic space
            "ｔ／ｓｚｕａ　００３－２０１７", // all full width
            "  T/SZUA   003-2017  ",
            "T/SZUA\t003-2017",
            "T/SZUA \u00A0\t 003-2017",
            "T/SZUA\n003-2017",
    })
    void dashesWidthAndWhitespaceAreNormalised(String input) {
        assertThat(StandardNumber.parse(input).toString()).isEqualTo("T/SZUA 003-2017");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // from the fixture's negative list
            "T/SZWD 4-19           | MALFORMED",
            "GB/T                  | MALFORMED",
            "T/ 004-2019           | MALFORMED",
            // missing space: refused rather than guessed
            "T/SZWD004-2019        | MALFORMED",
            "GB4943.1-2022         | MALFORMED",
            // unknown or malformed codes
            "SJ/T 11363-2006       | MALFORMED",
            "GB/X 1-2020           | MALFORMED",
            "GB /T 1-2020          | MALFORMED",
            "T/S 1-2019            | MALFORMED",
            "T/ABCDEFGHIJK 1-2019  | MALFORMED",
            "T/SZ-WD 1-2019        | MALFORMED",
            "Q/ 1-2019             | MALFORMED",
            "Q/ABCDEFGHIJKLMNOPQRSTU 1-2019 | MALFORMED",
            "DB4 1-2019            | MALFORMED",
            "DB4403000 1-2019      | MALFORMED",
            "DB4403/X 1-2019       | MALFORMED",
            "SZDB/T 1-2016         | MALFORMED",
            "SZDB 1-2016           | MALFORMED",
            // malformed number or year
            "GB/T 20004.-2016      | MALFORMED",
            "GB/T .1-2016          | MALFORMED",
            "GB/T 20004..1-2016    | MALFORMED",
            "GB/T A1-2016          | MALFORMED",
            "GB/T -2016            | MALFORMED",
            "GB/T 20004.1          | MALFORMED",
            "GB/T 20004.1-         | MALFORMED",
            "GB/T 20004.1 2016     | MALFORMED",
            "GB/T 20004.1 -2016    | MALFORMED",
            "GB/T 20004.1-2016-01  | MALFORMED",
            "GB/T 20004.1-20160    | MALFORMED",
            "GB/T 20004.1-216      | MALFORMED",
            "GB/T 20004.1-2016 X   | MALFORMED",
            "GB/T 123456789-2016   | MALFORMED",
            "GB 1-1948             | YEAR_OUT_OF_RANGE",
            "GB 1-2101             | YEAR_OUT_OF_RANGE",
            "GB 1-0000             | YEAR_OUT_OF_RANGE",
            // characters outside the alphabet
            "T/SZWD 004-2019#      | FORBIDDEN_CHARACTER",
            "T/深圳 004-2019        | FORBIDDEN_CHARACTER",
            "T/SZWD 004_2019       | FORBIDDEN_CHARACTER",
            "<b>GB 1-2020          | FORBIDDEN_CHARACTER",
    })
    void invalidForms(String input, Reason reason) {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> StandardNumber.parse(input));
        assertThat(e).as(input).isNotNull();
        assertThat(e.reason()).as(input).isEqualTo(reason);
        assertThat(e.identifier()).isEqualTo(Identifier.STANDARD_NUMBER);
        assertThat(e.getMessage()).doesNotContain("<").doesNotContain("#");
        assertThat(StandardNumber.isValid(input)).isFalse();
    }

    @Test
    void forbiddenCharacterNamesItsPosition() {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> StandardNumber.parse("T/深圳 004-2019"));
        assertThat(e.position()).isEqualTo(3);
        assertThat(e.getMessage()).contains("Character 3").contains("'深'");
    }

    @Test
    void twoDigitYearIsExplained() {
        assertThat(catchThrowableOfType(IdentifierException.class, () -> StandardNumber.parse("T/SZWD 4-19")).getMessage())
                .contains("four digits");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void empty(String input) {
        assertThat(catchThrowableOfType(IdentifierException.class, () -> StandardNumber.parse(input)).reason())
                .isEqualTo(Reason.LENGTH);
    }

    @Test
    void inputLengthIsCapped() {
        String atCap = "T/SZWD" + " ".repeat(StandardNumber.MAX_INPUT_LENGTH - 14) + "004-2019";
        assertThat(atCap).hasSize(StandardNumber.MAX_INPUT_LENGTH);
        assertThat(StandardNumber.parse(atCap).toString()).isEqualTo("T/SZWD 004-2019");
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> StandardNumber.parse(" " + atCap));
        assertThat(e.reason()).isEqualTo(Reason.LENGTH);
    }

    @Test
    void constructorKeepsTheInvariants() {
        assertThat(new StandardNumber("T/SZWD", Kind.GROUP, "004", 2019)).isEqualTo(StandardNumber.parse("T/SZWD 004-2019"));
        assertThatThrownBy(() -> new StandardNumber("GB/T", Kind.NATIONAL, "1", 2000)).isInstanceOf(IdentifierException.class);
        assertThatThrownBy(() -> new StandardNumber("T/", Kind.GROUP, "1", 2000)).isInstanceOf(IdentifierException.class);
        assertThatThrownBy(() -> new StandardNumber("GB", Kind.NATIONAL, "1a", 2000)).isInstanceOf(IdentifierException.class);
        assertThat(catchThrowableOfType(IdentifierException.class, () -> new StandardNumber("GB", Kind.NATIONAL, "1", 1800)).reason())
                .isEqualTo(Reason.YEAR_OUT_OF_RANGE);
        assertThatThrownBy(() -> new StandardNumber(null, Kind.NATIONAL, "1", 2000)).isInstanceOf(NullPointerException.class);
    }
}
