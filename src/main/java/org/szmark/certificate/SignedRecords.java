package org.szmark.certificate;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.szmark.body.CertificationBody;
import org.szmark.crypto.CanonicalJson;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.Product;
import org.szmark.keys.TrustListService;
import org.szmark.standard.Standard;

/**
 * Builds the signed record formats (docs/records.md): the certificate record and the status event.
 * Output is RFC 8785 canonical JSON, so the bytes are reproducible and a verifier never re-serialises.
 */
@ApplicationScoped
public class SignedRecords {

    public static final String CERTIFICATE_TYPE = "szmark.certificate.v1";
    public static final String EVENT_TYPE = "szmark.status-event.v1";

    @Inject ObjectMapper json;

    /** The same record builder outside the container, for tools that write records in bulk. */
    public static SignedRecords using(ObjectMapper json) {
        SignedRecords r = new SignedRecords();
        r.json = json;
        return r;
    }

    public byte[] certificate(Certificate c, CertificationBody body, Enterprise holder, Product product,
                              Standard standard, String predecessorNumber) {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("code", body.code);
        issuer.put("approvalNumber", body.approvalNumber);
        issuer.put("nameZh", body.nameZh);
        put(issuer, "nameEn", body.nameEn);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("creditCode", holder.creditCode);
        h.put("nameZh", holder.nameZh);
        put(h, "nameEn", holder.nameEn);
        put(h, "address", holder.addressZh);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nameZh", product.nameZh);
        put(p, "nameEn", product.nameEn);
        p.put("model", product.model);
        put(p, "trademark", product.trademark);
        put(p, "gtin", product.gtin);
        Map<String, Object> site = new LinkedHashMap<>();
        put(site, "name", c.siteName);
        site.put("address", c.siteAddress);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", standard.number);
        s.put("titleZh", standard.titleZh);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", CERTIFICATE_TYPE);
        r.put("number", c.number);
        r.put("issuer", issuer);
        r.put("holder", h);
        r.put("product", p);
        r.put("productionSite", site);
        r.put("standard", s);
        r.put("scope", c.scope);
        r.put("certificationMode", c.certificationMode);
        r.put("issueDate", c.issueDate.toString());
        r.put("expiryDate", c.expiryDate.toString());
        r.put("firstIssueDate", c.firstIssueDate.toString());
        put(r, "predecessor", predecessorNumber);
        r.put("keyId", c.keyId);
        r.put("signedAt", TrustListService.time(c.signedAt));
        return CanonicalJson.encode(r, json);
    }

    /**
     * A status event. It names the key that signs it, the digest of the certificate record (for the
     * issuance) and of the previous event, so the history is a hash chain with no room for gaps.
     */
    public byte[] event(Certificate c, StatusEvent e, String actorRole, String bodyCode, byte[] previousPayload) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("role", actorRole);
        actor.put("account", e.actorAccount);
        put(actor, "body", bodyCode);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", EVENT_TYPE);
        r.put("certificate", c.number);
        r.put("seq", e.seq);
        r.put("event", e.event.name());
        put(r, "from", e.fromStatus == null ? null : e.fromStatus.name());
        r.put("to", e.toStatus.name());
        put(r, "reasonCode", e.reasonCode);
        put(r, "reasonText", e.reasonText);
        r.put("effectiveAt", TrustListService.time(e.effectiveAt));
        put(r, "suspendedUntil", e.suspendedUntil == null ? null : e.suspendedUntil.toString());
        r.put("recordedAt", TrustListService.time(e.recordedAt));
        r.put("actor", actor);
        if (e.seq == 1) {
            r.put("certificateDigest", digest(c.payload));
        } else {
            r.put("previousDigest", digest(previousPayload));
        }
        r.put("keyId", e.keyId);
        return CanonicalJson.encode(r, json);
    }

    /** base64url(SHA-256(bytes)) without padding. */
    public static String digest(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static OffsetDateTime seconds(OffsetDateTime t) {
        return t.withNano(0);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
