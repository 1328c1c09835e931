package org.szmark.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The first successful response to a write sent with an Idempotency-Key. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "idem_key", nullable = false, length = 200)
    public String key;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    /**
     * {@code REFERENCE}: the body is what was done, from which the answer is rendered (Idempotency);
     * {@code ANSWER}: the body is the whole answer with status {@code responseStatus} (records of earlier versions).
     */
    @Column(name = "response_kind", nullable = false, length = 16)
    public String responseKind;

    @Column(name = "response_body", nullable = false, columnDefinition = "text")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
