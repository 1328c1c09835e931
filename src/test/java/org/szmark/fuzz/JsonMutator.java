package org.szmark.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Mutates valid JSON request bodies: values of another type, missing and unknown members, huge
 * numbers, long and odd strings, duplicated array items and keys, deep nesting, and text-level damage
 * (truncation, flipped characters) of the serialized document.
 */
final class JsonMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for a raw literal (e.g. 1E400) that a tree cannot hold; replaced after writing. */
    private static final String RAW = "\u0001raw\u0001";

    private final Fuzz fuzz;

    JsonMutator(Fuzz fuzz) {
        this.fuzz = fuzz;
    }

    /** A mutation of {@code valid}: usually structural, sometimes also damaged as text. */
    String mutate(JsonNode valid) {
        JsonNode tree = valid.deepCopy();
        List<String> raws = new ArrayList<>();
        int rounds = 1 + fuzz.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            tree = mutateTree(tree, raws);
        }
        String text = write(tree, raws);
        int r = fuzz.nextInt(100);
        if (r < 10) {
            return duplicateKey(text);
        }
        if (r < 25) {
            return fuzz.mutate(text, "{}[]\":,0123456789-.eEtruefalsn", List.of());
        }
        if (r < 28) {
            int depth = fuzz.pick(List.of(65, 200, 1000, 5000));
            return fuzz.chance(50) ? "[".repeat(depth) + text + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + text + "}".repeat(depth);
        }
        return text;
    }

    private JsonNode mutateTree(JsonNode root, List<String> raws) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || fuzz.chance(3)) {
            return value(raws); // the whole body replaced by some other value
        }
        JsonNode c = fuzz.pick(containers);
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            int r = fuzz.nextInt(100);
            if (names.isEmpty() || r < 15) {
                o.set(fuzz.chance(70) ? fuzz.string("abcdefghijklmnopqrstuvwxyz", 12) : fuzz.pick(List.of("__proto__",
                        "@class", "$ref", "", "number\u0000", "\u6df1")), value(raws));
            } else if (r < 35) {
                o.remove(fuzz.pick(names));
            } else {
                o.set(fuzz.pick(names), value(raws));
            }
        } else if (c instanceof ArrayNode a) {
            int r = fuzz.nextInt(100);
            if (a.isEmpty() || r < 30) {
                a.add(value(raws));
            } else if (r < 50) {
                a.remove(fuzz.nextInt(a.size()));
            } else if (r < 80) {
                JsonNode item = a.get(fuzz.nextInt(a.size()));
                int copies = fuzz.chance(5) ? 1001 : 1 + fuzz.nextInt(8);
                for (int i = 0; i < copies; i++) {
                    a.add(item.deepCopy());
                }
            } else {
                a.set(fuzz.nextInt(a.size()), value(raws));
            }
        }
        return root;
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n instanceof ContainerNode<?>) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    /** A value of any JSON type, often at an edge. */
    private JsonNode value(List<String> raws) {
        switch (fuzz.nextInt(12)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(fuzz.chance(50));
            case 2:
                raws.add(fuzz.pick(Fuzz.NUMBERS));
                return NODES.textNode(RAW + (raws.size() - 1) + RAW);
            case 3:
                raws.add(fuzz.pick(List.of("1" + "0".repeat(400), "-" + "9".repeat(2000), "1e999999999",
                        "1e-999999999", "0.000000000000000000001", "123456789012345678901234567890.5")));
                return NODES.textNode(RAW + (raws.size() - 1) + RAW);
            case 4:
                return NODES.objectNode();
            case 5:
                return NODES.arrayNode().add(NODES.textNode(fuzz.string("", 10)));
            case 6:
                if (fuzz.chance(40)) {
                    // Written as JSON escapes, so that lone surrogates reach the server as such.
                    raws.add(escaped(fuzz.string("\u6df1ab", 3) + fuzz.pick(Fuzz.INTERESTING) + fuzz.string("\u6df1ab", 3)));
                    return NODES.textNode(RAW + (raws.size() - 1) + RAW);
                }
                return NODES.textNode(fuzz.pick(List.of("", " ", "\u3000", "\u0000", "null", "true", "2024-02-30",
                        "2024-13-01", "+999999999-12-31", "-999999999-01-01", "0000-00-00", "2020-01-02T25:00:00Z",
                        "2999-01-01T00:00:00+18:00", "VALID", "OTHER", "suspended", "FRAUD",
                        "T/SZWD 004-2019", "91440300MA5F7WCYXL", "CNCA-R-2002-001", "https://example.org/x")));
            case 7:
                return NODES.textNode(fuzz.character("ab\u6df1").repeat(fuzz.pick(List.of(41, 65, 101, 201, 301, 1001, 70000))));
            case 8:
                return NODES.numberNode(fuzz.random().nextLong());
            case 9:
                return NODES.numberNode(fuzz.random().nextDouble() * Math.pow(10, fuzz.nextInt(40) - 20));
            default:
                return NODES.textNode(fuzz.string("\u6df1\u5733\u6807\u51c6abc-/ ", 40));
        }
    }

    /** A JSON string literal with every character outside printable ASCII, and quote and backslash, as a \\u escape. */
    static String escaped(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private static String write(JsonNode tree, List<String> raws) {
        String text;
        try {
            text = JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"" + RAW.replace("\u0001", "\\u0001") + i + RAW.replace("\u0001", "\\u0001") + "\"", raws.get(i));
        }
        return text;
    }

    /** Repeats the first member of the first object, with another value: {"a":1,...} becomes {"a":"x","a":1,...}. */
    private String duplicateKey(String text) {
        int open = text.indexOf("{\"");
        if (open < 0) {
            return text;
        }
        int end = text.indexOf('"', open + 2);
        if (end < 0) {
            return text;
        }
        String name = text.substring(open + 1, end + 1);
        return text.substring(0, open + 1) + name + ":" + fuzz.pick(List.of("null", "1", "\"x\"", "{}", "[]")) + ","
                + text.substring(open + 1);
    }
}
