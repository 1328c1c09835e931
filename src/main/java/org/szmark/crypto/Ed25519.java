package org.szmark.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Ed25519 (RFC 8032 §5.1, "pure" EdDSA without context or pre-hash) through BouncyCastle's
 * lightweight API.
 *
 * <p>The JDK's own EdDSA provider is intentionally not used: it is far slower than BouncyCastle's
 * implementation, and verification runs on every public certificate lookup.
 *
 * <p>Key sizes follow RFC 8032 §5.1.5: a private key is a 32-byte seed, a public key is the
 * 32-byte encoding of the point A, and a signature is 64 bytes (R || S, §5.1.6).
 */
public final class Ed25519 {

    public static final int PRIVATE_KEY_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
    public static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
    public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private Ed25519() {
    }

    /** A private key together with its public key. */
    public record KeyPair(Ed25519PrivateKeyParameters privateKey, Ed25519PublicKeyParameters publicKey) {

        public KeyPair {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(publicKey, "publicKey");
        }

        /** Builds the pair from a private key, deriving the public key (RFC 8032 §5.1.5). */
        public static KeyPair of(Ed25519PrivateKeyParameters privateKey) {
            return new KeyPair(privateKey, privateKey.generatePublicKey());
        }

        /** The 32-byte RFC 8032 encoding of the public key (a fresh copy). */
        public byte[] rawPublicKey() {
            return publicKey.getEncoded();
        }

        /** The 32-byte private seed (a fresh copy; wipe it when done). */
        public byte[] rawPrivateKey() {
            return privateKey.getEncoded();
        }

        /** {@link KeyId#of(byte[])} of the public key. */
        public String keyId() {
            return KeyId.of(rawPublicKey());
        }

        @Override
        public String toString() {
            // Never print key material.
            return "Ed25519.KeyPair[keyId=" + keyId() + "]";
        }
    }

    /** Generates a key pair from 32 bytes of {@code random} (RFC 8032 §5.1.5 step 1). */
    public static KeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        return KeyPair.of(new Ed25519PrivateKeyParameters(random));
    }

    /** Wraps a raw 32-byte private seed. */
    public static Ed25519PrivateKeyParameters privateKey(byte[] rawPrivateKey) {
        Objects.requireNonNull(rawPrivateKey, "rawPrivateKey");
        if (rawPrivateKey.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key must be " + PRIVATE_KEY_LENGTH
                    + " bytes, got " + rawPrivateKey.length);
        }
        return new Ed25519PrivateKeyParameters(rawPrivateKey, 0);
    }

    /** Wraps a raw 32-byte public key; throws {@link IllegalArgumentException} if malformed. */
    public static Ed25519PublicKeyParameters publicKey(byte[] rawPublicKey) {
        Objects.requireNonNull(rawPublicKey, "rawPublicKey");
        if (rawPublicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be " + PUBLIC_KEY_LENGTH
                    + " bytes, got " + rawPublicKey.length);
        }
        try {
            return new Ed25519PublicKeyParameters(rawPublicKey, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", e);
        }
    }

    /** The 32-byte public key belonging to {@code privateKey}. */
    public static byte[] rawPublicKey(Ed25519PrivateKeyParameters privateKey) {
        return privateKey.generatePublicKey().getEncoded();
    }

    /** Signs {@code message}; returns the 64-byte signature R || S (RFC 8032 §5.1.6). */
    public static byte[] sign(Ed25519PrivateKeyParameters privateKey, byte[] message) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(message, "message");
        // Ed25519Signer keeps per-message state, so a fresh one per call keeps this thread-safe.
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /**
     * Verifies an Ed25519 signature (RFC 8032 §5.1.7). Returns false, never throws, for null or
     * wrong-length inputs and for a public key that does not decode to a curve point.
     */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null || message == null || signature == null
                || rawPublicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(rawPublicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
