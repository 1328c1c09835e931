package org.szmark.crypto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A payload (normally {@link CanonicalJson} bytes) with a detached Ed25519 signature and the
 * {@link KeyId} of the signing key.
 *
 * <p>JSON form, exactly three members:
 * <pre>{"payload": base64url, "signature": base64url, "keyId": "0123456789abcdef"}</pre>
 * Binary members use the URL-safe base64 alphabet without padding (RFC 4648 §5, padding omitted
 * as §3.2 permits). The parser accepts only the one canonical encoding of each byte string, so an
 * envelope cannot be altered textually while still carrying the same bytes.
 *
 * <p>The signature covers the payload bytes exactly as stored; the key ID is not signed because
 * it is derived from the public key that the verifier must already trust.
 *
 * <p>The record copies its arrays on the way in and out, so instances are immutable.
 */
public record SignedEnvelope(byte[] payload, byte[] signature, String keyId) {

    public static final String PAYLOAD = "payload";
    public static final String SIGNATURE = "signature";
    public static final String KEY_ID = "keyId";

    private static final Set<String> FIELDS = Set.of(PAYLOAD, SIGNATURE, KEY_ID);
    private static final Base64.Encoder B64_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    /**
     * @throws IllegalArgumentException if the payload is empty, the signature is not 64 bytes or
     *     the key ID is not 16 lower-case hex characters
     */
    public SignedEnvelope {
        Objects.requireNonNull(payload, PAYLOAD);
        Objects.requireNonNull(signature, SIGNATURE);
        if (payload.length == 0) {
            throw new IllegalArgumentException("envelope payload is empty");
        }
        if (signature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("envelope signature must be "
                    + Ed25519.SIGNATURE_LENGTH + " bytes, got " + signature.length);
        }
        if (!KeyId.isWellFormed(keyId)) {
            throw new IllegalArgumentException("envelope keyId must be " + KeyId.LENGTH
                    + " lower-case hex characters, got " + KeyId.describe(keyId));
        }
        payload = payload.clone();
        signature = signature.clone();
    }

    /**
     * Signs {@code canonicalPayload} with {@code key}.
     *
     * @throws IllegalArgumentException if {@code keyId} is not {@link KeyId#of(byte[])} of the
     *     key's public key, so an envelope never names a key that cannot verify it
     */
    public static SignedEnvelope sign(byte[] canonicalPayload, String keyId, Ed25519PrivateKeyParameters key) {
        Objects.requireNonNull(canonicalPayload, "canonicalPayload");
        Objects.requireNonNull(key, "key");
        String actual = KeyId.of(Ed25519.rawPublicKey(key));
        if (!actual.equals(keyId)) {
            throw new IllegalArgumentException("keyId " + KeyId.describe(keyId)
                    + " does not belong to the signing key (its key ID is " + actual + ")");
        }
        return new SignedEnvelope(canonicalPayload, Ed25519.sign(key, canonicalPayload), keyId);
    }

    /** Signs the canonical JSON form of {@code payload} with {@code key}, naming it by its key ID. */
    public static SignedEnvelope sign(JsonNode payload, Ed25519PrivateKeyParameters key) {
        return sign(CanonicalJson.encode(payload), KeyId.of(Ed25519.rawPublicKey(key)), key);
    }

    /**
     * True if {@code rawPublicKey} is the key this envelope names (its key ID matches) and the
     * signature over the payload is valid under it. Never throws: malformed keys give false.
     */
    public boolean verifies(byte[] rawPublicKey) {
        if (rawPublicKey == null || rawPublicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            return false;
        }
        if (!KeyId.of(rawPublicKey).equals(keyId)) {
            return false;
        }
        return Ed25519.verify(rawPublicKey, payload, signature);
    }

    /** The payload parsed with {@link CanonicalJson#decode(byte[])}. */
    public JsonNode payloadJson() {
        return CanonicalJson.decode(payload);
    }

    /** The payload parsed with {@link CanonicalJson#decode(byte[], int)}, for payloads larger than a record. */
    public JsonNode payloadJson(int maxBytes) {
        return CanonicalJson.decode(payload, maxBytes);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** JSON form as an ordered map of strings; also what Jackson writes for this record. */
    @JsonValue
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(PAYLOAD, B64_ENCODER.encodeToString(payload));
        map.put(SIGNATURE, B64_ENCODER.encodeToString(signature));
        map.put(KEY_ID, keyId);
        return map;
    }

    /** JSON form as a tree built with {@code mapper}'s node factory. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        toMap().forEach(node::put);
        return node;
    }

    /** RFC 8785 canonical bytes of the JSON form. */
    public byte[] toCanonicalJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        toMap().forEach(node::put);
        return CanonicalJson.encode(node);
    }

    /**
     * Strictly parses the JSON form; also the creator Jackson uses to read this record.
     *
     * @throws IllegalArgumentException naming the offending member if the node is not an object
     *     with exactly the members payload, signature and keyId, each a string, with payload and
     *     signature in unpadded canonical base64url, a 64-byte signature and a well-formed key ID
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SignedEnvelope parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("envelope must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("envelope has unexpected member \"" + name + "\"");
            }
        }
        byte[] payload = decodeBase64(node, PAYLOAD);
        byte[] signature = decodeBase64(node, SIGNATURE);
        String keyId = text(node, KEY_ID);
        if (signature.length != Ed25519.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("envelope signature must be "
                    + Ed25519.SIGNATURE_LENGTH + " bytes, got " + signature.length);
        }
        return new SignedEnvelope(payload, signature, keyId);
    }

    /** Parses envelope JSON text with the strict {@link CanonicalJson#decode(byte[])}. */
    public static SignedEnvelope parse(byte[] json) {
        return parse(CanonicalJson.decode(json));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new IllegalArgumentException("envelope is missing member \"" + name + "\"");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("envelope member \"" + name + "\" must be a string");
        }
        return value.textValue();
    }

    private static byte[] decodeBase64(JsonNode node, String name) {
        String text = text(node, name);
        if (text.indexOf('=') >= 0) {
            throw new IllegalArgumentException(
                    "envelope member \"" + name + "\" must be base64url without padding");
        }
        byte[] bytes;
        try {
            bytes = B64_DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "envelope member \"" + name + "\" is not valid base64url: " + e.getMessage(), e);
        }
        // RFC 4648 §3.5: unused trailing bits must be zero; re-encoding catches any deviation.
        if (!B64_ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(
                    "envelope member \"" + name + "\" is not canonical base64url");
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedEnvelope other
                && Arrays.equals(payload, other.payload)
                && Arrays.equals(signature, other.signature)
                && keyId.equals(other.keyId);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(payload) + Arrays.hashCode(signature)) + keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SignedEnvelope[keyId=" + keyId + ", payload=" + payload.length + " bytes]";
    }
}
