package org.szmark.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViews.RegisteredNow;
import org.szmark.certificate.SignedCertificate;
import org.szmark.certificate.StatusChange;
import org.szmark.enterprise.Enterprise;
import org.szmark.text.FreeText;

/** JSON shapes of the webhooks API and of the payloads the registry sends (docs/webhooks.md). */
public final class WebhookViews {
    private WebhookViews() {}

    /** {@code url} is checked by {@link WebhookUrls} so every refusal names the field the same way. */
    @Schema(name = "WebhookRequest")
    public record CreateRequest(String url, @Size(max = 500) @FreeText String description) {}

    /** An endpoint; {@code secret} is present only in the response that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointView(long id, String url, String description, String secretHint, OffsetDateTime createdAt,
                               String secret) {
        static EndpointView of(WebhookEndpoint e, String secret) {
            return new EndpointView(e.id, e.url, e.description, e.secretHint, e.createdAt, secret);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(int attempt, OffsetDateTime at, int durationMs, Integer statusCode, String error) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.durationMs, a.statusCode, neutral(a.error));
        }
    }

    /**
     * A recorded error as the API shows it: one of the words the dispatcher records today. Rows recorded by
     * earlier versions may hold the failure's own text (an exception message, a certificate's subject); they
     * are shown by what they meant, never as stored.
     */
    static String neutral(String error) {
        if (error == null) return null;
        if (error.equals(WebhookDispatcher.REFUSED) || error.equals(WebhookDispatcher.UNREACHABLE)
                || error.equals(WebhookDispatcher.NOT_SIGNED) || error.matches("answered [1-5][0-9]{2}")) {
            return error;
        }
        if (error.startsWith("host does not resolve to a public address")) return WebhookDispatcher.REFUSED;
        if (error.startsWith("signing secret cannot be opened")) return WebhookDispatcher.NOT_SIGNED;
        return WebhookDispatcher.UNREACHABLE;
    }

    /** One delivery in the log; {@code payload} and {@code attemptLog} only when a single delivery is read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(String id, String type, String certificate, String event, WebhookDelivery.State state,
                               int attempts, Integer lastStatusCode, String lastError, OffsetDateTime lastAttemptAt,
                               OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, OffsetDateTime createdAt,
                               List<AttemptView> attemptLog, @JsonRawValue String payload) {
        static DeliveryView of(WebhookDelivery d, List<WebhookAttempt> attempts) {
            return new DeliveryView(d.deliveryId, d.eventType, d.certificateNumber, d.event, d.state, d.attempts,
                    d.lastStatusCode, neutral(d.lastError), d.lastAttemptAt, d.nextAttemptAt, d.deliveredAt, d.createdAt,
                    attempts == null ? null : attempts.stream().map(AttemptView::of).toList(),
                    attempts == null ? null : new String(d.body, StandardCharsets.UTF_8));
        }
    }

    // ---- payloads ----

    public static final String STATUS_CHANGED = "certificate.status-changed";
    public static final String PING = "webhook.ping";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusChangedPayload(String id, String type, OffsetDateTime occurredAt, CertificatePart certificate,
                                       Holder holder, Issuer issuer, Map<String, String> signedEvent) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificatePart(String number, CertificateStatus status, CertificateStatus previousStatus,
                                  StatusChange event, int seq, String reasonCode, String reasonText,
                                  OffsetDateTime effectiveAt, LocalDate suspendedUntil, LocalDate expiryDate,
                                  String apiUrl, String verifyUrl) {}

    /**
     * The holder as the certificate's signed record names it, never as renamed since; {@code registeredNow}
     * gives the registered names where they differ now (docs/webhooks.md).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Holder(String creditCode, String nameZh, String nameEn, RegisteredNow registeredNow) {
        static Holder signed(Certificate c, Enterprise now) {
            SignedCertificate.Holder s = SignedCertificate.parse(c.payload).holder();
            return new Holder(s.creditCode(), s.nameZh(), s.nameEn(), RegisteredNow.ofHolderName(s, now.nameZh, now.nameEn));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issuer(String code, String approvalNumber, String nameZh) {}

    public record PingPayload(String id, String type, OffsetDateTime occurredAt, PingEndpoint endpoint) {}

    public record PingEndpoint(long id, String url) {}
}
