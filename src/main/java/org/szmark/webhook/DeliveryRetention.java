package org.szmark.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Removes finished deliveries (delivered, failed, cancelled) and their attempts once they are older than
 * {@code szmark.retention.webhook-deliveries}. A pending delivery is never removed, however old: it is a
 * promise not yet kept.
 */
@ApplicationScoped
public class DeliveryRetention {

    static final List<WebhookDelivery.State> FINISHED =
            List.of(WebhookDelivery.State.DELIVERED, WebhookDelivery.State.FAILED, WebhookDelivery.State.CANCELLED);

    @Inject EntityManager em;

    /**
     * Deletes up to {@code limit} finished deliveries created before {@code cutoff}, attempts first, in the
     * caller's transaction; returns how many deliveries went. Age is counted from creation: a delivery
     * finishes within its retries (hours at most with the default backoff), long before it is purged.
     */
    public int purgeFinishedBefore(OffsetDateTime cutoff, int limit) {
        List<Long> ids = em.createQuery("select d.id from WebhookDelivery d where d.createdAt < :cutoff and d.state in :finished",
                        Long.class)
                .setParameter("cutoff", cutoff).setParameter("finished", FINISHED).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) return 0;
        em.createQuery("delete from WebhookAttempt a where a.deliveryRowId in :ids").setParameter("ids", ids).executeUpdate();
        // Finished is final, but say it again so no reading of the above could ever remove a pending one.
        return em.createQuery("delete from WebhookDelivery d where d.id in :ids and d.state in :finished")
                .setParameter("ids", ids).setParameter("finished", FINISHED).executeUpdate();
    }
}
