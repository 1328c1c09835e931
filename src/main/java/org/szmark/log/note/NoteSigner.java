package org.szmark.log.note;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 note signing key with its key name. BouncyCastle's lightweight Ed25519 is used rather
 * than the JDK provider because it is about twenty times faster here.
 */
public final class NoteSigner {

    private static final String SKEY_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final Ed25519PrivateKeyParameters privateKey;
    private final VerifierKey verifierKey;

    public NoteSigner(String name, Ed25519PrivateKeyParameters privateKey) {
        NoteFormat.checkKeyName(name);
        if (privateKey == null) {
            throw new IllegalArgumentException("private key must not be null");
        }
        this.name = name;
        this.privateKey = privateKey;
        this.verifierKey = new VerifierKey(name, privateKey.generatePublicKey().getEncoded());
    }

    /** A fresh key pair. */
    public static NoteSigner generate(String name, SecureRandom random) {
        return new NoteSigner(name, new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Parses the private key text {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}
     * (the encoding of golang.org/x/mod/sumdb/note), checking the key ID against the derived
     * public key.
     *
     * @throws IllegalArgumentException if the text is malformed or the key ID does not match
     */
    public static NoteSigner parse(String skey) {
        if (skey == null || !skey.startsWith(SKEY_PREFIX)) {
            throw new IllegalArgumentException("private key must start with " + SKEY_PREFIX);
        }
        if (skey.length() > 1024) {
            throw new IllegalArgumentException("private key text is too long");
        }
        String[] parts = skey.substring(SKEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("private key must have the form PRIVATE+KEY+name+keyid+key");
        }
        String name = NoteFormat.checkKeyName(parts[0]);
        byte[] id = VerifierKey.parseKeyIdHex(parts[1]);
        byte[] typed;
        try {
            typed = NoteFormat.strictBase64(parts[2], "private key");
        } catch (IllegalArgumentException e) {
            // Do not echo any part of the secret.
            throw new IllegalArgumentException("private key for '" + name + "' is not canonical base64");
        }
        if (typed.length != 1 + Ed25519PrivateKeyParameters.KEY_SIZE || typed[0] != VerifierKey.ED25519_TYPE) {
            throw new IllegalArgumentException("private key for '" + name
                    + "' is not a type 0x01 Ed25519 seed of 32 bytes");
        }
        NoteSigner signer = new NoteSigner(name, new Ed25519PrivateKeyParameters(typed, 1));
        Arrays.fill(typed, (byte) 0);
        if (!Arrays.equals(id, signer.verifierKey.keyId())) {
            throw new IllegalArgumentException("private key for '" + name + "' declares key ID "
                    + parts[1] + " but its public key gives " + signer.verifierKey.keyIdHex());
        }
        return signer;
    }

    /** The private key text {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}. */
    public String encodePrivateKey() {
        byte[] typed = new byte[1 + Ed25519PrivateKeyParameters.KEY_SIZE];
        typed[0] = VerifierKey.ED25519_TYPE;
        privateKey.encode(typed, 1);
        String s = SKEY_PREFIX + name + "+" + verifierKey.keyIdHex() + "+" + NoteFormat.base64(typed);
        Arrays.fill(typed, (byte) 0);
        return s;
    }

    public String name() {
        return name;
    }

    /** The 4-byte key ID (a copy). */
    public byte[] keyId() {
        return verifierKey.keyId();
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** Raw 64-byte Ed25519 signature (RFC 8032) over {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Names the key without revealing it. */
    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey + "]";
    }
}
