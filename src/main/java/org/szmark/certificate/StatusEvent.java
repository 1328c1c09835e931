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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One signed entry of a certificate's history; kept forever. */
@Entity
@Table(name = "status_event")
public class StatusEvent {
    @Id
    // Blocks of 50 ids (migration V6) let a batch issuance send its inserts in JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "status_event_ids")
    @SequenceGenerator(name = "status_event_ids", sequenceName = "status_event_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "certificate_id", nullable = false)
    public Long certificateId;

    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public StatusChange event;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    public CertificateStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    public CertificateStatus toStatus;

    @Column(name = "reason_code", length = 40)
    public String reasonCode;

    @Column(name = "reason_text", length = 1000)
    public String reasonText;

    @Column(name = "effective_at", nullable = false)
    public OffsetDateTime effectiveAt;

    @Column(name = "suspended_until")
    public LocalDate suspendedUntil;

    @Column(name = "actor_account", nullable = false)
    public Long actorAccount;

    @Column(nullable = false)
    public byte[] payload;

    @Column(nullable = false)
    public byte[] signature;

    @Column(name = "key_id", nullable = false, length = 16)
    public String keyId;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /**
     * Index of this event's entry in the public log (docs/log.md); set in the transaction that records
     * it, by the insert or by the log's append statement (LogService), never by an entity update.
     */
    @Column(name = "log_index", unique = true, updatable = false)
    public Long logIndex;
}
