package org.szmark.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String canonical(String json) {
        return new String(CanonicalJson.encode(CanonicalJson.decode(utf8(json))), StandardCharsets.UTF_8);
    }

    // ---- RFC 8785 vectors ----

    @Test
    void sortsMembersByUtf16CodeUnitsAsInRfc8785Section323() {
        // The RFC 8785 §3.2.3 sorting example, written with JSON escapes.
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        String expected = "{\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        byte[] out = CanonicalJson.encode(CanonicalJson.decode(utf8(input)));
        assertThat(out).isEqualTo(utf8(expected));
        // The emoji (a surrogate pair, D83D DE00) sorts before U+FB33 although its code point is
        // larger: ordering is by UTF-16 code units, not by code points.
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text.indexOf("\ud83d\ude00")).isLessThan(text.indexOf("\ufb33"));
    }

    @Test
    void escapesStringsAsInRfc8785Section3222Example() {
        // The string and literals of the RFC 8785 §3.2.2 example (its numbers need ES6 formatting,
        // which is out of scope here).
        String input = "{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + " \"literals\": [null, true, false]}";
        String expected = "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(canonical(input)).isEqualTo(expected);
    }

    @Test
    void escapesEveryControlCharacterExactly() {
        StringBuilder raw = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            raw.append(c);
        }
        String expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
                + "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                + "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"";
        assertThat(CanonicalJson.encodeToString(F.textNode(raw.toString()))).isEqualTo(expected);
    }

    @Test
    void writesEverythingElseLiterallyAsUtf8() {
        String s = "/ \u007f \u00e9 \u2028 深圳标准 \ud83d\ude00 \"\\";
        byte[] out = CanonicalJson.encode(F.textNode(s));
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("\"/ \u007f \u00e9 \u2028 深圳标准 \ud83d\ude00 \\\"\\\\\"");
        // Byte-level check of a 2-, 3- and 4-byte UTF-8 sequence (RFC 3629 §3).
        assertThat(CanonicalJson.encode(F.textNode("\u00e9\u6df1\ud83d\ude00")))
                .isEqualTo(new byte[] {'"', (byte) 0xC3, (byte) 0xA9, (byte) 0xE6, (byte) 0xB7, (byte) 0xB1,
                        (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '"'});
    }

    @Test
    void writesNestedStructuresWithoutWhitespace() {
        String input = """
                { "b" : [ 1 , { "z" : null , "a" : [ ] } , "x" ] ,
                  "a" : { "d" : { } , "c" : true } }
                """;
        assertThat(canonical(input)).isEqualTo("{\"a\":{\"c\":true,\"d\":{}},\"b\":[1,{\"a\":[],\"z\":null},\"x\"]}");
    }

    @Test
    void keepsArrayOrderAndSortsByCodeUnitNotLocale() {
        assertThat(canonical("{\"b\":1,\"B\":2,\"a\":3,\"A\":4,\"aa\":5,\"\":6}"))
                .isEqualTo("{\"\":6,\"A\":4,\"B\":2,\"a\":3,\"aa\":5,\"b\":1}");
        assertThat(canonical("[3,1,2]")).isEqualTo("[3,1,2]");
    }

    @Test
    void writesTopLevelScalars() {
        assertThat(canonical("true")).isEqualTo("true");
        assertThat(canonical(" null ")).isEqualTo("null");
        assertThat(canonical("\"x\"")).isEqualTo("\"x\"");
        assertThat(canonical("-42")).isEqualTo("-42");
    }

    // ---- numbers ----

    @Test
    void writesIntegersUpToTwoToTheFiftyThirdAsPlainDecimal() {
        long max = 1L << 53;
        assertThat(CanonicalJson.encodeToString(F.numberNode(max))).isEqualTo("9007199254740992");
        assertThat(CanonicalJson.encodeToString(F.numberNode(-max))).isEqualTo("-9007199254740992");
        assertThat(CanonicalJson.encodeToString(F.numberNode(0))).isEqualTo("0");
        assertThat(CanonicalJson.encodeToString(F.numberNode((short) 7))).isEqualTo("7");
        assertThat(CanonicalJson.encodeToString(F.numberNode(BigInteger.valueOf(123)))).isEqualTo("123");
        assertThat(canonical("9007199254740992")).isEqualTo("9007199254740992");
    }

    @Test
    void writesIntegralDoublesAndDecimalsTheWayEs6Would() {
        assertThat(CanonicalJson.encodeToString(F.numberNode(3.0))).isEqualTo("3");
        assertThat(CanonicalJson.encodeToString(F.numberNode(-0.0))).isEqualTo("0");
        assertThat(CanonicalJson.encodeToString(F.numberNode(new BigDecimal("1E+2")))).isEqualTo("100");
        assertThat(CanonicalJson.encodeToString(F.numberNode(new BigDecimal("5.000")))).isEqualTo("5");
        assertThat(canonical("-0")).isEqualTo("0");
        assertThat(canonical("1e3")).isEqualTo("1000");
    }

    @Test
    void rejectsIntegersBeyondTwoToTheFiftyThird() {
        long over = (1L << 53) + 1;
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(over)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(-over)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(1e300)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("9007199254740993")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("1e400")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("{\"n\":[123456789012345678901234567890]}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsFractionalAndNonFiniteNumbers() {
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fractional");
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(new BigDecimal("0.1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(F.numberNode(Float.NEGATIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("[1.5]"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("1e-400"))).isInstanceOf(IllegalArgumentException.class);
        // Would round to 1 as a double; parsed exactly it is not an integer.
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("1.0000000000000000000001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("NaN"))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- strings that have no UTF-8 form ----

    @Test
    void rejectsLoneSurrogatesInValuesAndNames() {
        assertThatThrownBy(() -> CanonicalJson.encode(F.textNode("a\ud800")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> CanonicalJson.encode(F.textNode("\udc00b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(F.textNode("\ude00\ud83d")))
                .isInstanceOf(IllegalArgumentException.class);
        ObjectNode o = F.objectNode();
        o.put("\ud83d", 1);
        assertThatThrownBy(() -> CanonicalJson.encode(o)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("\"\\ud800\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonJsonNodes() {
        assertThatThrownBy(() -> CanonicalJson.encode(F.binaryNode(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(F.pojoNode(new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(F.missingNode()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- strict decoding ----

    @Test
    void rejectsDuplicateMemberNames() {
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("{\"a\":1,\"a\":2}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("{\"x\":{\"a\":1,\"b\":2,\"a\":1}}")))
                .isInstanceOf(IllegalArgumentException.class);
        // Same name spelled with an escape is still a duplicate.
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("{\"a\":1,\"\\u0061\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}{}", "{} x", "[1],", "1 2", "\"a\" \"b\"", "{}]"})
    void rejectsTrailingContent(String json) {
        assertThatThrownBy(() -> CanonicalJson.decode(utf8(json))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\"}", "{'a':1}", "{a:1}", "[1,]", "{\"a\":1,}", "01",
            "[/*c*/1]", "\"\t\"", "tru", "+1", "[.5]", "\"\\x41\"", "\"\\u00G1\""})
    void rejectsMalformedJson(String json) {
        assertThatThrownBy(() -> CanonicalJson.decode(utf8(json))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[][] inputs = {
                {'"', (byte) 0xC3, '"'},                                // truncated 2-byte sequence
                {'"', (byte) 0xC3, 0x28, '"'},                          // bad continuation byte
                {'"', (byte) 0xC0, (byte) 0xAF, '"'},                   // overlong '/'
                {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},      // encoded surrogate U+D800
                {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // above U+10FFFF
                {'"', (byte) 0xFF, '"'},
                {'"', (byte) 0x80, '"'},                                // stray continuation byte
        };
        for (byte[] input : inputs) {
            assertThatThrownBy(() -> CanonicalJson.decode(input))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
        }
    }

    @Test
    void rejectsByteOrderMark() {
        byte[] withBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThatThrownBy(() -> CanonicalJson.decode(withBom))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte order mark");
    }

    @Test
    void enforcesSizeCap() {
        String padding = "x".repeat(CanonicalJson.MAX_INPUT_BYTES - 10);
        byte[] atLimit = utf8("{\"a\":\"" + padding + "\"}");
        assertThat(atLimit.length).isLessThanOrEqualTo(CanonicalJson.MAX_INPUT_BYTES);
        assertThat(CanonicalJson.decode(atLimit).get("a").textValue()).hasSize(padding.length());
        byte[] over = new byte[CanonicalJson.MAX_INPUT_BYTES + 1];
        java.util.Arrays.fill(over, (byte) ' ');
        over[0] = '1';
        assertThatThrownBy(() -> CanonicalJson.decode(over))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        // A caller may allow more (the trust list), and less.
        assertThat(CanonicalJson.decode(over, over.length).intValue()).isEqualTo(1);
        assertThatThrownBy(() -> CanonicalJson.decode(over, over.length - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit is " + (over.length - 1));
        assertThatThrownBy(() -> CanonicalJson.decode(atLimit, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit is 100");
    }

    @Test
    void enforcesNestingLimit() {
        int ok = CanonicalJson.MAX_NESTING_DEPTH;
        assertThat(CanonicalJson.decode(utf8("[".repeat(ok) + "]".repeat(ok)))).isNotNull();
        int tooDeep = CanonicalJson.MAX_NESTING_DEPTH + 1;
        assertThatThrownBy(() -> CanonicalJson.decode(utf8("[".repeat(tooDeep) + "]".repeat(tooDeep))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- round trips and isCanonical ----

    @Test
    void roundTripsAComplexRecord() {
        ObjectNode record = F.objectNode();
        record.put("certificateNo", "SZ-2024-000123");
        record.put("issuedAt", 1717171717L);
        record.put("holderZh", "深圳市某某科技有限公司");
        record.put("note", "line1\nline2\t\"quoted\" \\ back/slash \u0001");
        ArrayNode scopes = record.putArray("scopes");
        scopes.add("电子产品").add(F.objectNode().put("code", -5).putNull("none")).add(true);
        record.putObject("emptyObject");
        record.putArray("emptyArray");

        byte[] canonical = CanonicalJson.encode(record);
        JsonNode back = CanonicalJson.decode(canonical);
        // Same values; numeric node classes may differ (int vs long), so compare numbers by value.
        java.util.Comparator<JsonNode> byValue = (x, y) -> x.equals(y)
                || (x.isNumber() && y.isNumber() && x.decimalValue().compareTo(y.decimalValue()) == 0) ? 0 : 1;
        assertThat(back.equals(byValue, record)).isTrue();
        assertThat(back.get("issuedAt").longValue()).isEqualTo(1717171717L);
        assertThat(back.get("scopes").get(1).get("code").intValue()).isEqualTo(-5);
        assertThat(CanonicalJson.encode(back)).isEqualTo(canonical);
        assertThat(CanonicalJson.isCanonical(canonical)).isTrue();
        // Re-encoding a Jackson-pretty-printed copy yields the same bytes.
        String pretty = record.toPrettyString();
        assertThat(CanonicalJson.encode(CanonicalJson.decode(utf8(pretty)))).isEqualTo(canonical);
    }

    @Test
    void isCanonicalDetectsEveryNonCanonicalVariant() {
        assertThat(CanonicalJson.isCanonical(utf8("{\"a\":1,\"b\":[true,null]}"))).isTrue();
        assertThat(CanonicalJson.isCanonical(utf8("{\"b\":1,\"a\":2}"))).isFalse();     // unsorted
        assertThat(CanonicalJson.isCanonical(utf8("{\"a\": 1}"))).isFalse();            // whitespace
        assertThat(CanonicalJson.isCanonical(utf8("{\"a\":1}\n"))).isFalse();           // trailing newline
        assertThat(CanonicalJson.isCanonical(utf8("\"\\u0041\""))).isFalse();           // needless escape
        assertThat(CanonicalJson.isCanonical(utf8("\"\\u001F\""))).isFalse();           // upper-case hex
        assertThat(CanonicalJson.isCanonical(utf8("\"\\u001f\""))).isTrue();
        assertThat(CanonicalJson.isCanonical(utf8("\"\\/\""))).isFalse();               // escaped solidus
        assertThat(CanonicalJson.isCanonical(utf8("\"\\u00e9\""))).isFalse();           // escaped non-ASCII
        assertThat(CanonicalJson.isCanonical(utf8("1.0"))).isFalse();
        assertThat(CanonicalJson.isCanonical(utf8("1E2"))).isFalse();
        assertThat(CanonicalJson.isCanonical(utf8("-0"))).isFalse();
        assertThat(CanonicalJson.isCanonical(utf8("{\"a\":1,\"a\":1}"))).isFalse();    // duplicate
        assertThat(CanonicalJson.isCanonical(utf8("1.5"))).isFalse();                  // unsupported, no throw
        assertThat(CanonicalJson.isCanonical(new byte[] {(byte) 0xFF})).isFalse();
        assertThat(CanonicalJson.isCanonical(null)).isFalse();
    }

    @Test
    void encodesMapsAndPojosThroughAMapper() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", List.of(2, 1));
        map.put("a", "b");
        assertThat(new String(CanonicalJson.encode(map, MAPPER), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"b\",\"z\":[2,1]}");

        record Sample(String name, long count, boolean active) {
        }
        assertThat(new String(CanonicalJson.encode(new Sample("n", 3, true), MAPPER), StandardCharsets.UTF_8))
                .isEqualTo("{\"active\":true,\"count\":3,\"name\":\"n\"}");
        assertThat(new String(CanonicalJson.encode((Object) null, MAPPER), StandardCharsets.UTF_8)).isEqualTo("null");
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of("x", 0.5), MAPPER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
