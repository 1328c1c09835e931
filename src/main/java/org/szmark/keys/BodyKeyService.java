package org.szmark.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.szmark.body.CertificationBody;
import org.szmark.common.Conflict;
import org.szmark.common.NotFound;
import org.szmark.crypto.Ed25519;
import org.szmark.crypto.KeyCertificates;
import org.szmark.crypto.KeyId;
import org.szmark.crypto.SignedEnvelope;

/**
 * Body signing keys: certified by the authority, sealed at rest, rotated and revoked by the authority,
 * and used by the registry to sign on a body's behalf.
 */
@ApplicationScoped
public class BodyKeyService {

    /** How long a body key may sign; records it signed stay verifiable after that. */
    static final long KEY_VALIDITY_DAYS = 5 * 366;

    @Inject BodyKeyRepository keys;
    @Inject KeyMaterial material;
    @Inject Clock clock;

    private final SecureRandom random = new SecureRandom();
    /** Opened private keys by key ID: opening is cheap but not free, and signing is on the hot path. */
    private final Map<String, Ed25519PrivateKeyParameters> opened = new ConcurrentHashMap<>();

    /** A key ready to sign for a body. */
    public record Signer(String keyId, Ed25519PrivateKeyParameters key) {
        public SignedEnvelope sign(byte[] canonicalPayload) {
            return SignedEnvelope.sign(canonicalPayload, keyId, key);
        }

        /** A bare Ed25519 signature, for formats that carry their own framing (QR tokens). */
        public byte[] signRaw(byte[] message) {
            return Ed25519.sign(key, message);
        }
    }

    /** Certifies a fresh key for the body and retires its previous keys (they stay verifiable). */
    @Transactional
    public BodyKey issue(CertificationBody body) {
        if (body.status == org.szmark.body.BodyStatus.WITHDRAWN) {
            throw new Conflict("body-withdrawn", "Body " + body.code + " was withdrawn and gets no new keys");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Ed25519.KeyPair pair;
        String keyId;
        // The 4-byte prefix in QR tokens must name one key; collisions are rare enough to just redraw.
        do {
            pair = Ed25519.generate(random);
            keyId = KeyId.of(pair.rawPublicKey());
        } while (keys.findByPrefix(keyId.substring(0, 8)).isPresent());
        for (BodyKey old : keys.usableOf(body.id)) {
            old.retiredAt = at(now);
        }
        Instant notAfter = now.plus(KEY_VALIDITY_DAYS, ChronoUnit.DAYS);
        var cert = KeyCertificates.bodyKey(material.authorityKey(), material.authorityCertificate(), pair.rawPublicKey(),
                body.nameZh, body.nameEn == null ? body.nameZh : body.nameEn, body.approvalNumber, keyId, now, notAfter,
                new BigInteger(1, KeyId.bytesOf(pair.rawPublicKey())));
        BodyKey k = new BodyKey();
        k.bodyId = body.id;
        k.keyId = keyId;
        k.keyIdPrefix = keyId.substring(0, 8);
        k.publicKey = pair.rawPublicKey();
        k.sealedPrivate = material.sealer().seal(pair.rawPrivateKey(), keyId.getBytes(StandardCharsets.US_ASCII));
        try {
            k.certificate = cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        k.notBefore = at(now);
        k.notAfter = at(notAfter);
        k.createdAt = at(now);
        keys.persist(k);
        return k;
    }

    /**
     * Revokes a key. With a compromise time, every record it signed from then on is untrustworthy;
     * without one, the revocation time is the cut-off. A body whose signing key is revoked gets a new one.
     */
    @Transactional
    public BodyKey revoke(CertificationBody body, String keyId, Instant compromisedAt, String reason) {
        BodyKey k = keys.findByKeyId(keyId).filter(x -> x.bodyId.equals(body.id))
                .orElseThrow(() -> new NotFound("Body " + body.code + " has no key " + keyId));
        if (k.revokedAt != null) {
            throw new Conflict("key-revoked", "Key " + keyId + " is already revoked");
        }
        Instant now = clock.instant();
        boolean wasSigning = k.canSignAt(now);
        k.revokedAt = at(now);
        k.compromisedAt = compromisedAt == null ? null : at(compromisedAt.isAfter(now) ? now : compromisedAt);
        k.revocationReason = reason;
        opened.remove(keyId);
        if (wasSigning && body.status == org.szmark.body.BodyStatus.ACTIVE) {
            issue(body);
        }
        return k;
    }

    /** The key a body signs with now; refuses when there is none. */
    public Signer signerFor(long bodyId) {
        Instant now = clock.instant();
        BodyKey k = keys.usableOf(bodyId).stream().filter(x -> x.canSignAt(now)).findFirst()
                .orElseThrow(() -> new Conflict("no-signing-key", "The body has no valid signing key; the authority must certify one"));
        return new Signer(k.keyId, opened.computeIfAbsent(k.keyId, id -> Ed25519.privateKey(
                material.sealer().open(k.sealedPrivate, id.getBytes(StandardCharsets.US_ASCII)))));
    }

    public Optional<BodyKey> find(String keyId) {
        return keys.findByKeyId(keyId);
    }

    public Optional<BodyKey> findByPrefix(String prefixHex) {
        return keys.findByPrefix(prefixHex);
    }

    public List<BodyKey> ofBody(long bodyId) {
        return keys.ofBody(bodyId);
    }

    public List<BodyKey> all() {
        return keys.allKeys();
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
