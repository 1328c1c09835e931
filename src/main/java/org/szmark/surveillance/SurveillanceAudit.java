package org.szmark.surveillance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A surveillance audit a body recorded against one of its certificates. A record of the body's, not a signed
 * one: it changes no status and is not in the public log; what the public sees of it is the certificate's
 * count, latest audit and next due date.
 */
@Entity
@Table(name = "surveillance_audit")
public class SurveillanceAudit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_id", nullable = false)
    public Long certificateId;

    @Column(name = "audit_date", nullable = false)
    public LocalDate auditDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public AuditResult result;

    @Column(length = 2000)
    public String notes;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public Long recordedBy;
}
