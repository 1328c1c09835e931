package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * Verifies what the registry returns the way an outside verifier would: only plain BouncyCastle calls
 * written here, the authority key, and the trust list.
 */
@QuarkusTest
class SignatureVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        s.update(message, 0, message.length);
        return s.verifySignature(signature);
    }

    static byte[] b64url(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    /** Checks the trust list against the authority key and returns the listed key with this ID. */
    static JsonNode trustedKey(String keyId) throws Exception {
        JsonPath authority = anonymous().get("/trust-list/authority").then().statusCode(200).extract().jsonPath();
        byte[] authorityKey = Base64.getDecoder().decode(authority.getString("publicKey"));
        JsonPath list = anonymous().get("/trust-list").then().statusCode(200).extract().jsonPath();
        byte[] payload = b64url(list.getString("payload"));
        assertThat(list.getString("keyId")).isEqualTo(authority.getString("keyId"));
        assertThat(verify(authorityKey, payload, b64url(list.getString("signature")))).as("trust list signature").isTrue();
        JsonNode tl = JSON.readTree(payload);
        assertThat(tl.get("type").asText()).isEqualTo("szmark.trust-list.v1");
        for (JsonNode k : tl.get("keys")) {
            if (k.get("keyId").asText().equals(keyId)) return k;
        }
        throw new AssertionError("key " + keyId + " not in the trust list");
    }

    @Test
    void certificateAndEventsVerifyAgainstTheTrustList() throws Exception {
        Api.Issuer issuer = Api.newIssuer();
        JsonPath cert = as(issuer.token()).body(issuer.request()).post("/api/v1/certificates").then().statusCode(201)
                .extract().jsonPath();
        String keyId = cert.getString("signed.keyId");
        JsonNode key = trustedKey(keyId);
        byte[] publicKey = Base64.getDecoder().decode(key.get("publicKey").asText());
        assertThat(key.get("body").get("code").asText()).isEqualTo(issuer.body());

        // the key's X.509 certificate is issued by the authority and names the body's approval number
        byte[] der = Base64.getDecoder().decode(key.get("certificate").asText());
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
                .generateCertificate(new ByteArrayInputStream(der));
        byte[] authorityKey = Base64.getDecoder().decode(anonymous().get("/trust-list/authority").jsonPath().getString("publicKey"));
        var spki = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.edec.EdECObjectIdentifiers.id_Ed25519), authorityKey);
        var bc = new BouncyCastleProvider();
        x509.verify(java.security.KeyFactory.getInstance("Ed25519", bc)
                .generatePublic(new java.security.spec.X509EncodedKeySpec(spki.getEncoded())), bc);
        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(x509.getSubjectX500Principal().getEncoded());
        assertThat(subject.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.SERIALNUMBER)[0].getFirst().getValue().toString())
                .isEqualTo(key.get("body").get("approvalNumber").asText());

        byte[] payload = b64url(cert.getString("signed.payload"));
        byte[] signature = b64url(cert.getString("signed.signature"));
        assertThat(signature).hasSize(64);
        assertThat(verify(publicKey, payload, signature)).isTrue();
        JsonNode record = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        assertThat(record.get("type").asText()).isEqualTo("szmark.certificate.v1");
        assertThat(record.get("number").asText()).isEqualTo(cert.getString("number"));
        assertThat(record.get("holder").get("creditCode").asText()).isEqualTo(issuer.holder());
        assertThat(record.get("standard").get("number").asText()).isEqualTo(issuer.standard());
        assertThat(record.get("keyId").asText()).isEqualTo(keyId);

        String issued = cert.getString("history[0].signed.payload");
        assertThat(verify(publicKey, b64url(issued), b64url(cert.getString("history[0].signed.signature")))).isTrue();
        assertThat(JSON.readTree(b64url(issued)).get("certificateDigest").asText())
                .isEqualTo(SignedRecords.digest(payload));

        // tampering: any flipped byte of payload or signature fails
        for (int i = 0; i < payload.length; i += 7) {
            byte[] p = payload.clone();
            p[i] ^= 0x01;
            assertThat(verify(publicKey, p, signature)).as("payload byte %d", i).isFalse();
        }
        for (int i = 0; i < 64; i++) {
            byte[] s = signature.clone();
            s[i] ^= (byte) 0x80;
            assertThat(verify(publicKey, payload, s)).as("signature byte %d", i).isFalse();
        }
    }

    @Test
    void recordsSignedAfterAKeyCompromiseAreUntrustworthy() throws Exception {
        Api.Issuer issuer = Api.newIssuer();
        String before = issuer.issue();
        String keyId = anonymous().get("/api/v1/certificates/" + before).jsonPath().getString("signed.keyId");
        Thread.sleep(1100); // signing times have second precision
        String after = issuer.issue();
        String compromisedAt = anonymous().get("/api/v1/certificates/" + after).jsonPath().getString("history[0].recordedAt");

        authority().body(Map.of("compromisedAt", compromisedAt, "reason", "HSM backup stolen"))
                .post("/api/v1/bodies/" + issuer.body() + "/keys/" + keyId + "/revoke").then().statusCode(200)
                .extract().path("compromisedAt");

        anonymous().get("/api/v1/certificates/" + before).then().statusCode(200)
                .body("signature.keyTrust", org.hamcrest.Matchers.equalTo("TRUSTED"))
                .body("markUsable", org.hamcrest.Matchers.equalTo(true));
        anonymous().get("/api/v1/certificates/" + after).then().statusCode(200)
                .body("signature.keyTrust", org.hamcrest.Matchers.equalTo("KEY_COMPROMISED"))
                .body("markUsable", org.hamcrest.Matchers.equalTo(false));

        JsonNode key = trustedKey(keyId);
        assertThat(Instant.parse(key.get("compromisedAt").asText())).isEqualTo(Instant.parse(compromisedAt));
        // the body got a new key and keeps issuing with it
        String next = issuer.issue();
        JsonPath n = anonymous().get("/api/v1/certificates/" + next).jsonPath();
        assertThat(n.getString("signed.keyId")).isNotEqualTo(keyId);
        assertThat(n.getString("signature.keyTrust")).isEqualTo("TRUSTED");
    }

    @Test
    void rotationKeepsOldRecordsVerifiable() throws Exception {
        Api.Issuer issuer = Api.newIssuer();
        String old = issuer.issue();
        String oldKey = anonymous().get("/api/v1/certificates/" + old).jsonPath().getString("signed.keyId");
        String newKey = authority().post("/api/v1/bodies/" + issuer.body() + "/keys").then().statusCode(201).extract().path("keyId");
        String fresh = issuer.issue();
        assertThat(anonymous().get("/api/v1/certificates/" + fresh).jsonPath().getString("signed.keyId")).isEqualTo(newKey);
        JsonPath o = anonymous().get("/api/v1/certificates/" + old).jsonPath();
        assertThat(o.getString("signature.keyTrust")).isEqualTo("TRUSTED");
        JsonNode k = trustedKey(oldKey);
        assertThat(k.has("retiredAt")).isTrue();
        assertThat(verify(Base64.getDecoder().decode(k.get("publicKey").asText()), b64url(o.getString("signed.payload")),
                b64url(o.getString("signed.signature")))).isTrue();
    }
}
