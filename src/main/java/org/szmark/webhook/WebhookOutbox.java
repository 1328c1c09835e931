package org.szmark.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.BatchIssuing;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.StatusChanged;
import org.szmark.certificate.StatusEvent;
import org.szmark.config.SzmarkConfig;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.enterprise.Enterprise;
import org.szmark.qr.QrCodes;
import org.szmark.standard.Standard;
import org.szmark.webhook.WebhookViews.CertificatePart;
import org.szmark.webhook.WebhookViews.Holder;
import org.szmark.webhook.WebhookViews.Issuer;
import org.szmark.webhook.WebhookViews.PingEndpoint;
import org.szmark.webhook.WebhookViews.PingPayload;
import org.szmark.webhook.WebhookViews.StatusChangedPayload;

/**
 * Writes deliveries into the outbox table, from which {@link WebhookDispatcher} sends them outside any
 * transaction. A change's deliveries are derived after its commit by {@link WebhookFanOut}; inside the
 * change's transaction this class only notes whether a holder it touches has endpoints, so that a committed
 * change with deliveries to come starts a fan-out round at once rather than at the next poll.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final String NUDGE = WebhookOutbox.class.getName() + ".nudge";

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject QrCodes qr;
    @Inject SzmarkConfig config;
    @Inject Clock clock;
    @Inject HoldersOfTransaction holders;
    @Inject WebhookFanOut fanOut;
    @Inject TransactionSynchronizationRegistry transactions;

    void on(@Observes BatchIssuing batch) {
        if (batch.holderIds().isEmpty()) return;
        holders.remember(batch.holderIds(), holdersWithEndpoints(batch.holderIds()));
    }

    void on(@Observes StatusChanged change) {
        boolean hasEndpoints = holders.hasEndpoints(change.holderId())
                .orElseGet(() -> !holdersWithEndpoints(List.of(change.holderId())).isEmpty());
        if (hasEndpoints && transactions.getResource(NUDGE) == null) {
            transactions.putResource(NUDGE, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) fanOut.nudge();
                }
            });
        }
    }

    private List<Long> holdersWithEndpoints(java.util.Collection<Long> enterpriseIds) {
        return em.createQuery("select distinct w.enterpriseId from WebhookEndpoint w where w.enterpriseId in :e and w.deletedAt is null",
                Long.class).setParameter("e", enterpriseIds).getResultList();
    }

    /**
     * The deliveries of one committed change to the given endpoints of its holder, each with its own id and
     * the change's signed event. Everything in the body is fixed by the event and the certificate's signed
     * record, so deriving it after the commit (or again after a crash) gives the same content.
     *
     * @return the number of deliveries written
     */
    int statusChanged(StatusEvent event, Certificate c, Enterprise holder, CertificationBody body, Standard standard,
                      List<WebhookEndpoint> endpoints) {
        if (endpoints.isEmpty()) return 0;
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        CertificatePart certificate = new CertificatePart(c.number, event.toStatus, event.fromStatus, event.event, event.seq,
                event.reasonCode, event.reasonText, event.effectiveAt, event.suspendedUntil, c.expiryDate,
                base + "/api/v1/certificates/" + URLEncoder.encode(c.number, StandardCharsets.UTF_8),
                c.qrSignature == null ? null : qr.url(qr.token(c, holder.creditCode, standard.number)));
        Holder h = Holder.signed(c, holder);
        Issuer issuer = new Issuer(body.code, body.approvalNumber, body.nameZh);
        var signed = new SignedEnvelope(event.payload, event.signature, event.keyId).toMap();
        for (WebhookEndpoint endpoint : endpoints) {
            String id = UUID.randomUUID().toString();
            byte[] bytes = write(new StatusChangedPayload(id, WebhookViews.STATUS_CHANGED, event.recordedAt, certificate, h,
                    issuer, signed));
            WebhookDelivery d = newDelivery(id, endpoint, WebhookViews.STATUS_CHANGED, bytes);
            d.statusEventId = event.id;
            d.certificateNumber = c.number;
            d.event = event.event.name();
            em.persist(d);
        }
        return endpoints.size();
    }

    /** A test delivery to one endpoint, sent like any other. */
    WebhookDelivery ping(WebhookEndpoint endpoint) {
        String id = UUID.randomUUID().toString();
        WebhookDelivery d = newDelivery(id, endpoint, WebhookViews.PING,
                write(new PingPayload(id, WebhookViews.PING, now(), new PingEndpoint(endpoint.id, endpoint.url))));
        em.persist(d);
        return d;
    }

    private WebhookDelivery newDelivery(String id, WebhookEndpoint endpoint, String type, byte[] body) {
        WebhookDelivery d = new WebhookDelivery();
        d.deliveryId = id;
        d.endpointId = endpoint.id;
        d.eventType = type;
        d.body = body;
        d.state = WebhookDelivery.State.PENDING;
        d.createdAt = now();
        d.nextAttemptAt = d.createdAt;
        return d;
    }

    private byte[] write(Object payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload cannot be written", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
