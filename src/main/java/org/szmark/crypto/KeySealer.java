package org.szmark.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Encrypts private key bytes at rest with AES-256-GCM (NIST SP 800-38D) under a 32-byte master
 * key.
 *
 * <p>Sealed format: {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}. The nonce is fresh
 * from {@link SecureRandom} for every seal; 96 bits is the GCM nonce length SP 800-38D §5.2.1.1
 * recommends, and random nonces stay far below the 2^32 invocations per key it allows for them
 * (§8.3), given the number of keys a registry stores.
 *
 * <p>The caller's additional authenticated data (normally the key ID's bytes) binds a sealed blob
 * to its record: moving it to another key record, flipping any bit, or opening it with another
 * master key all fail authentication with {@link TamperedException}.
 *
 * <p>Instances are thread-safe; each call uses its own cipher.
 */
public final class KeySealer {

    public static final int MASTER_KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private final byte[] masterKey;
    private final SecureRandom random;

    /** Thrown by {@link #open} when the sealed bytes fail authentication. */
    public static final class TamperedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TamperedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Seals with nonces from a new {@link SecureRandom}. */
    public KeySealer(byte[] masterKey) {
        this(masterKey, new SecureRandom());
    }

    public KeySealer(byte[] masterKey, SecureRandom random) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(random, "random");
        if (masterKey.length != MASTER_KEY_LENGTH) {
            throw new IllegalArgumentException("master key must be " + MASTER_KEY_LENGTH
                    + " bytes (AES-256), got " + masterKey.length);
        }
        this.masterKey = masterKey.clone();
        this.random = random;
    }

    /**
     * Decodes a master key given as standard base64 (RFC 4648 §4, e.g. the output of
     * {@code openssl rand -base64 32}); surrounding whitespace is ignored.
     *
     * @throws IllegalArgumentException if absent, not base64 or not exactly 32 bytes
     */
    public static byte[] masterKeyFromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("master key is not configured");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message may quote input characters; keep secrets out of logs.
            throw new IllegalArgumentException("master key is not valid base64");
        }
        if (key.length != MASTER_KEY_LENGTH) {
            int length = key.length;
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("master key must decode to " + MASTER_KEY_LENGTH
                    + " bytes, got " + length);
        }
        return key;
    }

    /** Encrypts {@code plaintext}, authenticating {@code aad} with it. */
    public byte[] seal(byte[] plaintext, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(aad, "aad");
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        GCMModeCipher gcm = cipher(true, nonce, aad);
        byte[] out = new byte[NONCE_LENGTH + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            gcm.doFinal(out, NONCE_LENGTH + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        return out;
    }

    /**
     * Decrypts and authenticates bytes produced by {@link #seal} with the same master key and
     * {@code aad}.
     *
     * @throws TamperedException if the bytes are truncated or fail GCM authentication (modified
     *     nonce, ciphertext or tag, different AAD, or a different master key)
     */
    public byte[] open(byte[] sealed, byte[] aad) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(aad, "aad");
        if (sealed.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new TamperedException("sealed key is truncated: " + sealed.length
                    + " bytes, at least " + (NONCE_LENGTH + TAG_LENGTH) + " expected", null);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 0, NONCE_LENGTH);
        GCMModeCipher gcm = cipher(false, nonce, aad);
        int inputLength = sealed.length - NONCE_LENGTH;
        byte[] out = new byte[gcm.getOutputSize(inputLength)];
        int n = gcm.processBytes(sealed, NONCE_LENGTH, inputLength, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new TamperedException("sealed key failed authentication: it was modified, "
                    + "belongs to another key record, or was sealed under another master key", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private GCMModeCipher cipher(boolean encrypt, byte[] nonce, byte[] aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(masterKey), TAG_LENGTH * 8, nonce, aad));
        return gcm;
    }
}
