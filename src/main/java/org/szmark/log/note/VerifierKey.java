package org.szmark.log.note;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 note verifier key, written {@code <name>+<hex key ID>+<base64(0x01 || public key)>}
 * (c2sp.org/signed-note, in the encoding used by golang.org/x/mod/sumdb/note).
 */
public final class VerifierKey {

    /** Signature type identifier of Ed25519 note signatures, c2sp.org/signed-note "Signature types". */
    static final byte ED25519_TYPE = 0x01;

    static final int PUBLIC_KEY_SIZE = 32;

    private final String name;
    private final byte[] keyId;
    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters params;

    /**
     * @throws IllegalArgumentException if the name breaks the key name rules or the public key is
     *     not a valid 32-byte Ed25519 public key
     */
    public VerifierKey(String name, byte[] publicKey) {
        this.name = NoteFormat.checkKeyName(name);
        if (publicKey == null || publicKey.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 public key must be " + PUBLIC_KEY_SIZE + " bytes");
        }
        this.publicKey = publicKey.clone();
        try {
            this.params = new Ed25519PublicKeyParameters(this.publicKey, 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid Ed25519 public key for '" + name + "'");
        }
        this.keyId = keyId(name, this.publicKey);
    }

    /**
     * Key ID of an Ed25519 key: {@code SHA-256(name || 0x0A || 0x01 || public key)[:4]},
     * c2sp.org/signed-note "Ed25519 signatures".
     */
    public static byte[] keyId(String name, byte[] publicKey) {
        NoteFormat.checkKeyName(name);
        if (publicKey == null || publicKey.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 public key must be " + PUBLIC_KEY_SIZE + " bytes");
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        md.update(NoteFormat.utf8(name));
        md.update((byte) '\n');
        md.update(ED25519_TYPE);
        md.update(publicKey);
        return Arrays.copyOf(md.digest(), 4);
    }

    /**
     * Parses {@code <name>+<8 lower-case hex digits>+<base64(0x01 || 32-byte key)>}, checking that
     * the key ID matches the name and key.
     *
     * @throws IllegalArgumentException if the text is malformed, not an Ed25519 key, or its key ID
     *     does not match
     */
    public static VerifierKey parse(String vkey) {
        if (vkey == null) {
            throw new IllegalArgumentException("verifier key must not be null");
        }
        if (vkey.length() > 1024) {
            throw new IllegalArgumentException("verifier key is too long");
        }
        // Neither the name nor the key ID may contain '+', but base64 may: split at the first two.
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must have the form name+keyid+key");
        }
        String name = parts[0];
        NoteFormat.checkKeyName(name);
        byte[] id = parseKeyIdHex(parts[1]);
        byte[] typed = NoteFormat.strictBase64(parts[2], "verifier key for '" + name + "'");
        if (typed.length == 0 || typed[0] != ED25519_TYPE) {
            throw new IllegalArgumentException("verifier key for '" + name
                    + "' is not an Ed25519 (type 0x01) key");
        }
        if (typed.length != 1 + PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("verifier key for '" + name + "' has "
                    + (typed.length - 1) + " key bytes, expected " + PUBLIC_KEY_SIZE);
        }
        VerifierKey key = new VerifierKey(name, Arrays.copyOfRange(typed, 1, typed.length));
        if (!Arrays.equals(id, key.keyId)) {
            throw new IllegalArgumentException("verifier key for '" + name + "' declares key ID "
                    + parts[1] + " but its name and key give " + NoteFormat.hex(key.keyId));
        }
        return key;
    }

    static byte[] parseKeyIdHex(String hex) {
        if (hex.length() != 8) {
            throw new IllegalArgumentException("key ID '" + hex + "' must be 8 hex digits");
        }
        byte[] id = new byte[4];
        for (int i = 0; i < 8; i++) {
            char c = hex.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                v = c - 'a' + 10;
            } else {
                throw new IllegalArgumentException("key ID '" + hex + "' must be lower-case hex");
            }
            id[i / 2] |= (byte) (i % 2 == 0 ? v << 4 : v);
        }
        return id;
    }

    public String name() {
        return name;
    }

    /** The 4-byte key ID (a copy). */
    public byte[] keyId() {
        return keyId.clone();
    }

    public String keyIdHex() {
        return NoteFormat.hex(keyId);
    }

    /** The 32-byte Ed25519 public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Whether {@code signature} is a valid Ed25519 signature by this key over {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, params);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    boolean matches(String sigName, byte[] sigKeyId) {
        return name.equals(sigName) && Arrays.equals(keyId, sigKeyId);
    }

    /** The verifier key text {@code <name>+<hex key ID>+<base64(0x01 || public key)>}. */
    @Override
    public String toString() {
        byte[] typed = new byte[1 + PUBLIC_KEY_SIZE];
        typed[0] = ED25519_TYPE;
        System.arraycopy(publicKey, 0, typed, 1, PUBLIC_KEY_SIZE);
        return name + "+" + keyIdHex() + "+" + NoteFormat.base64(typed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifierKey other && name.equals(other.name)
                && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(publicKey));
    }
}
