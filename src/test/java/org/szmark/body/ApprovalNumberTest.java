package org.szmark.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierException.Identifier;
import org.szmark.ident.IdentifierException.Reason;

class ApprovalNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CNCA-R-2002-001          | CNCA-R-2002-001  | R   | 2002 | 001",
            "CNCA-R-2002-002          | CNCA-R-2002-002  | R   | 2002 | 002",
            "CNCA-RF-2002-07          | CNCA-RF-2002-07  | RF  | 2002 | 07",
            "CNCA-ABC-2020-1234       | CNCA-ABC-2020-1234 | ABC | 2020 | 1234",
            "cnca-r-2002-001          | CNCA-R-2002-001  | R   | 2002 | 001",
            "CNCA\u2014R\u20142002\u2014001 | CNCA-R-2002-001 | R | 2002 | 001",
            "CNCA\u2013RF\u20132002\u201307 | CNCA-RF-2002-07 | RF | 2002 | 07",
            "ＣＮＣＡ－Ｒ－２００２－００１ | CNCA-R-2002-001 | R | 2002 | 001",
            "'  CNCA-R-2002-001\t'    | CNCA-R-2002-001  | R   | 2002 | 001",
    })
    void valid(String input, String normalised, String category, int year, String serial) {
        ApprovalNumber n = ApprovalNumber.parse(input);
        assertThat(n.toString()).isEqualTo(normalised);
        assertThat(n.category()).isEqualTo(category);
        assertThat(n.year()).isEqualTo(year);
        assertThat(n.serial()).isEqualTo(serial);
        assertThat(ApprovalNumber.parse(n.toString())).isEqualTo(n);
        assertThat(ApprovalNumber.isValid(input)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // from the fixture's negative list
            "CNCA-R-02-001        | MALFORMED",
            "CNCA-2002-001        | MALFORMED",
            "CNCA-ABCD-2002-001   | MALFORMED",
            "CNCA-R1-2002-001     | MALFORMED",
            "CNCA-R-2002-1        | MALFORMED",
            "CNCA-R-2002-12345    | MALFORMED",
            "CNCA-R-2002-001-X    | MALFORMED",
            "CNCA-R-2002          | MALFORMED",
            "CNCA-R--2002-001     | MALFORMED",
            "CNAS-R-2002-001      | MALFORMED",
            "CNCAR-2002-001       | MALFORMED",
            "-CNCA-R-2002-001     | MALFORMED",
            "CNCA-R-2000-001      | YEAR_OUT_OF_RANGE",
            "CNCA-R-2101-001      | YEAR_OUT_OF_RANGE",
            "CNCA R 2002 001      | FORBIDDEN_CHARACTER",
            "CNCA-R-2002-001;     | FORBIDDEN_CHARACTER",
            "CNCA-R/2002-001      | FORBIDDEN_CHARACTER",
            "CNCA-认-2002-001      | FORBIDDEN_CHARACTER",
    })
    void invalid(String input, Reason reason) {
        IdentifierException e = catchThrowableOfType(IdentifierException.class, () -> ApprovalNumber.parse(input));
        assertThat(e).as(input).isNotNull();
        assertThat(e.reason()).as(input).isEqualTo(reason);
        assertThat(e.identifier()).isEqualTo(Identifier.APPROVAL_NUMBER);
        assertThat(ApprovalNumber.isValid(input)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void empty(String input) {
        assertThat(catchThrowableOfType(IdentifierException.class, () -> ApprovalNumber.parse(input)).reason())
                .isEqualTo(Reason.LENGTH);
    }

    @Test
    void inputLengthIsCapped() {
        String tooLong = "CNCA-R-2002-001" + " ".repeat(ApprovalNumber.MAX_INPUT_LENGTH);
        assertThat(catchThrowableOfType(IdentifierException.class, () -> ApprovalNumber.parse(tooLong)).reason())
                .isEqualTo(Reason.LENGTH);
    }

    @Test
    void constructorKeepsTheInvariants() {
        assertThat(new ApprovalNumber("R", 2002, "001")).isEqualTo(ApprovalNumber.parse("CNCA-R-2002-001"));
        assertThatThrownBy(() -> new ApprovalNumber("r", 2002, "001")).isInstanceOf(IdentifierException.class);
        assertThatThrownBy(() -> new ApprovalNumber("R", 2002, "1")).isInstanceOf(IdentifierException.class);
        assertThatThrownBy(() -> new ApprovalNumber("R", 1999, "001")).isInstanceOf(IdentifierException.class);
    }
}
