package org.szmark.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
 * Writes deliveries into the outbox. Status changes are observed inside their own transaction, so a
 * change that rolls back leaves no delivery and a committed one always has its deliveries; sending happens
 * later, outside any transaction, in {@link WebhookDispatcher}.
 */
@ApplicationScoped
public class WebhookOutbox {

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject QrCodes qr;
    @Inject SzmarkConfig config;
    @Inject Clock clock;
    @Inject EndpointsOfTransaction batchEndpoints;

    void on(@Observes BatchIssuing batch) {
        if (batch.holderIds().isEmpty()) return;
        batchEndpoints.remember(batch.holderIds(), liveEndpointsOf(batch.holderIds()));
    }

    void on(@Observes StatusChanged change) {
        List<WebhookEndpoint> endpoints = batchEndpoints.of(change.holderId())
                .orElseGet(() -> liveEndpointsOf(List.of(change.holderId())));
        if (endpoints.isEmpty()) return;
        // Read from the persistence context, without a flush: the event and certificate were persisted in
        // this transaction, the others read by it. Deliveries take sequence keys, so they are inserted with
        // the transaction's other rows at its flush, in JDBC batches, and always before the log lock
        // (LogService.append): a holder's many endpoints add rows, never time under that lock.
        StatusEvent event = em.find(StatusEvent.class, change.eventId());
        Certificate c = em.find(Certificate.class, change.certificateId());
        Enterprise holder = em.find(Enterprise.class, change.holderId());
        CertificationBody body = em.find(CertificationBody.class, change.bodyId());
        Standard standard = em.find(Standard.class, c.standardId);
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        CertificatePart certificate = new CertificatePart(c.number, change.to(), change.from(), change.event(), change.seq(),
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
            d.event = change.event().name();
            em.persist(d);
        }
    }

    private List<WebhookEndpoint> liveEndpointsOf(java.util.Collection<Long> enterpriseIds) {
        return em.createQuery("from WebhookEndpoint w where w.enterpriseId in :e and w.deletedAt is null order by w.id",
                WebhookEndpoint.class).setParameter("e", enterpriseIds).getResultList();
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
