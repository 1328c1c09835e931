package org.szmark.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * JSON Canonicalization Scheme (JCS, RFC 8785) for the registry's signed records.
 *
 * <p>The bytes produced by {@link #encode(JsonNode)} are what gets signed, so two parties that hold
 * the same logical record must produce byte-identical output. The writer follows RFC 8785 §3.2:
 * no insignificant whitespace (§3.2.1), literals {@code true}/{@code false}/{@code null}
 * (§3.2.2.1), minimal string escaping (§3.2.2.2), object members sorted by the UTF-16 code units of
 * their names (§3.2.3), and UTF-8 output (§3.2.4).
 *
 * <p><b>Numbers.</b> The registry's records contain integers only. RFC 8785 §3.2.2.3 serializes
 * numbers the way ECMAScript 6 {@code Number.prototype.toString} does, which for an integer whose
 * magnitude is at most 2<sup>53</sup> is exactly its plain decimal form (no exponent, no fraction,
 * {@code -0} written as {@code 0}). Every such integer is exactly representable as an IEEE-754
 * double, so the plain decimal form is also what any other JCS implementation would emit. Anything
 * else (fractions, NaN/Infinity, integers beyond 2<sup>53</sup>) would need the full ES6 double
 * formatting algorithm, which this registry has no use for; such values are rejected with
 * {@link IllegalArgumentException} so a record that cannot be canonicalized unambiguously is never
 * signed.
 *
 * <p><b>Parsing.</b> {@link #decode(byte[])} is deliberately strict (RFC 8785 §3.1 requires I-JSON,
 * RFC 7493): it rejects input larger than {@link #MAX_INPUT_BYTES}, invalid UTF-8 (RFC 3629), a
 * byte order mark, duplicate member names (RFC 7493 §2.3), trailing content, and any value the
 * encoder would reject (lone surrogates, non-integral numbers).
 *
 * <p>Instances are not needed: all methods are static and thread-safe.
 */
public final class CanonicalJson {

    /** Upper bound for {@link #decode(byte[])}: records and envelopes are far smaller than this. */
    public static final int MAX_INPUT_BYTES = 64 * 1024;

    /** Nesting limit for {@link #decode(byte[])}; records are a few levels deep at most. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** 2^53: the largest magnitude at which every integer is an exact IEEE-754 double. */
    private static final BigInteger MAX_SAFE_MAGNITUDE = BigInteger.ONE.shiftLeft(53);

    /** Decimal digits of 2^53 (9007199254740992); anything with more integer digits is out of range. */
    private static final int MAX_SAFE_DIGITS = 16;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final ObjectMapper STRICT_READER = JsonMapper.builder(
                    JsonFactory.builder()
                            // Same switch as JsonParser.Feature.STRICT_DUPLICATE_DETECTION:
                            // I-JSON (RFC 7493 §2.3) forbids duplicate names, and a signer and a
                            // verifier must never disagree on which duplicate "wins".
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .maxNumberLength(100)
                                    .maxStringLength(MAX_INPUT_BYTES)
                                    .build())
                            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Parse "1.5" exactly instead of through a double, so fractions are always detected.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CanonicalJson() {
    }

    /**
     * Serializes a JSON tree to its RFC 8785 canonical UTF-8 bytes.
     *
     * @throws IllegalArgumentException if the tree holds a value that has no canonical form here:
     *     a non-integral or non-finite number, an integer with magnitude above 2^53, a string or
     *     member name containing a lone UTF-16 surrogate, or a non-JSON node (binary, POJO, missing)
     */
    public static byte[] encode(JsonNode node) {
        Objects.requireNonNull(node, "node");
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        write(node, out);
        return out.toByteArray();
    }

    /**
     * Converts a map or POJO to a tree with the given mapper (so its naming and inclusion settings
     * apply) and serializes that tree canonically.
     */
    public static byte[] encode(Object value, ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        JsonNode tree = mapper.valueToTree(value);
        return encode(tree == null ? mapper.nullNode() : tree);
    }

    /** Canonical bytes decoded as a Java string (convenient for logging and tests). */
    public static String encodeToString(JsonNode node) {
        return new String(encode(node), StandardCharsets.UTF_8);
    }

    /**
     * Strictly parses UTF-8 JSON text.
     *
     * @throws IllegalArgumentException if the input exceeds {@link #MAX_INPUT_BYTES}, is not valid
     *     UTF-8, starts with a byte order mark, is not exactly one JSON value (trailing content),
     *     contains a duplicate member name, nests deeper than {@link #MAX_NESTING_DEPTH}, or holds
     *     a value {@link #encode(JsonNode)} would reject
     */
    public static JsonNode decode(byte[] json) {
        return decode(json, MAX_INPUT_BYTES);
    }

    /**
     * As {@link #decode(byte[])} with another size limit, for documents that grow with the registry
     * (the trust list holds every body key ever approved).
     */
    public static JsonNode decode(byte[] json, int maxBytes) {
        Objects.requireNonNull(json, "json");
        if (json.length > maxBytes) {
            throw new IllegalArgumentException(
                    "JSON input is " + json.length + " bytes; the limit is " + maxBytes);
        }
        if (json.length == 0) {
            throw new IllegalArgumentException("JSON input is empty");
        }
        String text;
        try {
            // RFC 8259 §8.1 / RFC 3629: reject malformed sequences, overlong forms and encoded
            // surrogates instead of silently substituting U+FFFD.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("JSON input is not valid UTF-8", e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            // RFC 8259 §8.1: implementations MUST NOT add a byte order mark.
            throw new IllegalArgumentException("JSON input starts with a byte order mark");
        }
        JsonNode node;
        try {
            node = STRICT_READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("JSON input contains no value");
        }
        // Ensures the returned tree can be canonicalized (integers in range, no lone surrogates).
        encode(node);
        return node;
    }

    /**
     * True if {@code json} is exactly the RFC 8785 canonical form of the value it encodes. Returns
     * false (never throws) for input that {@link #decode(byte[])} rejects.
     */
    public static boolean isCanonical(byte[] json) {
        if (json == null) {
            return false;
        }
        try {
            return Arrays.equals(json, encode(decode(json)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void write(JsonNode node, ByteArrayOutputStream out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.write('[');
                boolean first = true;
                for (JsonNode element : node) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    write(element, out);
                }
                out.write(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeAscii(integerText(node), out);
            // RFC 8785 §3.2.2.1: literals are written as-is.
            case BOOLEAN -> writeAscii(node.booleanValue() ? "true" : "false", out);
            case NULL -> writeAscii("null", out);
            default -> throw new IllegalArgumentException(
                    "JSON node of type " + node.getNodeType() + " has no canonical form");
        }
    }

    private static void writeObject(JsonNode node, ByteArrayOutputStream out) {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        // RFC 8785 §3.2.3: sort by the member names' UTF-16 code units, compared as unsigned
        // 16-bit integers, independent of locale. String.compareTo compares char values, which
        // are exactly those code units (so U+1F600, stored as D83D DE00, sorts before U+FB33).
        names.sort(String::compareTo);
        out.write('{');
        boolean first = true;
        for (String name : names) {
            if (!first) {
                out.write(',');
            }
            first = false;
            writeString(name, out);
            out.write(':');
            write(node.get(name), out);
        }
        out.write('}');
    }

    /**
     * RFC 8785 §3.2.2.2: only the quotation mark, the reverse solidus and U+0000..U+001F are
     * escaped; U+0008, U+0009, U+000A, U+000C, U+000D use the two-character forms \b \t \n \f \r,
     * the remaining controls use {@code \}{@code u00xx} with lower-case hex. Every other code
     * point, including '/', DEL and non-ASCII, is emitted literally as UTF-8 (§3.2.4).
     */
    private static void writeString(String s, ByteArrayOutputStream out) {
        out.write('"');
        if (plainAscii(s)) {
            // The common case (base64, codes, dates): every character is written as its own byte.
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            out.write('"');
            return;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '"' -> writeEscape('"', out);
                    case '\\' -> writeEscape('\\', out);
                    case '\b' -> writeEscape('b', out);
                    case '\t' -> writeEscape('t', out);
                    case '\n' -> writeEscape('n', out);
                    case '\f' -> writeEscape('f', out);
                    case '\r' -> writeEscape('r', out);
                    default -> {
                        if (c < 0x20) {
                            out.write('\\');
                            out.write('u');
                            out.write('0');
                            out.write('0');
                            out.write(HEX[c >> 4]);
                            out.write(HEX[c & 0xF]);
                        } else {
                            out.write(c);
                        }
                    }
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException(
                            "string contains a lone high surrogate at index " + i);
                }
                writeUtf8(Character.toCodePoint(c, s.charAt(i + 1)), out);
                i++;
            } else if (Character.isLowSurrogate(c)) {
                // RFC 8785 §3.2.2.2 / RFC 7493 §2.1: a lone surrogate is not a Unicode scalar value
                // and cannot be represented in UTF-8.
                throw new IllegalArgumentException(
                        "string contains a lone low surrogate at index " + i);
            } else {
                writeUtf8(c, out);
            }
        }
        out.write('"');
    }

    /** Whether every character is ASCII from U+0020 on and none of them is escaped (§3.2.2.2). */
    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
        }
        return true;
    }

    private static void writeEscape(char shortForm, ByteArrayOutputStream out) {
        out.write('\\');
        out.write(shortForm);
    }

    /** RFC 3629 §3: shortest-form UTF-8 encoding of a Unicode scalar value. */
    private static void writeUtf8(int cp, ByteArrayOutputStream out) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | (cp >> 6));
            out.write(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out.write(0xE0 | (cp >> 12));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        } else {
            out.write(0xF0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3F));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        }
    }

    private static void writeAscii(String s, ByteArrayOutputStream out) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Plain decimal text of an integral number with |n| ≤ 2^53 — what RFC 8785 §3.2.2.3 (ES6
     * Number serialization) yields for such values, including "0" for negative zero.
     */
    private static String integerText(JsonNode node) {
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isFloat() || node.isDouble()) {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("non-finite number " + d + " has no JSON form");
            }
            value = integralValue(new BigDecimal(d));
        } else if (node.isBigDecimal()) {
            value = integralValue(node.decimalValue());
        } else {
            throw new IllegalArgumentException("unsupported numeric node " + node.getClass().getName());
        }
        if (value.abs().compareTo(MAX_SAFE_MAGNITUDE) > 0) {
            throw new IllegalArgumentException(
                    "integer " + value + " exceeds 2^53; only exactly representable integers are supported");
        }
        return value.toString();
    }

    private static BigInteger integralValue(BigDecimal d) {
        if (d.signum() == 0) {
            return BigInteger.ZERO;
        }
        // Digits before the decimal point, computed without materializing huge exponents.
        long integerDigits = (long) d.precision() - d.scale();
        if (integerDigits > MAX_SAFE_DIGITS) {
            throw new IllegalArgumentException("number " + d + " exceeds 2^53");
        }
        if (integerDigits <= 0) {
            throw new IllegalArgumentException("fractional number " + d + " is not supported");
        }
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new IllegalArgumentException("fractional number " + d + " is not supported");
        }
        return stripped.toBigIntegerExact();
    }
}
