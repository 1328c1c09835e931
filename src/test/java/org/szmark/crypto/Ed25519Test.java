package org.szmark.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 8032 §7.1, TEST 1 (empty message).
    static final byte[] TEST1_SECRET = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] TEST1_PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final byte[] TEST1_MESSAGE = new byte[0];
    static final byte[] TEST1_SIGNATURE = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    // RFC 8032 §7.1, TEST 2 (one-byte message 0x72).
    static final byte[] TEST2_SECRET = HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    static final byte[] TEST2_PUBLIC = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    static final byte[] TEST2_MESSAGE = HEX.parseHex("72");
    static final byte[] TEST2_SIGNATURE = HEX.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

    @Test
    void rfc8032Test1() {
        checkVector(TEST1_SECRET, TEST1_PUBLIC, TEST1_MESSAGE, TEST1_SIGNATURE);
    }

    @Test
    void rfc8032Test2() {
        checkVector(TEST2_SECRET, TEST2_PUBLIC, TEST2_MESSAGE, TEST2_SIGNATURE);
    }

    private static void checkVector(byte[] secret, byte[] expectedPublic, byte[] message, byte[] expectedSignature) {
        Ed25519PrivateKeyParameters key = Ed25519.privateKey(secret);
        assertThat(Ed25519.rawPublicKey(key)).isEqualTo(expectedPublic);
        assertThat(Ed25519.KeyPair.of(key).rawPublicKey()).isEqualTo(expectedPublic);
        assertThat(Ed25519.sign(key, message)).isEqualTo(expectedSignature);
        assertThat(Ed25519.verify(expectedPublic, message, expectedSignature)).isTrue();
        byte[] other = message.length == 0 ? new byte[] {0} : new byte[0];
        assertThat(Ed25519.verify(expectedPublic, other, expectedSignature)).isFalse();
    }

    @Test
    void vectorsDoNotCrossVerify() {
        assertThat(Ed25519.verify(TEST1_PUBLIC, TEST2_MESSAGE, TEST2_SIGNATURE)).isFalse();
        assertThat(Ed25519.verify(TEST2_PUBLIC, TEST1_MESSAGE, TEST1_SIGNATURE)).isFalse();
    }

    @Test
    void signVerifyRoundTrip() {
        SecureRandom random = new SecureRandom();
        Ed25519.KeyPair pair = Ed25519.generate(random);
        Ed25519.KeyPair other = Ed25519.generate(random);
        byte[] message = "证书 SZ-2024-0001".getBytes(StandardCharsets.UTF_8);

        byte[] signature = Ed25519.sign(pair.privateKey(), message);
        assertThat(signature).hasSize(Ed25519.SIGNATURE_LENGTH);
        assertThat(Ed25519.sign(pair.privateKey(), message)).as("deterministic (RFC 8032 §5.1.6)").isEqualTo(signature);
        assertThat(Ed25519.verify(pair.rawPublicKey(), message, signature)).isTrue();
        assertThat(Ed25519.verify(other.rawPublicKey(), message, signature)).isFalse();

        byte[] tamperedMessage = message.clone();
        tamperedMessage[0] ^= 1;
        assertThat(Ed25519.verify(pair.rawPublicKey(), tamperedMessage, signature)).isFalse();
        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] tampered = signature.clone();
            tampered[i] ^= (byte) 0x80;
            assertThat(Ed25519.verify(pair.rawPublicKey(), message, tampered)).isFalse();
        }
        assertThat(pair.rawPublicKey()).hasSize(32);
        assertThat(pair.rawPrivateKey()).hasSize(32);
        assertThat(Ed25519.privateKey(pair.rawPrivateKey()).getEncoded()).isEqualTo(pair.rawPrivateKey());
        assertThat(pair.toString()).contains(pair.keyId()).doesNotContain(HEX.formatHex(pair.rawPrivateKey()));
    }

    @Test
    void verifyNeverThrowsOnMalformedInput() {
        byte[] msg = TEST2_MESSAGE;
        assertThat(Ed25519.verify(null, msg, TEST2_SIGNATURE)).isFalse();
        assertThat(Ed25519.verify(TEST2_PUBLIC, null, TEST2_SIGNATURE)).isFalse();
        assertThat(Ed25519.verify(TEST2_PUBLIC, msg, null)).isFalse();
        assertThat(Ed25519.verify(new byte[31], msg, TEST2_SIGNATURE)).isFalse();
        assertThat(Ed25519.verify(new byte[33], msg, TEST2_SIGNATURE)).isFalse();
        assertThat(Ed25519.verify(new byte[0], msg, TEST2_SIGNATURE)).isFalse();
        assertThat(Ed25519.verify(TEST2_PUBLIC, msg, new byte[63])).isFalse();
        assertThat(Ed25519.verify(TEST2_PUBLIC, msg, new byte[65])).isFalse();
        assertThat(Ed25519.verify(TEST2_PUBLIC, msg, new byte[64])).isFalse();
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xFF);
        assertThat(Ed25519.verify(notAPoint, msg, TEST2_SIGNATURE)).isFalse();
        // S >= L (all 0xFF) must be rejected (RFC 8032 §5.1.7 step 1).
        byte[] bigS = TEST2_SIGNATURE.clone();
        java.util.Arrays.fill(bigS, 32, 64, (byte) 0xFF);
        assertThat(Ed25519.verify(TEST2_PUBLIC, msg, bigS)).isFalse();
    }

    @Test
    void rejectsWrongLengthKeysWhenWrapping() {
        assertThatThrownBy(() -> Ed25519.privateKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519.publicKey(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Ed25519.publicKey(TEST1_PUBLIC).getEncoded()).isEqualTo(TEST1_PUBLIC);
    }

    // ---- KeyId ----

    @Test
    void keyIdIsFirstEightBytesOfSha256InLowerHex() {
        // Expected values from `xxd -r -p | sha256sum` over the RFC 8032 public keys.
        assertThat(KeyId.of(TEST1_PUBLIC)).isEqualTo("21fe31dfa154a261");
        assertThat(KeyId.of(TEST2_PUBLIC)).isEqualTo("39f713d0a644253f");
        assertThat(KeyId.bytesOf(TEST1_PUBLIC)).isEqualTo(HEX.parseHex("21fe31dfa154a261"));
        assertThat(KeyId.toBytes("39f713d0a644253f")).isEqualTo(KeyId.bytesOf(TEST2_PUBLIC));
        assertThat(Ed25519.KeyPair.of(Ed25519.privateKey(TEST1_SECRET)).keyId()).isEqualTo("21fe31dfa154a261");
    }

    @Test
    void keyIdRejectsWrongLengthKeysAndValidatesShape() {
        assertThatThrownBy(() -> KeyId.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyId.of(new byte[64])).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyId.isWellFormed("0123456789abcdef")).isTrue();
        assertThat(KeyId.isWellFormed("0123456789ABCDEF")).isFalse();
        assertThat(KeyId.isWellFormed("0123456789abcde")).isFalse();
        assertThat(KeyId.isWellFormed("0123456789abcdef0")).isFalse();
        assertThat(KeyId.isWellFormed("0123456789abcdeg")).isFalse();
        assertThat(KeyId.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> KeyId.toBytes("XYZ")).isInstanceOf(IllegalArgumentException.class);
    }
}
