package org.szmark.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    @Test
    void generatedTokensCarry256RandomBitsAndARecognisablePrefix() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = TokenCodec.generate();
            assertThat(t).startsWith("szmk_").hasSize(5 + 43).matches("szmk_[A-Za-z0-9_-]{43}");
            assertThat(TokenCodec.plausible(t)).isTrue();
            assertThat(seen.add(t)).isTrue();
        }
    }

    @Test
    void hashIsSha256HexAndPrefixIsShort() {
        assertThat(TokenCodec.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenCodec.prefixOf("szmk_ABCDEFGHIJKLMNOP")).isEqualTo("szmk_ABCDEFGH");
    }

    @Test
    void implausibleTokensAreRefusedBeforeAnyLookup() {
        assertThat(TokenCodec.plausible(null)).isFalse();
        assertThat(TokenCodec.plausible("short")).isFalse();
        assertThat(TokenCodec.plausible("x".repeat(201))).isFalse();
        assertThat(TokenCodec.plausible("szmk_" + "a".repeat(20) + " " + "b".repeat(20))).isFalse();
        assertThat(TokenCodec.plausible("szmk_" + "é".repeat(40))).isFalse();
    }
}
