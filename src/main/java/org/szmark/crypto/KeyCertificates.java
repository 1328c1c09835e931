package org.szmark.crypto;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;

/**
 * X.509 v3 certificates (RFC 5280) for the registry's Ed25519 keys, signed with Ed25519 as
 * specified by RFC 8410 §6 (signatureAlgorithm id-Ed25519, 1.3.101.112, parameters absent; the
 * signature is the 64-byte RFC 8032 signature over the DER TBSCertificate).
 *
 * <p>Two profiles:
 * <ul>
 *   <li>{@link #selfSignedAuthority}: the registry's root. BasicConstraints cA=TRUE (critical,
 *       RFC 5280 §4.2.1.9), KeyUsage keyCertSign|cRLSign (critical, §4.2.1.3),
 *       SubjectKeyIdentifier (§4.2.1.2).</li>
 *   <li>{@link #bodyKey}: a certification body's signing key. Subject O = the body's name
 *       (UTF8String, Chinese allowed), serialNumber (2.5.4.5, PrintableString per X.520) = the
 *       CNCA approval number, CN = the English name or, without one, the key ID.
 *       BasicConstraints cA=FALSE (critical), KeyUsage digitalSignature (critical),
 *       SubjectKeyIdentifier = the 8 bytes of the {@link KeyId}, AuthorityKeyIdentifier = the
 *       authority's SubjectKeyIdentifier (§4.2.1.1).</li>
 * </ul>
 * Signing and verification use the BouncyCastle lightweight Ed25519 code via {@link Ed25519};
 * only the conversion to {@link X509Certificate} goes through the BouncyCastle JCA provider.
 * Validity instants are truncated to whole seconds, the resolution of UTCTime/GeneralizedTime
 * in certificates (RFC 5280 §4.1.2.5.1, §4.1.2.5.2).
 */
public final class KeyCertificates {

    /** RFC 8410 §3: id-Ed25519, parameters absent. */
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private static final SecureRandom SERIALS = new SecureRandom();

    private KeyCertificates() {
    }

    // ---- issuing ----

    /** Self-signed authority certificate with a random 128-bit serial number. */
    public static X509Certificate selfSignedAuthority(Ed25519PrivateKeyParameters privateKey, byte[] publicKey,
            String commonName, Instant notBefore, Instant notAfter) {
        return selfSignedAuthority(privateKey, publicKey, commonName, notBefore, notAfter, randomSerial());
    }

