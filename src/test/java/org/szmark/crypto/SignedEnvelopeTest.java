package org.szmark.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedEnvelopeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Ed25519.KeyPair signer = Ed25519.generate(RANDOM);
    private final Ed25519.KeyPair stranger = Ed25519.generate(RANDOM);

    private SignedEnvelope sample() {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("certificateNo", "SZ-2024-000001");
        record.put("holder", "深圳市示例电子有限公司");
        record.put("issuedAt", 1717200000L);
        return SignedEnvelope.sign(CanonicalJson.encode(record), signer.keyId(), signer.privateKey());
    }

    private ObjectNode validJson() {
        return sample().toJson(MAPPER);
    }

    private static void assertRejected(JsonNode node, String messagePart) {
        assertThatThrownBy(() -> SignedEnvelope.parse(node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void signsAndVerifies() {
        SignedEnvelope envelope = sample();
        assertThat(envelope.keyId()).isEqualTo(signer.keyId());
        assertThat(envelope.signature()).hasSize(64);
        assertThat(envelope.verifies(signer.rawPublicKey())).isTrue();
        assertThat(envelope.verifies(stranger.rawPublicKey())).isFalse();
        assertThat(envelope.verifies(null)).isFalse();
        assertThat(envelope.verifies(new byte[31])).isFalse();
        assertThat(envelope.payloadJson().get("holder").textValue()).isEqualTo("深圳市示例电子有限公司");
    }

    @Test
    void signingFromATreeUsesCanonicalBytes() {
        ObjectNode record = MAPPER.createObjectNode().put("b", 2).put("a", 1);
        SignedEnvelope envelope = SignedEnvelope.sign(record, signer.privateKey());
        assertThat(new String(envelope.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(envelope.keyId()).isEqualTo(signer.keyId());
        assertThat(envelope.verifies(signer.rawPublicKey())).isTrue();
    }

    @Test
    void refusesToSignUnderAnotherKeysId() {
        assertThatThrownBy(() -> SignedEnvelope.sign(new byte[] {'1'}, stranger.keyId(), signer.privateKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void keyIdMustNameTheVerifyingKey() {
        SignedEnvelope genuine = sample();
        // Valid signature, but the envelope claims a different key.
        SignedEnvelope relabelled = new SignedEnvelope(genuine.payload(), genuine.signature(), stranger.keyId());
        assertThat(relabelled.verifies(signer.rawPublicKey())).isFalse();
    }

    @Test
    void roundTripsThroughJsonText() throws JsonProcessingException {
        SignedEnvelope envelope = sample();
        String text = MAPPER.writeValueAsString(envelope);
        assertThat(text).startsWith("{\"payload\":\"").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        JsonNode tree = MAPPER.readTree(text);
        assertThat(tree.size()).isEqualTo(3);
        assertThat(tree.get("keyId").textValue()).isEqualTo(signer.keyId());
        assertThat(Base64.getUrlDecoder().decode(tree.get("signature").textValue())).hasSize(64);

        SignedEnvelope viaJackson = MAPPER.readValue(text, SignedEnvelope.class);
        assertThat(viaJackson).isEqualTo(envelope).hasSameHashCodeAs(envelope);
        assertThat(viaJackson.verifies(signer.rawPublicKey())).isTrue();

        SignedEnvelope viaStrictParser = SignedEnvelope.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(viaStrictParser).isEqualTo(envelope);
        assertThat(SignedEnvelope.parse(CanonicalJson.decode(envelope.toCanonicalJson()))).isEqualTo(envelope);
        assertThat(CanonicalJson.isCanonical(envelope.toCanonicalJson())).isTrue();

        // Nested inside another object, as a REST response would carry it.
        record Response(String certificateNo, SignedEnvelope envelope) {
        }
        String wrapped = MAPPER.writeValueAsString(new Response("SZ-1", envelope));
        assertThat(MAPPER.readValue(wrapped, Response.class).envelope()).isEqualTo(envelope);
    }

    @Test
    void toMapHasExactlyTheThreeMembers() {
        SignedEnvelope envelope = sample();
        Map<String, String> map = envelope.toMap();
        assertThat(map.keySet()).containsExactly("payload", "signature", "keyId");
        assertThat(map.get("payload")).isEqualTo(B64URL.encodeToString(envelope.payload()));
        assertThat(map.get("signature")).hasSize(86); // 64 bytes → 86 unpadded base64 characters
    }

    @Test
    void flippedPayloadOrSignatureByteFailsVerification() {
        SignedEnvelope envelope = sample();
        byte[] payload = envelope.payload();
        byte[] signature = envelope.signature();
        for (int i = 0; i < payload.length; i += Math.max(1, payload.length / 7)) {
            byte[] p = payload.clone();
            p[i] ^= 0x01;
            assertThat(new SignedEnvelope(p, signature, envelope.keyId()).verifies(signer.rawPublicKey()))
                    .as("payload byte %d", i).isFalse();
        }
        for (int i = 0; i < 64; i++) {
            byte[] s = signature.clone();
            s[i] ^= 0x01;
            assertThat(new SignedEnvelope(payload, s, envelope.keyId()).verifies(signer.rawPublicKey()))
                    .as("signature byte %d", i).isFalse();
        }
    }

    @Test
    void isImmutableDespiteArrays() {
        SignedEnvelope envelope = sample();
        byte[] leaked = envelope.payload();
        leaked[0] ^= 1;
        assertThat(envelope.verifies(signer.rawPublicKey())).isTrue();
        byte[] source = envelope.payload();
        SignedEnvelope copy = new SignedEnvelope(source, envelope.signature(), envelope.keyId());
        source[0] ^= 1;
        assertThat(copy).isEqualTo(envelope);
        assertThat(copy.toString()).doesNotContain(envelope.toMap().get("signature"));
    }

    @Test
    void rejectsMissingOrExtraMembers() {
        for (String name : List.of("payload", "signature", "keyId")) {
            ObjectNode node = validJson();
            node.remove(name);
            assertRejected(node, "missing member \"" + name + "\"");
        }
        assertRejected(validJson().put("alg", "Ed25519"), "unexpected member \"alg\"");
        assertRejected(validJson().put("Payload", "AA"), "unexpected member");
        assertRejected(MAPPER.createArrayNode(), "JSON object");
        assertRejected(MAPPER.getNodeFactory().textNode("x"), "JSON object");
        assertThatThrownBy(() -> SignedEnvelope.parse((JsonNode) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonStringMembers() {
        assertRejected(validJson().put("keyId", 12345), "\"keyId\" must be a string");
        ObjectNode node = validJson();
        node.putArray("payload");
        assertRejected(node, "\"payload\" must be a string");
        assertRejected(validJson().putNull("signature"), "\"signature\" must be a string");
    }

    @Test
    void rejectsBadBase64() {
        ObjectNode json = validJson();
        String payload = json.get("payload").textValue();
        assertRejected(validJson().put("payload", "ab*d"), "not valid base64url");
        assertRejected(validJson().put("payload", "a"), "not valid base64url");             // impossible length
        assertRejected(validJson().put("payload", "ab+/"), "not valid base64url");          // standard alphabet
        assertRejected(validJson().put("payload", payload + " "), "not valid base64url");
        assertRejected(validJson().put("payload", "AB=="), "without padding");
        assertRejected(validJson().put("payload", "QUI="), "without padding");
        // "AB" and "AC" would both decode to 0x00 if the unused low bits were ignored.
        assertRejected(validJson().put("payload", "AB"), "not canonical");
        assertRejected(validJson().put("payload", ""), "payload is empty");
        String signature = json.get("signature").textValue();
        assertRejected(validJson().put("signature", signature + "=="), "without padding");
    }

    @Test
    void rejectsWrongSignatureLength() {
        assertRejected(validJson().put("signature", B64URL.encodeToString(new byte[63])), "64 bytes, got 63");
        assertRejected(validJson().put("signature", B64URL.encodeToString(new byte[65])), "64 bytes, got 65");
        assertRejected(validJson().put("signature", B64URL.encodeToString(new byte[0])), "64 bytes, got 0");
        assertThatThrownBy(() -> new SignedEnvelope(new byte[] {1}, new byte[32], signer.keyId()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMalformedKeyIds() {
        String id = signer.keyId();
        assertRejected(validJson().put("keyId", id.toUpperCase()), "keyId");
        assertRejected(validJson().put("keyId", id.substring(1)), "keyId");
        assertRejected(validJson().put("keyId", id + "0"), "keyId");
        assertRejected(validJson().put("keyId", ""), "keyId");
    }

    @Test
    void jacksonReportsParserErrors() {
        String text = "{\"payload\":\"AA\",\"signature\":\"AA\",\"keyId\":\"0123456789abcdef\"}";
        assertThatThrownBy(() -> MAPPER.readValue(text, SignedEnvelope.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("64 bytes");
    }

    @Test
    void strictTextParserRejectsDuplicateMembers() {
        String valid = new String(sample().toCanonicalJson(), StandardCharsets.UTF_8);
        String duplicated = valid.replace("{\"keyId\"", "{\"keyId\":\"0123456789abcdef\",\"keyId\"");
        assertThat(duplicated).isNotEqualTo(valid);
        assertThatThrownBy(() -> SignedEnvelope.parse(duplicated.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
