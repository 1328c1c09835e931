package org.szmark.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A certificate: the signed record as issued, plus its current stored status. */
@Entity
@Table(name = "certificate")
public class Certificate {
    @Id
    // Blocks of 50 ids (migration V6) let a batch issuance send its inserts in JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_ids")
    @SequenceGenerator(name = "certificate_ids", sequenceName = "certificate_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 40)
    public String number;

    @Column(name = "body_id", nullable = false)
    public Long bodyId;

    @Column(name = "holder_id", nullable = false)
    public Long holderId;

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Column(name = "standard_id", nullable = false)
    public Long standardId;

    /** VALID, SUSPENDED, REVOKED or CANCELLED; EXPIRED is derived when read. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CertificateStatus status;

    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;

    @Column(name = "expiry_date", nullable = false)
    public LocalDate expiryDate;

    @Column(name = "first_issue_date", nullable = false)
    public LocalDate firstIssueDate;

    @Column(name = "predecessor_id")
    public Long predecessorId;

    @Column(name = "successor_id")
    public Long successorId;

    @Column(nullable = false, length = 1000)
    public String scope;

    @Column(name = "certification_mode", nullable = false, length = 200)
    public String certificationMode;

    @Column(name = "site_name", length = 200)
    public String siteName;

    @Column(name = "site_address", nullable = false, length = 300)
    public String siteAddress;

    @Column(name = "suspended_until")
    public LocalDate suspendedUntil;

    @Column(name = "status_reason_code", length = 40)
    public String statusReasonCode;

    @Column(name = "status_reason_text", length = 1000)
    public String statusReasonText;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    /** Number of events in the history; the next event gets {@code eventCount + 1}. */
    @Column(name = "event_count", nullable = false)
    public int eventCount;

    /** Canonical JSON (RFC 8785) of the certificate record, exactly the signed bytes. */
    @Column(nullable = false)
    public byte[] payload;

    @Column(nullable = false)
    public byte[] signature;

    @Column(name = "key_id", nullable = false, length = 16)
    public String keyId;

    /** Ed25519 signature of the QR claims bytes (docs/qr-token.md) by the same key. */
    @Column(name = "qr_signature")
    public byte[] qrSignature;

    @Column(name = "signed_at", nullable = false)
    public OffsetDateTime signedAt;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    /** Surveillance audits recorded (migration V18); kept with the row so a view needs no other read. */
    @Column(name = "surveillance_count", nullable = false)
    public int surveillanceCount;

    /** Date of the latest surveillance audit, or null before the first (then surveillance counts from the issue date). */
    @Column(name = "last_surveillance_on")
    public LocalDate lastSurveillanceOn;

    /** Result of that audit: PASSED, PASSED_WITH_FINDINGS or FAILED. */
    @Column(name = "last_surveillance_result", length = 24)
    public String lastSurveillanceResult;

    @Version
    public long version;

    public CertificateStatus statusOn(LocalDate day) {
        if (status.isFinal()) return status;
        return expiryDate.isBefore(day) ? CertificateStatus.EXPIRED : status;
    }
}
