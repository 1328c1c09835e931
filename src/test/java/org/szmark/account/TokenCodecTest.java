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

    // ---- the bootstrap token rule: length × log2(min(pool of classes used, distinct characters)) >= 128 ----

    @Test
    void generatedAndTestTokensPassTheBootstrapRule() {
        for (int i = 0; i < 200; i++) {
            assertThat(TokenCodec.bootstrapWeakness(TokenCodec.generate())).isEmpty();
        }
        assertThat(TokenCodec.bootstrapWeakness("szmk_test-authority-token-0123456789abcdefghijklmn")).isEmpty();
    }

    @Test
    void shortSmallAlphabetAndRepetitiveTokensAreWeak() {
        // outside the shape every bearer token must have
        assertThat(TokenCodec.bootstrapWeakness(null)).hasValueSatisfying(w -> assertThat(w).contains("32 to 200"));
        assertThat(TokenCodec.bootstrapWeakness("Ab3$".repeat(7))).isPresent();
        assertThat(TokenCodec.bootstrapWeakness("correct horse battery staple and more words")).isPresent();
        // 38 digits: 38 × log2(10) = 126.2 bits
        assertThat(TokenCodec.bootstrapWeakness("93816502749361058274916305827419365028"))
                .hasValueSatisfying(w -> assertThat(w).contains("about 126 bits").contains("128"));
        // one character in more than a quarter of the positions
        assertThat(TokenCodec.bootstrapWeakness("a".repeat(40))).hasValueSatisfying(w -> assertThat(w).contains("quarter"));
        assertThat(TokenCodec.bootstrapWeakness("szmk_" + "x".repeat(20) + "Q7#pL9vR2mT5wK8zN4bY6")).isPresent();
        // a long token of lower-case letters drawn from only four of them: 2 bits each, not log2(26)
        assertThat(TokenCodec.bootstrapWeakness("abcd".repeat(15))).hasValueSatisfying(w -> assertThat(w).contains("of 4 possible"));
    }

    @Test
    void strongTokensPass() {
        // 39 digits: 39 × log2(10) = 129.6 bits
        assertThat(TokenCodec.bootstrapWeakness("938165027493610582749163058274193650281")).isEmpty();
        // 32 characters of all four classes (pool 94, 32 distinct): 32 × 5 = 160 bits
        assertThat(TokenCodec.bootstrapWeakness("Kq7#mZ2!vR9$tW4%pL6&nX8*bC3+dF5=")).isEmpty();
    }

    @Test
    void boundariesAreExact() {
        // 16 different characters, each twice: 32 × log2(16) = exactly 128 bits, and 2/32 is no more than a quarter
        String sixteen = "0123456789abcdef";
        assertThat(TokenCodec.bootstrapWeakness(sixteen + sixteen)).isEmpty();
        // 15 different characters over 32 positions: 32 × log2(15) = 125.0 bits
        String fifteen = "0123456789abcde";
        assertThat(TokenCodec.bootstrapWeakness(fifteen + fifteen + "01")).isPresent();
        // exactly a quarter is allowed, one more is not
        String quarter = "x".repeat(8) + "0123456789ABCDEFGHIJKLMN";
        assertThat(quarter).hasSize(32);
        assertThat(TokenCodec.bootstrapWeakness(quarter)).isEmpty();
        assertThat(TokenCodec.bootstrapWeakness("x".repeat(9) + "0123456789ABCDEFGHIJKLM")).hasValueSatisfying(w -> assertThat(w).contains("quarter"));
        // 200 characters is the longest accepted, 201 is refused by shape
        assertThat(TokenCodec.bootstrapWeakness(longToken(200))).isEmpty();
        assertThat(TokenCodec.bootstrapWeakness(longToken(201))).isPresent();
    }

    private static String longToken(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < length; i++) b.append((char) ('!' + (i * 7) % 94));
        return b.toString();
    }
}
