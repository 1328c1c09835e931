package org.szmark.digitallink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Digital Link primary key and serial: parsed with the check digit, written in canonical form. */
class DigitalLinkPathTest {

    @Test
    void gtinsOfEveryLengthAreWrittenInTheirFourteenDigitForm() {
        // GS1 General Specifications examples: a GTIN-13 and its GTIN-14 form, a GTIN-12, a GTIN-8
        assertThat(DigitalLinkPath.parse("9506000134352", null).gtin14()).isEqualTo("09506000134352");
        assertThat(DigitalLinkPath.parse("09506000134352", null).path()).isEqualTo("/01/09506000134352");
        assertThat(DigitalLinkPath.parse("614141000036", null).gtin14()).isEqualTo("00614141000036");
        assertThat(DigitalLinkPath.parse("96385074", null).gtin14()).isEqualTo("00000096385074");
        assertThat(DigitalLinkPath.parse("96385074", null).registeredForms())
                .containsExactly("00000096385074", "0000096385074", "000096385074", "96385074");
        assertThat(DigitalLinkPath.parse("9506000134352", null).registeredForms()).containsExactly("09506000134352", "9506000134352");
    }

    @Test
    void aSerialIsKeptAndWrittenPercentEncoded() {
        DigitalLinkPath p = DigitalLinkPath.parse("09506000134352", "ABC/1+x");
        assertThat(p.serialNumber()).contains("ABC/1+x");
        assertThat(p.path()).isEqualTo("/01/09506000134352/21/ABC%2F1%2Bx");
        // parse(path()) reads back the same key
        assertThat(DigitalLinkPath.parse(p.gtin14(), p.serial())).isEqualTo(p);
    }

    @Test
    void badKeysAreRefusedWithAReason() {
        for (String bad : new String[] {"9506000134353", "950600013435", "95060001343520", "0950600013435a", "", "１２３４５６７８",
                "-9506000134352", "123456789012345"}) {
            assertThatThrownBy(() -> DigitalLinkPath.parse(bad, null)).as(bad).isInstanceOf(DigitalLinkPath.Invalid.class);
        }
        assertThatThrownBy(() -> DigitalLinkPath.parse(null, null)).isInstanceOf(DigitalLinkPath.Invalid.class);
        for (String bad : new String[] {"", "x".repeat(21), "a b", "序列", "a#b", "a\u0000"}) {
            assertThatThrownBy(() -> DigitalLinkPath.parse("09506000134352", bad)).as(bad)
                    .isInstanceOf(DigitalLinkPath.Invalid.class).hasMessageContaining("serial");
        }
        assertThat(DigitalLinkPath.parse("09506000134352", "x".repeat(20)).serial()).hasSize(20);
    }
}
