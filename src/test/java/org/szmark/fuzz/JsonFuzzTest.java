package org.szmark.fuzz;

import static org.szmark.fuzz.IdentifierFuzzTest.assertBothOutcomes;
import static org.szmark.fuzz.IdentifierFuzzTest.expect;
import static org.szmark.fuzz.IdentifierFuzzTest.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.szmark.crypto.CanonicalJson;
import org.szmark.crypto.SignedEnvelope;

/**
 * The strict JSON reader behind signed records, and the envelope that carries them: verifiers feed
 * both with records from anywhere. Decoding either gives a value or refuses with
 * {@link IllegalArgumentException}; {@link CanonicalJson#isCanonical} never throws; canonical
 * encoding is a fixed point.
 */
class JsonFuzzTest {

    private static final int N = Fuzz.inputs();

    private static final List<String> DOCUMENTS = List.of(
            "{\"event\":\"ISSUED\",\"seq\":1,\"type\":\"szmark.status-event.v1\"}",
            "{\"a\":[1,-2,9007199254740992,true,false,null,{}],\"b\":{\"c\":\"\\u0000\\n\\\"\\\\/\"},\"\u6df1\":\"\ud83d\ude00\"}",
            "[".repeat(20) + "0" + "]".repeat(20),
            "{ \"number\" : \"SZBZ-001-2024-00019\", \"expiry\": 2.0e1, \"x\": -0, \"y\": 1E2 }",
            "\"text\"", "0", "-9007199254740992", "{\"\":\"\"}", "[]");

    @Test
    void canonicalJson() {
        List<byte[]> seeds = DOCUMENTS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        Fuzz.Result r = Fuzz.run("canonical json", N, g -> g.input(seeds, 300), bytes -> {
            boolean canonical = CanonicalJson.isCanonical(bytes);
            JsonNode node;
            try {
                node = CanonicalJson.decode(bytes);
            } catch (IllegalArgumentException e) {
                expect(!canonical, "isCanonical is false for what decode refuses", bytes);
                throw e;
            }
            byte[] encoded = CanonicalJson.encode(node);
            expect(canonical == Arrays.equals(encoded, bytes), "isCanonical means the input is its encoding", bytes);
            expect(CanonicalJson.isCanonical(encoded), "the encoding is canonical", bytes);
            expect(Arrays.equals(CanonicalJson.encode(CanonicalJson.decode(encoded)), encoded),
                    "the encoding is a fixed point", bytes);
            return true;
        }, IllegalArgumentException.class);
        assertBothOutcomes(r);

        // Text-level mutations reach the number and string grammar more often than byte flips.
        Fuzz.Result t = Fuzz.run("canonical json text", N,
                g -> g.input(DOCUMENTS, "{}[]\":,0123456789-+.eE\\utrfalsn ", 300).getBytes(StandardCharsets.UTF_8),
                bytes -> {
                    JsonNode node = CanonicalJson.decode(bytes);
                    byte[] encoded = CanonicalJson.encode(node);
                    return CanonicalJson.isCanonical(encoded) || fail("the encoding is canonical", bytes);
                }, IllegalArgumentException.class);
        assertBothOutcomes(t);
    }

    @Test
    void signedEnvelopes() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new byte[32]);
        List<String> seeds = new ArrayList<>();
        for (String doc : DOCUMENTS) {
            byte[] canonical = CanonicalJson.encode(CanonicalJson.decode(doc.getBytes(StandardCharsets.UTF_8)));
            seeds.add(new String(SignedEnvelope.sign(CanonicalJson.decode(canonical), key).toCanonicalJson(),
                    StandardCharsets.UTF_8));
        }
        Fuzz.Result r = Fuzz.run("signed envelope", N,
                g -> g.input(seeds, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_{}\":,", 400)
                        .getBytes(StandardCharsets.UTF_8),
                bytes -> {
                    SignedEnvelope e = SignedEnvelope.parse(bytes);
                    expect(SignedEnvelope.parse(e.toCanonicalJson()).equals(e), "canonical form reads back", bytes);
                    e.verifies(key.generatePublicKey().getEncoded());
                    return true;
                }, IllegalArgumentException.class);
        assertBothOutcomes(r);

        Fuzz.run("signed envelope round trip", Math.min(N, 20_000), g -> {
            byte[] payload = new byte[1 + g.nextInt(200)];
            g.random().nextBytes(payload);
            byte[] signature = new byte[64];
            g.random().nextBytes(signature);
            byte[] id = new byte[8];
            g.random().nextBytes(id);
            return new SignedEnvelope(payload, signature, java.util.HexFormat.of().formatHex(id));
        }, e -> SignedEnvelope.parse(e.toCanonicalJson()).equals(e) || fail("round trip", e.toCanonicalJson()));
    }
}
