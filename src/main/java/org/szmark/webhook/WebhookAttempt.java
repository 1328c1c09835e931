package org.szmark.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One POST to a receiver and what came of it. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The {@link WebhookDelivery#id} row, not its public id. */
    @Column(name = "delivery_id", nullable = false)
    public Long deliveryRowId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "error_message", length = 500)
    public String error;
}
