package org.szmark.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;

/** One write in the audit trail; inserted once and never changed (see {@link AuditTrail}). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {
    /** The role recorded for the registry's own writes at start-up, which no account made. */
    public static final String SYSTEM = "SYSTEM";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "actor_account")
    public Long actorAccount;

    @Column(name = "actor_role", nullable = false, length = 16)
    public String actorRole;

    @Column(nullable = false, length = 48)
    public String action;

    @Column(name = "target_type", nullable = false, length = 32)
    public String targetType;

    @Column(name = "target_id", nullable = false, length = 64)
    public String targetId;

    @Column(length = 500)
    public String detail;
}
