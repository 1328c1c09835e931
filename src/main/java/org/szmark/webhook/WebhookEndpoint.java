package org.szmark.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An enterprise's webhook endpoint; its signing secret is stored sealed under the master key. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enterprise_id", nullable = false)
    public Long enterpriseId;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(length = 500)
    public String description;

    /** AES-256-GCM sealed secret, associated data {@link WebhookSecrets#aad(long)}. */
    @Column(name = "sealed_secret", nullable = false)
    public byte[] sealedSecret;

    /** The first characters of the secret, so an operator can tell which secret a receiver holds. */
    @Column(name = "secret_hint", nullable = false, length = 16)
    public String secretHint;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /**
     * The last log index committed when the endpoint was registered: it receives the changes logged after it
     * (WebhookFanOut). Log order is commit order, so this is exact where registration times are not.
     */
    @Column(name = "after_log_index", nullable = false)
    public long afterLogIndex;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