    /** Self-signed authority certificate (see the class description for its extensions). */
    public static X509Certificate selfSignedAuthority(Ed25519PrivateKeyParameters privateKey, byte[] publicKey,
            String commonName, Instant notBefore, Instant notAfter, BigInteger serial) {
        Objects.requireNonNull(privateKey, "privateKey");
        requireMatchingKey(privateKey, publicKey, "authority public key");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, new DERUTF8String(requireText(commonName, "commonName")))
                .build();
        X509v3CertificateBuilder builder = builder(subject, serial, notBefore, notAfter, subject, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            // RFC 5280 §4.2.1.2: SubjectKeyIdentifier MUST NOT be critical. RFC 5280 §4.2.1.1
            // lets a self-signed certificate omit AuthorityKeyIdentifier.
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(KeyId.bytesOf(publicKey)));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode certificate extensions", e);
        }
        return sign(builder, privateKey);
    }

    /**
     * Certificate binding a certification body's Ed25519 public key to its identity, issued by the
     * authority.
     *
     * @param bodyNameZh the body's registered (Chinese) name, required
     * @param bodyNameEn English name used as CN; may be null or blank, then the key ID is the CN
     * @param approvalNumber CNCA approval number; must consist of PrintableString characters
     *     (letters, digits, space and {@code '()+,-./:=?})
     * @param keyId must equal {@link KeyId#of(byte[])} of {@code bodyPublicKey}
     * @param serial positive, at most 20 octets (RFC 5280 §4.1.2.2); the caller keeps it unique
     * @throws IllegalArgumentException for inconsistent or malformed arguments, including an
     *     authority key that does not match the authority certificate, or an authority
     *     certificate that is not a CA
     */
    public static X509Certificate bodyKey(Ed25519PrivateKeyParameters authorityPrivateKey,
            X509Certificate authorityCertificate, byte[] bodyPublicKey, String bodyNameZh, String bodyNameEn,
            String approvalNumber, String keyId, Instant notBefore, Instant notAfter, BigInteger serial) {
        Objects.requireNonNull(authorityPrivateKey, "authorityPrivateKey");
        Objects.requireNonNull(authorityCertificate, "authorityCertificate");
        X509CertificateHolder authority = holder(authorityCertificate);
        byte[] authorityPublicKey = Pem.rawPublicKey(authority.getSubjectPublicKeyInfo());
        requireMatchingKey(authorityPrivateKey, authorityPublicKey, "authority certificate's public key");
        BasicConstraints authorityConstraints = BasicConstraints.fromExtensions(authority.getExtensions());
        if (authorityConstraints == null || !authorityConstraints.isCA()) {
            throw new IllegalArgumentException("authority certificate is not a CA certificate");
        }
        Ed25519.publicKey(bodyPublicKey);
        String expectedKeyId = KeyId.of(bodyPublicKey);
        if (!expectedKeyId.equals(keyId)) {
            throw new IllegalArgumentException("keyId " + KeyId.describe(keyId)
                    + " does not match the body public key (its key ID is " + expectedKeyId + ")");
        }
        String zh = requireText(bodyNameZh, "bodyNameZh");
        String approval = requireText(approvalNumber, "approvalNumber");
        if (!DERPrintableString.isPrintableString(approval)) {
            throw new IllegalArgumentException("approvalNumber \"" + approval
                    + "\" contains characters outside PrintableString (X.520 serialNumber)");
        }
        String cn = bodyNameEn == null || bodyNameEn.isBlank() ? keyId : bodyNameEn.strip();

        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, new DERUTF8String(zh))
                .addRDN(BCStyle.SERIALNUMBER, new DERPrintableString(approval, true))
                .addRDN(BCStyle.CN, new DERUTF8String(cn))
                .build();
        X509v3CertificateBuilder builder = builder(authority.getSubject(), serial, notBefore, notAfter, subject,
                bodyPublicKey);
        byte[] authorityKeyId;
        SubjectKeyIdentifier authoritySki = SubjectKeyIdentifier.fromExtensions(authority.getExtensions());
        authorityKeyId = authoritySki != null ? authoritySki.getKeyIdentifier() : KeyId.bytesOf(authorityPublicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(KeyId.toBytes(keyId)));
            // RFC 5280 §4.2.1.1: MUST be present in non-self-signed certificates, non-critical.
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(authorityKeyId));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode certificate extensions", e);
        }
        return sign(builder, authorityPrivateKey);
    }

    // ---- reading ----

    /**
     * Parses a DER certificate with the BouncyCastle provider.
     *
     * @throws IllegalArgumentException if the bytes are not exactly one DER-encoded certificate
     */
    public static X509Certificate parse(byte[] der) {
        Certificate structure = structure(der);
        try {
            return Pem.parseWithJca(structure.getEncoded(ASN1Encoding.DER));
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot parse certificate: " + e.getMessage(), e);
        }
    }

    /** The raw 32-byte Ed25519 subject public key; throws if the certificate holds another key type. */
    public static byte[] rawPublicKey(X509Certificate certificate) {
        return Pem.rawPublicKey(holder(certificate).getSubjectPublicKeyInfo());
    }

    /** {@link KeyId} of the certificate's subject public key. */
    public static String keyId(X509Certificate certificate) {
        return KeyId.of(rawPublicKey(certificate));
    }

    /** The subject's serialNumber attribute (2.5.4.5): the approval number, or null if absent. */
    public static String approvalNumber(X509Certificate certificate) {
        RDN[] rdns = holder(certificate).getSubject().getRDNs(BCStyle.SERIALNUMBER);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : value.toString();
    }

    // ---- verification ----

    /**
     * True if {@code certificateDer} is a DER certificate whose Ed25519 signature verifies under
     * {@code authorityPublicKey}. Never throws: malformed input gives false.
     */
    public static boolean signatureValid(byte[] certificateDer, byte[] authorityPublicKey) {
        try {
            Certificate c = structure(certificateDer);
            // RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal the TBSCertificate's signature field.
            if (!ED25519.equals(c.getSignatureAlgorithm()) || !ED25519.equals(c.getTBSCertificate().getSignature())) {
                return false;
            }
            // RFC 8410 §6: the signature is the 64-byte Ed25519 value in the BIT STRING, no unused bits.
            if (c.getSignature().getPadBits() != 0) {
                return false;
            }
            byte[] tbs = c.getTBSCertificate().getEncoded(ASN1Encoding.DER);
            return Ed25519.verify(authorityPublicKey, tbs, c.getSignature().getOctets());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True if {@code at} lies within notBefore..notAfter, both inclusive (RFC 5280 §4.1.2.5). */
    public static boolean validAt(X509Certificate certificate, Instant at) {
        Objects.requireNonNull(at, "at");
        return !at.isBefore(certificate.getNotBefore().toInstant())
                && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    /**
     * Checks signature and validity of a DER certificate.
     *
     * @throws CertificateNotYetValidException if {@code at} is before notBefore
     * @throws CertificateExpiredException if {@code at} is after notAfter
     * @throws CertificateException if the bytes are malformed or the signature does not verify
     *     under {@code authorityPublicKey}
     */
    public static X509Certificate verify(byte[] certificateDer, byte[] authorityPublicKey, Instant at)
            throws CertificateException {
        Objects.requireNonNull(at, "at");
        X509Certificate certificate;
        try {
            certificate = parse(certificateDer);
        } catch (IllegalArgumentException e) {
            throw new CertificateException("malformed certificate", e);
        }
        if (!signatureValid(certificateDer, authorityPublicKey)) {
            throw new CertificateException("certificate signature does not verify under the authority key");
        }
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (at.isBefore(notBefore)) {
            throw new CertificateNotYetValidException("certificate is not valid before " + notBefore);
        }
        if (at.isAfter(notAfter)) {
            throw new CertificateExpiredException("certificate expired at " + notAfter);
        }
        return certificate;
    }

    /** {@link #verify(byte[], byte[], Instant)} for an already parsed certificate. */
    public static void verify(X509Certificate certificate, byte[] authorityPublicKey, Instant at)
            throws CertificateException {
        verify(certificate.getEncoded(), authorityPublicKey, at);
    }

    // ---- internals ----

    private static Certificate structure(byte[] der) {
        Objects.requireNonNull(der, "der");
        Certificate c;
        try {
            c = Certificate.getInstance(der);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
        if (c == null) {
            throw new IllegalArgumentException("not an X.509 certificate");
        }
        try {
            // Only DER has one encoding per certificate (X.690 §10); the signature covers the
            // TBSCertificate's DER, so a BER variant or trailing bytes are refused outright.
            if (!Arrays.equals(c.getEncoded(ASN1Encoding.DER), der)) {
                throw new IllegalArgumentException("certificate is not in DER form or has trailing bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("certificate cannot be re-encoded", e);
        }
        return c;
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, BigInteger serial, Instant notBefore,
            Instant notAfter, X500Name subject, byte[] publicKey) {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        // RFC 5280 §4.1.2.2: positive, at most 20 octets (bitLength ≤ 159 leaves room for the sign bit).
        if (serial.signum() <= 0 || serial.bitLength() > 159) {
            throw new IllegalArgumentException("serial number must be positive and at most 20 octets");
        }
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant until = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("notBefore " + from + " must be before notAfter " + until);
        }
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(ED25519, publicKey);
        // BouncyCastle's Time(Date) picks UTCTime through 2049 and GeneralizedTime from 2050 on,
        // as RFC 5280 §4.1.2.5 requires.
        return new X509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(until), subject, spki);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, Ed25519PrivateKeyParameters key) {
        X509CertificateHolder holder = builder.build(new Ed25519ContentSigner(key));
        try {
            return new JcaX509CertificateConverter().setProvider(BcProvider.get()).getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot convert issued certificate", e);
        }
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private static void requireMatchingKey(Ed25519PrivateKeyParameters privateKey, byte[] publicKey, String what) {
        Ed25519.publicKey(publicKey);
        if (!Arrays.equals(Ed25519.rawPublicKey(privateKey), publicKey)) {
            throw new IllegalArgumentException(what + " does not belong to the given private key");
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, SERIALS);
        } while (serial.signum() == 0);
        return serial;
    }

    /** Signs the DER TBSCertificate that the builder streams in with pure Ed25519 (RFC 8410 §6). */
    private static final class Ed25519ContentSigner implements ContentSigner {
        private final Ed25519PrivateKeyParameters key;
        private final ByteArrayOutputStream tbs = new ByteArrayOutputStream(512);

        Ed25519ContentSigner(Ed25519PrivateKeyParameters key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return ED25519;
        }

        @Override
        public OutputStream getOutputStream() {
            return tbs;
        }

        @Override
        public byte[] getSignature() {
            return Ed25519.sign(key, tbs.toByteArray());
        }
    }
}
