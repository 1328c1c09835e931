package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LangTest {
    @Test
    void explicitChoiceWins() {
        assertThat(Lang.choose("zh", "en")).isEqualTo(Lang.ZH);
        assertThat(Lang.choose("en", "zh-CN")).isEqualTo(Lang.EN);
    }

    @Test
    void acceptLanguageByQuality() {
        assertThat(Lang.choose(null, "zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Lang.ZH);
        assertThat(Lang.choose(null, "en;q=0.4, zh-TW;q=0.8")).isEqualTo(Lang.ZH);
        assertThat(Lang.choose(null, "fr, en-GB;q=0.7")).isEqualTo(Lang.EN);
        assertThat(Lang.choose(null, "de")).isEqualTo(Lang.EN);
        assertThat(Lang.choose(null, null)).isEqualTo(Lang.EN);
        assertThat(Lang.choose("xx", "zh;q=abc")).isEqualTo(Lang.ZH);
    }

    /** Found by fuzzing (docs/fuzzing.md): an entry of only separators used to fail as a 500. */
    @Test
    void emptyEntriesAreSkipped() {
        assertThat(Lang.choose(null, ";")).isEqualTo(Lang.EN);
        assertThat(Lang.choose(null, "zh,;;,")).isEqualTo(Lang.ZH);
        assertThat(Lang.choose(null, ";q=0.5, en")).isEqualTo(Lang.EN);
        assertThat(Lang.choose(null, "")).isEqualTo(Lang.EN);
    }
}
