package org.szmark.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Short, stable identifier of an Ed25519 public key.
 *
 * <p>Definition: the lower-case hexadecimal form of the first 8 bytes of SHA-256 computed over
 * the raw 32-byte public key (the RFC 8032 §5.1.5 encoding, not the SubjectPublicKeyInfo DER).
 * The result is always 16 characters of {@code [0-9a-f]}.
 *
 * <p>64 bits is enough to name the handful of keys a certification body holds without
 * collisions in practice; the key ID only selects a key, while the signature check against the
 * full public key is what provides security. The same 8 bytes are used as the X.509
 * SubjectKeyIdentifier of certificates for that key (RFC 5280 §4.2.1.2 leaves the method open).
 */
public final class KeyId {

    /** Number of hash bytes kept. */
    public static final int BYTES = 8;

    /** Length of the textual key ID. */
    public static final int LENGTH = 2 * BYTES;

    private static final HexFormat HEX = HexFormat.of();

    private KeyId() {
    }

    /** Key ID of a raw 32-byte Ed25519 public key. */
    public static String of(byte[] rawPublicKey) {
        return HEX.formatHex(bytesOf(rawPublicKey));
    }

    /** The 8 identifier bytes of a raw 32-byte Ed25519 public key. */
    public static byte[] bytesOf(byte[] rawPublicKey) {
        Objects.requireNonNull(rawPublicKey, "rawPublicKey");
        if (rawPublicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be "
                    + Ed25519.PUBLIC_KEY_LENGTH + " bytes, got " + rawPublicKey.length);
        }
        byte[] digest = sha256(rawPublicKey);
        byte[] id = new byte[BYTES];
        System.arraycopy(digest, 0, id, 0, BYTES);
        return id;
    }

    /** True if {@code keyId} has the exact shape of a key ID: 16 lower-case hex characters. */
    public static boolean isWellFormed(String keyId) {
        if (keyId == null || keyId.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = keyId.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The 8 bytes a well-formed key ID stands for. */
    public static byte[] toBytes(String keyId) {
        if (!isWellFormed(keyId)) {
            throw new IllegalArgumentException("key ID must be " + LENGTH
                    + " lower-case hex characters, got " + describe(keyId));
        }
        return HEX.parseHex(keyId);
    }

    static String describe(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 40 ? "a " + value.length() + "-character string" : "\"" + value + "\"";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
