package org.szmark.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.szmark.text.TextRule.Kind;
import org.szmark.text.TextRule.Refusal;
import org.szmark.text.TextRule.Why;

class TextRuleTest {

    private static Refusal refusal(String text, Kind kind) {
        Optional<Refusal> r = TextRule.check(text, kind);
        assertThat(r).as("refusal of %s as %s", escaped(text), kind).isPresent();
        return r.get();
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "深圳市智能穿戴科技有限公司", "Société Générale Ångström", "T/SZWD 004-2019", "91440300MA5DRN7K6G",
        "手表 ⌚ 😀", "🇨🇳", "a\u0301", "ÀÉÎÕÜ ñ ç ß", "\uD840\uDC0B", "", "a\u00A0b", "\uE000", "\uFFFD",
        "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC7F"
    })
    void acceptsNamesInAnyScriptEmojiAndAccents(String s) {
        assertThat(TextRule.check(s, Kind.ONE_LINE)).isEmpty();
        assertThat(TextRule.check(s, Kind.FREE_TEXT)).isEmpty();
    }

    @Test
    void loneAndMisorderedSurrogatesAreNotWellFormed() {
        assertThat(refusal("a\uD800b", Kind.FREE_TEXT)).isEqualTo(new Refusal(2, 0xD800, Why.LONE_SURROGATE));
        assertThat(refusal("ab\uDFFF", Kind.FREE_TEXT)).isEqualTo(new Refusal(3, 0xDFFF, Why.LONE_SURROGATE));
        assertThat(refusal("\uDBFF", Kind.ONE_LINE)).isEqualTo(new Refusal(1, 0xDBFF, Why.LONE_SURROGATE));
        // Reversed pair: the low half comes first, so it is lone.
        assertThat(refusal("x\uDE00\uD83D", Kind.FREE_TEXT)).isEqualTo(new Refusal(2, 0xDE00, Why.LONE_SURROGATE));
        // Two high halves: the first has no low half after it.
        assertThat(refusal("\uD83D\uD83D\uDE00", Kind.FREE_TEXT)).isEqualTo(new Refusal(1, 0xD83D, Why.LONE_SURROGATE));
        // A high half at the very end.
        assertThat(refusal("😀\uD83D", Kind.FREE_TEXT)).isEqualTo(new Refusal(2, 0xD83D, Why.LONE_SURROGATE));
    }

    @Test
    void positionsCountCodePointsNotUtf16Units() {
        assertThat(refusal("😀😀\u202E", Kind.FREE_TEXT).position()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F})
    void controlsOtherThanTabAndLineBreaksAreRefusedEverywhere(int cp) {
        String s = "a" + (char) cp;
        assertThat(refusal(s, Kind.FREE_TEXT)).isEqualTo(new Refusal(2, cp, Why.CONTROL));
        assertThat(refusal(s, Kind.ONE_LINE)).isEqualTo(new Refusal(2, cp, Why.CONTROL));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFDD0, 0xFDE7, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF})
    void noncharactersAreRefusedEverywhere(int cp) {
        String s = "a" + new String(Character.toChars(cp));
        assertThat(refusal(s, Kind.FREE_TEXT)).isEqualTo(new Refusal(2, cp, Why.NONCHARACTER));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFDCF, 0xFDF0, 0xFFFD, 0x1FFFD, 0x20000})
    void neighboursOfNoncharactersAreAccepted(int cp) {
        assertThat(TextRule.check(new String(Character.toChars(cp)), Kind.ONE_LINE)).isEmpty();
    }

    /** Bidirectional formatting characters (UAX #9 §2) and invisible ones, in a name and in prose alike. */
    @ParameterizedTest
    @CsvSource({
        "061C, BIDI_CONTROL", "200E, BIDI_CONTROL", "200F, BIDI_CONTROL", "202A, BIDI_CONTROL", "202B, BIDI_CONTROL",
        "202C, BIDI_CONTROL", "202D, BIDI_CONTROL", "202E, BIDI_CONTROL", "2066, BIDI_CONTROL", "2067, BIDI_CONTROL",
        "2068, BIDI_CONTROL", "2069, BIDI_CONTROL",
        "00AD, INVISIBLE", "180E, INVISIBLE", "200B, INVISIBLE", "200C, INVISIBLE", "2060, INVISIBLE", "2061, INVISIBLE",
        "2062, INVISIBLE", "2063, INVISIBLE", "2064, INVISIBLE", "206A, INVISIBLE", "206F, INVISIBLE", "FEFF, INVISIBLE"
    })
    void bidiControlsAndInvisibleCharactersAreRefusedEverywhere(String hex, Why why) {
        int cp = Integer.parseInt(hex, 16);
        String s = "名称" + (char) cp + "abc";
        assertThat(refusal(s, Kind.FREE_TEXT)).isEqualTo(new Refusal(3, cp, why));
        assertThat(refusal(s, Kind.ONE_LINE)).isEqualTo(new Refusal(3, cp, why));
    }

    @ParameterizedTest
    @ValueSource(ints = {'\t', '\n', '\r', 0x2028, 0x2029})
    void lineBreaksAndTabsOnlyInFreeText(int cp) {
        String s = "first" + (char) cp + "second";
        assertThat(TextRule.check(s, Kind.FREE_TEXT)).isEmpty();
        assertThat(refusal(s, Kind.ONE_LINE)).isEqualTo(new Refusal(6, cp, Why.LINE_BREAK));
    }

    @Test
    void theZeroWidthJoinerOnlyInFreeText() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man ZWJ woman ZWJ girl
        assertThat(TextRule.check("家庭 " + family, Kind.FREE_TEXT)).isEmpty();
        assertThat(refusal(family, Kind.ONE_LINE)).isEqualTo(new Refusal(2, 0x200D, Why.JOINER));
    }

    @Test
    void theFirstRefusedCharacterIsNamed() {
        assertThat(refusal("\u202Eab\u0000", Kind.FREE_TEXT)).isEqualTo(new Refusal(1, 0x202E, Why.BIDI_CONTROL));
    }

    @Test
    void messagesNameTheCharacterAsCodePointAndNeverRepeatTheInput() {
        assertThat(refusal("abc\u202Exyz", Kind.ONE_LINE).message())
                .isEqualTo("may not contain the bidirectional formatting character U+202E at character 4")
                .doesNotContain("abc");
        assertThat(refusal("a\uD800", Kind.ONE_LINE).message())
                .isEqualTo("is not well-formed Unicode: it has a lone UTF-16 surrogate U+D800 at character 2");
        assertThat(refusal("a\nb", Kind.ONE_LINE).message()).startsWith("must be one line").contains("U+000A at character 2");
        assertThat(refusal("\uDB40\uDC00\uFFFF", Kind.ONE_LINE).message()).contains("U+FFFF at character 2");
        for (Why why : Why.values()) {
            assertThat(new Refusal(1, 0x1B, why).message()).doesNotContain("\u001b");
        }
    }
}
