package org.szmark.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeySealerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private final byte[] master = randomBytes(32);
    private final KeySealer sealer = new KeySealer(master);
    private final byte[] privateKey = Ed25519.generate(RANDOM).rawPrivateKey();
    private final byte[] aad = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void roundTrip() {
        byte[] sealed = sealer.seal(privateKey, aad);
        assertThat(sealed).hasSize(KeySealer.NONCE_LENGTH + privateKey.length + KeySealer.TAG_LENGTH);
        assertThat(sealer.open(sealed, aad)).isEqualTo(privateKey);
        assertThat(new KeySealer(master.clone()).open(sealed, aad)).isEqualTo(privateKey);
        assertThat(sealer.open(sealer.seal(new byte[0], aad), aad)).isEmpty();
    }

    @Test
    void usesAFreshNonceEachTime() {
        byte[] a = sealer.seal(privateKey, aad);
        byte[] b = sealer.seal(privateKey, aad);
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
        assertThat(a).isNotEqualTo(b);
        // The plaintext does not appear in the output.
        assertThat(HEX.formatHex(a)).doesNotContain(HEX.formatHex(privateKey).substring(0, 16));
    }

    @Test
    void matchesGcmSpecificationTestCase16() {
        // AES-256, 96-bit IV, with AAD (McGrew & Viega, GCM specification, Test Case 16).
        byte[] key = HEX.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
        byte[] plaintext = HEX.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] data = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        String ciphertext = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662";
        String tag = "76fc6ece0f4e1768cddf8853bb2d551b";

        SecureRandom fixedNonce = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(iv, 0, bytes, 0, bytes.length);
            }
        };
        KeySealer kat = new KeySealer(key, fixedNonce);
        byte[] sealed = kat.seal(plaintext, data);
        assertThat(HEX.formatHex(sealed)).isEqualTo("cafebabefacedbaddecaf888" + ciphertext + tag);
        assertThat(kat.open(sealed, data)).isEqualTo(plaintext);
    }

    @Test
    void rejectsTamperedNonceCiphertextOrTag() {
        byte[] sealed = sealer.seal(privateKey, aad);
        int[] positions = {0, 11, 12, 12 + 31, sealed.length - 16, sealed.length - 1};
        for (int i : positions) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> sealer.open(tampered, aad))
                    .as("byte %d", i)
                    .isInstanceOf(KeySealer.TamperedException.class)
                    .hasMessageContaining("failed authentication");
        }
        assertThatThrownBy(() -> sealer.open(java.util.Arrays.copyOf(sealed, sealed.length - 1), aad))
                .isInstanceOf(KeySealer.TamperedException.class);
        assertThatThrownBy(() -> sealer.open(new byte[27], aad))
                .isInstanceOf(KeySealer.TamperedException.class).hasMessageContaining("truncated");
    }

    @Test
    void rejectsOtherAad() {
        byte[] sealed = sealer.seal(privateKey, aad);
        byte[] otherKeyId = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> sealer.open(sealed, otherKeyId)).isInstanceOf(KeySealer.TamperedException.class);
        assertThatThrownBy(() -> sealer.open(sealed, new byte[0])).isInstanceOf(KeySealer.TamperedException.class);
    }

    @Test
    void rejectsOtherMasterKey() {
        byte[] sealed = sealer.seal(privateKey, aad);
        byte[] otherMaster = master.clone();
        otherMaster[31] ^= 0x01;
        assertThatThrownBy(() -> new KeySealer(otherMaster).open(sealed, aad))
                .isInstanceOf(KeySealer.TamperedException.class);
    }

    @Test
    void copiesTheMasterKey() {
        byte[] key = randomBytes(32);
        KeySealer s = new KeySealer(key);
        byte[] sealed = s.seal(privateKey, aad);
        key[0] ^= 1;
        assertThat(s.open(sealed, aad)).isEqualTo(privateKey);
    }

    @Test
    void masterKeyFromBase64RequiresExactly32Bytes() {
        byte[] key = randomBytes(32);
        String b64 = Base64.getEncoder().encodeToString(key);
        assertThat(KeySealer.masterKeyFromBase64(b64)).isEqualTo(key);
        assertThat(KeySealer.masterKeyFromBase64("  " + b64 + "\n")).isEqualTo(key);
        assertThatThrownBy(() -> KeySealer.masterKeyFromBase64(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 31");
        assertThatThrownBy(() -> KeySealer.masterKeyFromBase64(Base64.getEncoder().encodeToString(new byte[33])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 33");
        assertThatThrownBy(() -> KeySealer.masterKeyFromBase64("not*base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64")
                .hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> KeySealer.masterKeyFromBase64(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not configured");
        assertThatThrownBy(() -> KeySealer.masterKeyFromBase64("  "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorRequires32ByteKey() {
        assertThatThrownBy(() -> new KeySealer(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new KeySealer(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}
