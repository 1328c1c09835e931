package org.szmark.crypto;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemTest {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 8410 §10.3 (private key) and §10.1 (the matching public key).
    static final String RFC8410_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
            -----END PRIVATE KEY-----
            """;
    static final String RFC8410_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
            -----END PUBLIC KEY-----
            """;
    static final String RFC8410_SEED = "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
    static final String RFC8410_PUBLIC_RAW = "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

    @Test
    void readsAndReproducesRfc8410PrivateKeyExample() {
        Ed25519PrivateKeyParameters key = Pem.privateKeyFromPem(RFC8410_PRIVATE);
        assertThat(HEX.formatHex(key.getEncoded())).isEqualTo(RFC8410_SEED);
        assertThat(Pem.privateKeyPem(key)).isEqualTo(RFC8410_PRIVATE);
        assertThat(HEX.formatHex(Ed25519.rawPublicKey(key))).isEqualTo(RFC8410_PUBLIC_RAW);
    }

    @Test
    void readsAndReproducesRfc8410PublicKeyExample() {
        byte[] raw = Pem.publicKeyFromPem(RFC8410_PUBLIC);
        assertThat(HEX.formatHex(raw)).isEqualTo(RFC8410_PUBLIC_RAW);
        assertThat(Pem.publicKeyPem(raw)).isEqualTo(RFC8410_PUBLIC);
        assertThat(Pem.publicKeyPem(Ed25519.publicKey(raw))).isEqualTo(RFC8410_PUBLIC);
    }

    @Test
    void derLayoutMatchesRfc8410() {
        Ed25519PrivateKeyParameters key = Ed25519.privateKey(HEX.parseHex(RFC8410_SEED));
        assertThat(HEX.formatHex(Pem.privateKeyDer(key)))
                .isEqualTo("302e020100300506032b657004220420" + RFC8410_SEED);
        assertThat(HEX.formatHex(Pem.publicKeyDer(HEX.parseHex(RFC8410_PUBLIC_RAW))))
                .isEqualTo("302a300506032b6570032100" + RFC8410_PUBLIC_RAW);
    }

    @Test
    void roundTripsGeneratedKeys() {
        Ed25519.KeyPair pair = Ed25519.generate(new SecureRandom());
        String privatePem = Pem.privateKeyPem(pair.privateKey());
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Pem.privateKeyFromPem(privatePem).getEncoded()).isEqualTo(pair.rawPrivateKey());
        assertThat(Pem.publicKeyFromPem(Pem.publicKeyPem(pair.rawPublicKey()))).isEqualTo(pair.rawPublicKey());
        // CRLF line ends and explanatory text before the block are accepted (RFC 7468 §2, §5.2).
        String crlf = "Subject: test key\r\n" + privatePem.replace("\n", "\r\n");
        assertThat(Pem.privateKeyFromPem(crlf).getEncoded()).isEqualTo(pair.rawPrivateKey());
    }

    @Test
    void acceptsVersion2WithMatchingPublicKeyOnly() throws Exception {
        Ed25519.KeyPair pair = Ed25519.generate(new SecureRandom());
        AlgorithmIdentifier alg = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
        byte[] withPublic = new PrivateKeyInfo(alg, new DEROctetString(pair.rawPrivateKey()), null,
                pair.rawPublicKey()).getEncoded(ASN1Encoding.DER);
        assertThat(Pem.privateKeyFromDer(withPublic).getEncoded()).isEqualTo(pair.rawPrivateKey());

        byte[] otherPublic = Ed25519.generate(new SecureRandom()).rawPublicKey();
        byte[] mismatched = new PrivateKeyInfo(alg, new DEROctetString(pair.rawPrivateKey()), null,
                otherPublic).getEncoded(ASN1Encoding.DER);
        assertThatThrownBy(() -> Pem.privateKeyFromDer(mismatched))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void rejectsOtherAlgorithmsAndShapes() throws Exception {
        // An X25519 private key: same PKCS#8 shape, other algorithm (id-X25519, 1.3.101.110).
        String x25519 = """
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VuBCIEIDiAPLOIoXjQKdlY7IskZiYoOizmVw5HyhnXazcNaEFn
                -----END PRIVATE KEY-----
                """;
        assertThatThrownBy(() -> Pem.privateKeyFromPem(x25519))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.3.101.110");

        // Parameters present (RFC 8410 §3 says they MUST be absent).
        AlgorithmIdentifier withNull = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519, DERNull.INSTANCE);
        byte[] spki = new SubjectPublicKeyInfo(withNull, new byte[32]).getEncoded(ASN1Encoding.DER);
        assertThatThrownBy(() -> Pem.rawPublicKeyFromDer(spki))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters");

        // Seed of the wrong length inside a well-formed structure.
        byte[] shortSeed = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                new DEROctetString(new byte[31])).getEncoded(ASN1Encoding.DER);
        assertThatThrownBy(() -> Pem.privateKeyFromDer(shortSeed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");

        assertThatThrownBy(() -> Pem.privateKeyFromDer(new byte[] {0x30, 0x00}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.privateKeyFromDer(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsWrongLabelOrMissingBlock() {
        assertThatThrownBy(() -> Pem.privateKeyFromPem(RFC8410_PUBLIC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"PUBLIC KEY\"");
        assertThatThrownBy(() -> Pem.publicKeyFromPem(RFC8410_PRIVATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"PRIVATE KEY\"");
        assertThatThrownBy(() -> Pem.publicKeyFromPem("no pem here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> Pem.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\nMCow\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.publicKeyPem(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
