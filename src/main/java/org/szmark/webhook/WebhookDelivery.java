package org.szmark.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One event to deliver to one endpoint: the outbox row and the summary of its attempts. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Schema(name = "DeliveryState")
    public enum State { PENDING, DELIVERED, FAILED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_ids")
    @SequenceGenerator(name = "webhook_delivery_ids", sequenceName = "webhook_delivery_id_seq", allocationSize = 50)
    public Long id;

    /** Public id: the payload's {@code id} and the {@code Szmark-Webhook-Id} header, the same on every retry. */
    @Column(name = "delivery_id", nullable = false, length = 36)
    public String deliveryId;

    @Column(name = "endpoint_id", nullable = false)
    public Long endpointId;

    @Column(name = "event_type", nullable = false, length = 40)
    public String eventType;

    @Column(name = "status_event_id")
    public Long statusEventId;

    @Column(name = "certificate_number", length = 40)
    public String certificateNumber;

    @Column(length = 16)
    public String event;

    /** The exact JSON bytes sent, fixed when the delivery is recorded. */
    @Column(nullable = false)
    public byte[] body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "lease_token", length = 36)
    public String leaseToken;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
