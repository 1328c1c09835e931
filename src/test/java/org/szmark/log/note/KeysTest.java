package org.szmark.log.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeysTest {

    private static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    @Test
    void generatedKeysSignAndVerifyAndRoundTrip() {
        NoteSigner signer = NoteSigner.generate("example.com/log", new SecureRandom());
        byte[] msg = "hello\n".getBytes(StandardCharsets.UTF_8);
        byte[] sig = signer.sign(msg);
        assertThat(sig).hasSize(64);
        assertThat(signer.verifierKey().verify(msg, sig)).isTrue();
        assertThat(signer.verifierKey().verify("hellO\n".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(signer.verifierKey().verify(msg, new byte[63])).isFalse();
        NoteSigner again = NoteSigner.parse(signer.encodePrivateKey());
        assertThat(again.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(again.sign(msg)).isEqualTo(sig);
        assertThat(VerifierKey.parse(signer.verifierKey().toString())).isEqualTo(signer.verifierKey());
        assertThat(signer.keyId()).isEqualTo(VerifierKey.keyId("example.com/log", signer.verifierKey().publicKey()));
    }

    @Test
    void signerToStringDoesNotRevealThePrivateKey() {
        NoteSigner signer = NoteSigner.parse(SKEY);
        assertThat(signer.toString()).contains(VKEY).doesNotContain("AYEKFALV").doesNotContain("PRIVATE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "PeterNeumann", "PeterNeumann+c74f20a3", "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumanN+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+",
        "PeterNeumann+c74f20a3+BRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\n",
        "PeterNeumann+c74f20a3+ ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+BA=="
    })
    void malformedVerifierKeysAreRejected(String vkey) {
        assertThatThrownBy(() -> VerifierKey.parse(vkey)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF",
        "PRIVATE+KEY+Other+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3"
    })
    void malformedPrivateKeysAreRejectedWithoutEchoingTheSeed(String skey) {
        assertThatThrownBy(() -> NoteSigner.parse(skey)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("AYEKFALVFGyNhPJEMzD1QIDr");
    }

    @Test
    void keyNameRules() {
        byte[] pub = VerifierKey.parse(VKEY).publicKey();
        for (String name : new String[] {"", "a b", "a+b", "a\tb", "a\u00a0b", "a\u2003b", "a\u0085b",
            "a\nb", "a\u0001b"}) {
            assertThatThrownBy(() -> VerifierKey.keyId(name, pub)).as("name %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VerifierKey(name, pub)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new VerifierKey("\u4f8b\u3048.example/\u30ed\u30b0", pub).name()).isEqualTo("\u4f8b\u3048.example/\u30ed\u30b0");
        assertThatThrownBy(() -> new VerifierKey("ok", new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
