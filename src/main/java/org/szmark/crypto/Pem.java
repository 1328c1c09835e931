package org.szmark.crypto;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * PEM text (RFC 7468) and DER structures for Ed25519 keys and certificates.
 *
 * <ul>
 *   <li>Private keys: PKCS#8 PrivateKeyInfo under the label "PRIVATE KEY" (RFC 7468 §10), with
 *       algorithm id-Ed25519 (1.3.101.112) and absent parameters, and the 32-byte seed wrapped as
 *       CurvePrivateKey ::= OCTET STRING inside the privateKey OCTET STRING (RFC 8410 §7).</li>
 *   <li>Public keys: SubjectPublicKeyInfo under "PUBLIC KEY" (RFC 7468 §13), the 32-byte key as
 *       the subjectPublicKey BIT STRING (RFC 8410 §4).</li>
 *   <li>Certificates: "CERTIFICATE" (RFC 7468 §5).</li>
 * </ul>
 * Output uses 64-character base64 lines and LF line ends (RFC 7468 §2, strict form).
 */
public final class Pem {

    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String PUBLIC_KEY = "PUBLIC KEY";
    public static final String CERTIFICATE = "CERTIFICATE";

    /** RFC 8410 §3: id-Ed25519 with the parameters field absent. */
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private Pem() {
    }

    // ---- DER ----

    /**
     * PKCS#8 DER of an Ed25519 private key (RFC 8410 §7), always the 48 bytes
     * {@code 30 2e 02 01 00 30 05 06 03 2b 65 70 04 22 04 20 || seed}: version 0, no attributes
     * and no public key, which is the form every PKCS#8 reader accepts.
     */
    public static byte[] privateKeyDer(Ed25519PrivateKeyParameters privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        byte[] seed = privateKey.getEncoded();
        try {
            // PrivateKeyInfo wraps its argument's DER in the outer OCTET STRING, so passing an
            // OCTET STRING of the seed yields the CurvePrivateKey nesting of RFC 8410 §7.
            return new PrivateKeyInfo(ED25519, new DEROctetString(seed)).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Parses a PKCS#8 Ed25519 private key. Accepts version 1 (OneAsymmetricKey, RFC 5958 §2) as
     * well, checking that an embedded public key matches the private key.
     */
    public static Ed25519PrivateKeyParameters privateKeyFromDer(byte[] der) {
        Objects.requireNonNull(der, "der");
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo structure", e);
        }
        if (info == null) {
            throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo structure");
        }
        requireEd25519(info.getPrivateKeyAlgorithm(), "private key");
        byte[] seed;
        try {
            seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Ed25519 private key is not a CurvePrivateKey OCTET STRING (RFC 8410 §7)", e);
        }
        if (seed.length != Ed25519.PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key must be "
                    + Ed25519.PRIVATE_KEY_LENGTH + " bytes, got " + seed.length);
        }
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(seed, 0);
        Arrays.fill(seed, (byte) 0);
        if (info.getPublicKeyData() != null) {
            byte[] embedded = info.getPublicKeyData().getOctets();
            if (!Arrays.equals(embedded, Ed25519.rawPublicKey(key))) {
                throw new IllegalArgumentException("PKCS#8 public key does not match the private key");
            }
        }
        return key;
    }

    /** SubjectPublicKeyInfo DER of a raw public key (RFC 8410 §4): 12-byte prefix || key. */
    public static byte[] publicKeyDer(byte[] rawPublicKey) {
        Ed25519.publicKey(rawPublicKey);
        try {
            return new SubjectPublicKeyInfo(ED25519, rawPublicKey).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    /** Raw 32-byte Ed25519 public key from SubjectPublicKeyInfo DER. */
    public static byte[] rawPublicKeyFromDer(byte[] spkiDer) {
        Objects.requireNonNull(spkiDer, "spkiDer");
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(spkiDer);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a SubjectPublicKeyInfo structure", e);
        }
        if (info == null) {
            throw new IllegalArgumentException("not a SubjectPublicKeyInfo structure");
        }
        return rawPublicKey(info);
    }

    static byte[] rawPublicKey(SubjectPublicKeyInfo info) {
        requireEd25519(info.getAlgorithm(), "public key");
        if (info.getPublicKeyData().getPadBits() != 0) {
            throw new IllegalArgumentException("Ed25519 public key BIT STRING has unused bits");
        }
        byte[] raw = info.getPublicKeyData().getOctets();
        Ed25519.publicKey(raw);
        return raw;
    }

    private static void requireEd25519(AlgorithmIdentifier algorithm, String what) {
        if (!EdECObjectIdentifiers.id_Ed25519.equals(algorithm.getAlgorithm())) {
            throw new IllegalArgumentException(what + " algorithm is " + algorithm.getAlgorithm().getId()
                    + ", expected Ed25519 (1.3.101.112)");
        }
        // RFC 8410 §3: "the parameters MUST be absent".
        if (algorithm.getParameters() != null) {
            throw new IllegalArgumentException(what + " Ed25519 AlgorithmIdentifier has parameters (RFC 8410 §3)");
        }
    }

    // ---- PEM ----

    public static String privateKeyPem(Ed25519PrivateKeyParameters privateKey) {
        byte[] der = privateKeyDer(privateKey);
        try {
            return encode(PRIVATE_KEY, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    public static Ed25519PrivateKeyParameters privateKeyFromPem(String pem) {
        byte[] der = decode(pem, PRIVATE_KEY);
        try {
            return privateKeyFromDer(der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    public static String publicKeyPem(byte[] rawPublicKey) {
        return encode(PUBLIC_KEY, publicKeyDer(rawPublicKey));
    }

    public static String publicKeyPem(Ed25519PublicKeyParameters publicKey) {
        return publicKeyPem(publicKey.getEncoded());
    }

    /** Raw 32-byte public key from "PUBLIC KEY" PEM text. */
    public static byte[] publicKeyFromPem(String pem) {
        return rawPublicKeyFromDer(decode(pem, PUBLIC_KEY));
    }

    public static String certificatePem(X509Certificate certificate) {
        try {
            return encode(CERTIFICATE, certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** Parses "CERTIFICATE" PEM text (with the BouncyCastle provider). */
    public static X509Certificate certificateFromPem(String pem) {
        return KeyCertificates.parse(decode(pem, CERTIFICATE));
    }

    /** RFC 7468 §2 strict encoding: 64-character lines, LF line ends, trailing newline. */
    public static String encode(String label, byte[] der) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(der, "der");
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Decodes the first PEM block of {@code pem}, which must carry {@code expectedLabel}. Text
     * before the block (RFC 7468 §5.2 explanatory text) is ignored.
     */
    public static byte[] decode(String pem, String expectedLabel) {
        Objects.requireNonNull(pem, "pem");
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
        }
        if (object == null) {
            throw new IllegalArgumentException("no PEM block found (expected \"" + expectedLabel + "\")");
        }
        if (!object.getType().equals(expectedLabel)) {
            throw new IllegalArgumentException("PEM block is \"" + object.getType()
                    + "\", expected \"" + expectedLabel + "\"");
        }
        if (object.getContent().length == 0) {
            throw new IllegalArgumentException("PEM block \"" + expectedLabel + "\" is empty");
        }
        return object.getContent();
    }

    static X509Certificate parseWithJca(byte[] der) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509", BcProvider.get());
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    }
}
