package org.szmark.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A certification body's Ed25519 signing key, certified by the authority and sealed at rest. */
@Entity
@Table(name = "body_key")
public class BodyKey {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "body_id", nullable = false)
    public Long bodyId;

    @Column(name = "key_id", nullable = false, length = 16)
    public String keyId;

    /** First 4 bytes of the key ID in hex: what a QR token carries. */
    @Column(name = "key_id_prefix", nullable = false, length = 8)
    public String keyIdPrefix;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "sealed_private", nullable = false)
    public byte[] sealedPrivate;

    /** DER X.509 certificate issued by the authority. */
    @Column(nullable = false)
    public byte[] certificate;

    @Column(name = "not_before", nullable = false)
    public OffsetDateTime notBefore;

    @Column(name = "not_after", nullable = false)
    public OffsetDateTime notAfter;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Replaced by a newer key: signs nothing new, but what it signed stays verifiable. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    /** From this instant on, anything signed with the key is untrustworthy. */
    @Column(name = "compromised_at")
    public OffsetDateTime compromisedAt;

    @Column(name = "revocation_reason", length = 500)
    public String revocationReason;

    public boolean canSignAt(Instant now) {
        return retiredAt == null && revokedAt == null && compromisedAt == null
                && !now.isBefore(notBefore.toInstant()) && now.isBefore(notAfter.toInstant());
    }

    /** Whether a record signed at {@code signedAt} can be trusted, and if not, why. */
    public KeyTrust trustAt(Instant signedAt) {
        if (compromisedAt != null && !signedAt.isBefore(compromisedAt.toInstant())) return KeyTrust.KEY_COMPROMISED;
        if (revokedAt != null && !signedAt.isBefore(revokedAt.toInstant())) return KeyTrust.KEY_REVOKED;
        if (signedAt.isBefore(notBefore.toInstant()) || !signedAt.isBefore(notAfter.toInstant())) return KeyTrust.OUTSIDE_KEY_VALIDITY;
        return KeyTrust.TRUSTED;
    }
}
