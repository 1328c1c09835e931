package org.szmark.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.szmark.body.BodyRepository;
import org.szmark.body.CertificationBody;
import org.szmark.crypto.CanonicalJson;
import org.szmark.crypto.SignedEnvelope;

/**
 * The trust list: every body key ever valid, with its authority-issued certificate and revocation
 * facts, signed by the authority key. With it and the authority key a verifier needs nothing else.
 */
@ApplicationScoped
public class TrustListService {

    public static final String TYPE = "szmark.trust-list.v1";

    @Inject BodyKeyService keys;
    @Inject BodyRepository bodies;
    @Inject KeyMaterial material;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    public SignedEnvelope current() {
        Map<Long, CertificationBody> byId = new LinkedHashMap<>();
        bodies.listAll().forEach(b -> byId.put(b.id, b));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BodyKey k : keys.all()) {
            CertificationBody b = byId.get(k.bodyId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", b.code);
            body.put("approvalNumber", b.approvalNumber);
            body.put("nameZh", b.nameZh);
            putIfSet(body, "nameEn", b.nameEn);
            body.put("status", b.status.name());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("keyId", k.keyId);
            e.put("algorithm", "Ed25519");
            e.put("publicKey", Base64.getEncoder().encodeToString(k.publicKey));
            e.put("certificate", Base64.getEncoder().encodeToString(k.certificate));
            e.put("body", body);
            e.put("notBefore", time(k.notBefore));
            e.put("notAfter", time(k.notAfter));
            putIfSet(e, "retiredAt", time(k.retiredAt));
            putIfSet(e, "revokedAt", time(k.revokedAt));
            putIfSet(e, "compromisedAt", time(k.compromisedAt));
            entries.add(e);
        }
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("keyId", material.authorityKeyId());
        authority.put("publicKey", Base64.getEncoder().encodeToString(material.authorityPublicKey()));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("type", TYPE);
        list.put("issuedAt", time(OffsetDateTime.now(clock)));
        list.put("authority", authority);
        list.put("keys", entries);
        return material.signAsAuthority(CanonicalJson.encode(list, json));
    }

    /** RFC 3339 UTC with second precision: the one timestamp spelling in signed records. */
    public static String time(OffsetDateTime t) {
        return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void putIfSet(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
