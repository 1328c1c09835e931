package org.szmark.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtinTest {
    @Test
    void acceptsValidGtinsOfEveryLength() {
        assertThat(Gtin.isValid("6901234567892")).isTrue();   // GTIN-13
        assertThat(Gtin.isValid("96385074")).isTrue();        // GTIN-8
        assertThat(Gtin.isValid("036000291452")).isTrue();    // GTIN-12 (UPC-A)
        assertThat(Gtin.isValid("10614141000415")).isTrue();  // GTIN-14
    }

    @Test
    void rejectsWrongCheckDigitsLengthsAndCharacters() {
        assertThat(Gtin.isValid("6901234567893")).isFalse();
        assertThat(Gtin.isValid("96385075")).isFalse();
        assertThat(Gtin.isValid("690123456789")).isFalse();
        assertThat(Gtin.isValid("69012345678A2")).isFalse();
        assertThat(Gtin.isValid("")).isFalse();
        assertThat(Gtin.isValid(null)).isFalse();
        assertThat(Gtin.isValid("123456789012345")).isFalse();
    }
}
