package org.szmark.crypto;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCertificatesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NAME_ZH = "深圳市标准技术研究院认证中心";
    static final String NAME_EN = "Shenzhen Standard Certification Centre";
    static final String APPROVAL = "CNCA-R-2021-123";

    private final Ed25519.KeyPair authority = Ed25519.generate(RANDOM);
    private final Ed25519.KeyPair body = Ed25519.generate(RANDOM);
    private final Ed25519.KeyPair stranger = Ed25519.generate(RANDOM);
    private final Instant notBefore = Instant.parse("2024-01-01T00:00:00.750Z");
    private final Instant notAfter = Instant.parse("2034-01-01T00:00:00Z");
    private final X509Certificate authorityCert = KeyCertificates.selfSignedAuthority(authority.privateKey(),
            authority.rawPublicKey(), "szmark Registry Root", notBefore, notAfter);

    private X509Certificate bodyCert(String nameEn, Instant from, Instant until) {
        return KeyCertificates.bodyKey(authority.privateKey(), authorityCert, body.rawPublicKey(), NAME_ZH, nameEn,
                APPROVAL, body.keyId(), from, until, BigInteger.valueOf(1001));
    }

    private X509Certificate bodyCert() {
        return bodyCert(NAME_EN, Instant.parse("2024-06-01T08:00:00Z"), Instant.parse("2027-06-01T08:00:00Z"));
    }

    private static X509CertificateHolder holder(X509Certificate c) throws Exception {
        return new X509CertificateHolder(c.getEncoded());
    }

    @Test
    void authorityCertificateIsASelfSignedCa() throws Exception {
        byte[] der = authorityCert.getEncoded();
        assertThat(KeyCertificates.signatureValid(der, authority.rawPublicKey())).isTrue();
        assertThat(KeyCertificates.signatureValid(der, stranger.rawPublicKey())).isFalse();
        assertThat(authorityCert.getVersion()).isEqualTo(3);
        assertThat(authorityCert.getSigAlgOID()).isEqualTo("1.3.101.112");
        assertThat(authorityCert.getSigAlgParams()).isNull();
        assertThat(authorityCert.getSubjectX500Principal()).isEqualTo(authorityCert.getIssuerX500Principal());
        assertThat(authorityCert.getSubjectX500Principal().getName()).isEqualTo("CN=szmark Registry Root");
        assertThat(authorityCert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        boolean[] usage = authorityCert.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(authorityCert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(authorityCert.getNonCriticalExtensionOIDs()).contains("2.5.29.14");
        X509CertificateHolder h = holder(authorityCert);
        assertThat(SubjectKeyIdentifier.fromExtensions(h.getExtensions()).getKeyIdentifier())
                .isEqualTo(KeyId.bytesOf(authority.rawPublicKey()));
        assertThat(KeyCertificates.rawPublicKey(authorityCert)).isEqualTo(authority.rawPublicKey());
        // Sub-second part of notBefore is dropped, as certificates carry whole seconds.
        assertThat(authorityCert.getNotBefore().toInstant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(authorityCert.getSerialNumber().signum()).isPositive();
        assertThat(authorityCert.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
    }

    @Test
    void bodyCertificateVerifiesOnlyUnderTheAuthorityKey() {
        byte[] der = encoded(bodyCert());
        assertThat(KeyCertificates.signatureValid(der, authority.rawPublicKey())).isTrue();
        assertThat(KeyCertificates.signatureValid(der, stranger.rawPublicKey())).isFalse();
        assertThat(KeyCertificates.signatureValid(der, body.rawPublicKey())).isFalse();
        assertThat(KeyCertificates.signatureValid(der, new byte[5])).isFalse();
        assertThat(KeyCertificates.signatureValid(der, null)).isFalse();
    }

    @Test
    void bodyCertificateSubjectAndExtensions() throws Exception {
        X509Certificate cert = bodyCert();
        X509CertificateHolder h = holder(cert);

        assertThat(KeyCertificates.approvalNumber(cert)).isEqualTo(APPROVAL);
        ASN1Encodable serialAttr = h.getSubject().getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue();
        assertThat(serialAttr).isInstanceOf(DERPrintableString.class);
        assertThat(serialAttr.toString()).isEqualTo(APPROVAL);
        ASN1Encodable org = h.getSubject().getRDNs(BCStyle.O)[0].getFirst().getValue();
        assertThat(org).isInstanceOf(DERUTF8String.class);
        assertThat(((DERUTF8String) org).getString()).isEqualTo(NAME_ZH);
        assertThat(h.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo(NAME_EN);
        assertThat(h.getIssuer()).isEqualTo(holder(authorityCert).getSubject());
        assertThat(cert.getSerialNumber()).isEqualTo(BigInteger.valueOf(1001));
        assertThat(h.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm()).isEqualTo(EdECObjectIdentifiers.id_Ed25519);

        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(BasicConstraints.fromExtensions(h.getExtensions()).isCA()).isFalse();
        assertThat(h.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(KeyUsage.fromExtensions(h.getExtensions()).hasUsages(KeyUsage.digitalSignature)).isTrue();
        assertThat(KeyUsage.fromExtensions(h.getExtensions()).hasUsages(KeyUsage.keyCertSign)).isFalse();
        assertThat(SubjectKeyIdentifier.fromExtensions(h.getExtensions()).getKeyIdentifier())
                .isEqualTo(KeyId.toBytes(body.keyId()));
        assertThat(h.getExtension(Extension.authorityKeyIdentifier).isCritical()).isFalse();
        assertThat(AuthorityKeyIdentifier.fromExtensions(h.getExtensions()).getKeyIdentifierObject().getOctets())
                .isEqualTo(KeyId.bytesOf(authority.rawPublicKey()));
        assertThat(KeyCertificates.keyId(cert)).isEqualTo(body.keyId());
        assertThat(KeyCertificates.rawPublicKey(cert)).isEqualTo(body.rawPublicKey());
    }

    @Test
    void commonNameFallsBackToKeyId() throws Exception {
        for (String en : new String[] {null, "", "   "}) {
            X509CertificateHolder h = holder(bodyCert(en, notBefore, notAfter));
            assertThat(h.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo(body.keyId());
        }
    }

    @Test
    void parsesWithTheJdkCertificateFactory() throws Exception {
        X509Certificate cert = bodyCert();
        CertificateFactory jdk = CertificateFactory.getInstance("X.509");
        X509Certificate parsed = (X509Certificate) jdk.generateCertificate(new ByteArrayInputStream(cert.getEncoded()));
        assertThat(parsed.getClass().getName()).doesNotContain("bouncycastle");
        assertThat(parsed.getEncoded()).isEqualTo(cert.getEncoded());
        assertThat(parsed.getSubjectX500Principal().getName("RFC1779")).contains("O=" + NAME_ZH)
                .contains("CN=" + NAME_EN).contains("OID.2.5.4.5=" + APPROVAL);
        assertThat(parsed.getIssuerX500Principal()).isEqualTo(authorityCert.getSubjectX500Principal());
        assertThat(parsed.getSigAlgOID()).isEqualTo("1.3.101.112");
        assertThat(parsed.getNotBefore().toInstant()).isEqualTo(Instant.parse("2024-06-01T08:00:00Z"));
        assertThat(parsed.getKeyUsage()[0]).isTrue();
        assertThat(KeyCertificates.approvalNumber(parsed)).isEqualTo(APPROVAL);
        assertThat(KeyCertificates.rawPublicKey(parsed)).isEqualTo(body.rawPublicKey());
        assertThatCode(() -> KeyCertificates.verify(parsed, authority.rawPublicKey(), Instant.parse("2025-01-01T00:00:00Z")))
                .doesNotThrowAnyException();
        assertThat(KeyCertificates.parse(cert.getEncoded()).getEncoded()).isEqualTo(cert.getEncoded());
    }

    @Test
    void verifyEnforcesValidityInclusiveOfBothEnds() throws Exception {
        Instant from = Instant.parse("2024-06-01T08:00:00Z");
        Instant until = Instant.parse("2027-06-01T08:00:00Z");
        byte[] der = encoded(bodyCert(NAME_EN, from, until));
        byte[] key = authority.rawPublicKey();

        assertThat(KeyCertificates.verify(der, key, from).getSerialNumber()).isEqualTo(BigInteger.valueOf(1001));
        assertThatCode(() -> KeyCertificates.verify(der, key, until)).doesNotThrowAnyException();
        assertThatThrownBy(() -> KeyCertificates.verify(der, key, from.minusSeconds(1)))
                .isInstanceOf(CertificateNotYetValidException.class);
        assertThatThrownBy(() -> KeyCertificates.verify(der, key, until.plusSeconds(1)))
                .isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> KeyCertificates.verify(der, stranger.rawPublicKey(), from.plus(1, ChronoUnit.DAYS)))
                .isInstanceOf(CertificateException.class).hasMessageContaining("signature");

        X509Certificate cert = KeyCertificates.parse(der);
        assertThat(KeyCertificates.validAt(cert, from)).isTrue();
        assertThat(KeyCertificates.validAt(cert, until)).isTrue();
        assertThat(KeyCertificates.validAt(cert, from.minusMillis(1))).isFalse();
        assertThat(KeyCertificates.validAt(cert, until.plusMillis(1))).isFalse();
    }

    @Test
    void handlesGeneralizedTimeAfter2049() throws Exception {
        Instant until = Instant.parse("2060-12-31T23:59:59Z");
        X509Certificate cert = bodyCert(NAME_EN, notBefore, until);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(until);
        // 0x18 = GeneralizedTime tag (RFC 5280 §4.1.2.5).
        assertThat(holder(cert).toASN1Structure().getEndDate().toASN1Primitive().getEncoded()[0]).isEqualTo((byte) 0x18);
        assertThat(holder(cert).toASN1Structure().getStartDate().toASN1Primitive().getEncoded()[0]).isEqualTo((byte) 0x17);
        assertThatCode(() -> KeyCertificates.verify(cert, authority.rawPublicKey(), Instant.parse("2055-01-01T00:00:00Z")))
                .doesNotThrowAnyException();
    }

    @Test
    void tamperedOrMalformedCertificatesFail() {
        byte[] der = encoded(bodyCert());
        byte[] key = authority.rawPublicKey();
        // Flip a byte inside the subject's common name (part of the signed TBSCertificate).
        byte[] tampered = der.clone();
        int at = indexOf(der, NAME_EN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(at).isPositive();
        tampered[at] ^= 0x01;
        assertThat(KeyCertificates.signatureValid(tampered, key)).isFalse();
        assertThatThrownBy(() -> KeyCertificates.verify(tampered, key, Instant.parse("2025-01-01T00:00:00Z")))
                .isInstanceOf(CertificateException.class);
        // Flipped last signature byte.
        byte[] badSig = der.clone();
        badSig[badSig.length - 1] ^= 0x01;
        assertThat(KeyCertificates.signatureValid(badSig, key)).isFalse();
        // Trailing garbage and truncation.
        assertThat(KeyCertificates.signatureValid(Arrays.copyOf(der, der.length + 1), key)).isFalse();
        assertThat(KeyCertificates.signatureValid(Arrays.copyOf(der, der.length - 1), key)).isFalse();
        assertThat(KeyCertificates.signatureValid(new byte[] {0x30, 0x00}, key)).isFalse();
        assertThat(KeyCertificates.signatureValid(null, key)).isFalse();
        assertThatThrownBy(() -> KeyCertificates.verify(new byte[] {1, 2, 3}, key, Instant.now()))
                .isInstanceOf(CertificateException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> KeyCertificates.parse(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void certificatePemRoundTrip() {
        X509Certificate cert = bodyCert();
        String pem = Pem.certificatePem(cert);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(encoded(Pem.certificateFromPem(pem))).isEqualTo(encoded(cert));
    }

    @Test
    void rejectsInconsistentIssuingArguments() {
        Instant from = notBefore;
        Instant until = notAfter;
        BigInteger serial = BigInteger.TEN;
        assertThatThrownBy(() -> KeyCertificates.bodyKey(authority.privateKey(), authorityCert, body.rawPublicKey(),
                NAME_ZH, NAME_EN, APPROVAL, stranger.keyId(), from, until, serial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyId");
        assertThatThrownBy(() -> KeyCertificates.bodyKey(stranger.privateKey(), authorityCert, body.rawPublicKey(),
                NAME_ZH, NAME_EN, APPROVAL, body.keyId(), from, until, serial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authority");
        X509Certificate notACa = bodyCert();
        assertThatThrownBy(() -> KeyCertificates.bodyKey(body.privateKey(), notACa, stranger.rawPublicKey(),
                NAME_ZH, NAME_EN, APPROVAL, stranger.keyId(), from, until, serial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CA");
        assertThatThrownBy(() -> KeyCertificates.bodyKey(authority.privateKey(), authorityCert, body.rawPublicKey(),
                NAME_ZH, NAME_EN, "CNCA_R_2021", body.keyId(), from, until, serial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PrintableString");
        assertThatThrownBy(() -> KeyCertificates.bodyKey(authority.privateKey(), authorityCert, body.rawPublicKey(),
                " ", NAME_EN, APPROVAL, body.keyId(), from, until, serial))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bodyNameZh");
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE.negate(), BigInteger.ONE.shiftLeft(159)}) {
            assertThatThrownBy(() -> KeyCertificates.bodyKey(authority.privateKey(), authorityCert,
                    body.rawPublicKey(), NAME_ZH, NAME_EN, APPROVAL, body.keyId(), from, until, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serial");
        }
        assertThat(KeyCertificates.bodyKey(authority.privateKey(), authorityCert, body.rawPublicKey(), NAME_ZH,
                NAME_EN, APPROVAL, body.keyId(), from, until, BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE))
                .getSerialNumber().bitLength()).isEqualTo(159);
        assertThatThrownBy(() -> bodyCert(NAME_EN, until, from))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notBefore");
        assertThatThrownBy(() -> bodyCert(NAME_EN, from, from.plusMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyCertificates.selfSignedAuthority(authority.privateKey(), stranger.rawPublicKey(),
                "x", from, until)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
