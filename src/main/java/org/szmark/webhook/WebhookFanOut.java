package org.szmark.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.StatusEvent;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.Enterprise;
import org.szmark.standard.Standard;

/**
 * Derives webhook deliveries from the log once changes have committed. The log is the outbox: an entry's
 * index is assigned under the log lock, which its transaction holds to its commit, so entries become visible
 * in index order and the cursor {@code webhook_fan_out.last_log_index} ("every entry up to here has its
 * deliveries") never passes a committed change. A change is acknowledged once its entry is committed, and
 * from then on its deliveries follow whatever happens: a crash before they are written leaves the cursor
 * behind, and the next round (on any instance) writes them.
 *
 * <p>So a change's transaction writes no delivery rows, and a holder with many endpoints adds nothing to
 * the time the log lock is held (docs/faults.md, "Another body's batches"). Rounds take the cursor row's
 * lock, so instances take turns; the unique (event, endpoint) index makes a repeated round harmless.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);

    @Inject EntityManager em;
    @Inject SzmarkConfig config;
    @Inject WebhookOutbox outbox;
    @Inject WebhookDispatcher dispatcher;

    private Rounds nudges;

    @PostConstruct
    void init() {
        nudges = new Rounds("webhook-fan-out", this::poll);
    }

    @PreDestroy
    void stop() {
        nudges.close();
    }

    /** A change for a holder with endpoints has committed: derive its deliveries soon. */
    void nudge() {
        nudges.ask();
    }

    @Scheduled(identity = "webhook-fan-out", every = "${szmark.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void poll() {
        try {
            int written = 0;
            Round round;
            do {
                round = QuarkusTransaction.requiringNew().call(this::runOnce);
                written += round.deliveries();
            } while (round.more());
            if (written > 0) dispatcher.nudge();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook fan-out failed; it is retried on the next poll");
        }
    }

    /** What one round did: deliveries written, and whether entries remain past its range. */
    record Round(int deliveries, boolean more) {}

    /**
     * One round in one transaction: the entries after the cursor, at most {@code fan-out-chunk} of them,
     * their deliveries, and the cursor moved past them.
     */
    Round runOnce() {
        Number cursorRow = (Number) em.createNativeQuery("SELECT last_log_index FROM webhook_fan_out WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long from = cursorRow.longValue();
        Number max = (Number) em.createNativeQuery("SELECT MAX(log_index) FROM status_event").getSingleResult();
        if (max == null || max.longValue() <= from) return new Round(0, false);
        // Read before the range: every entry up to max was committed before this statement (index order is
        // commit order), so the range query below sees all of them.
        long to = Math.min(max.longValue(), from + config.webhooks().fanOutChunk());
        List<Object[]> pairs = em.createQuery("select e.id, w.id from StatusEvent e, Certificate c, WebhookEndpoint w"
                        + " where e.logIndex > :from and e.logIndex <= :to and c.id = e.certificateId"
                        + " and w.enterpriseId = c.holderId and w.deletedAt is null and e.logIndex > w.afterLogIndex"
                        + " order by e.logIndex, w.id", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        int written = 0;
        if (!pairs.isEmpty()) written = write(pairs);
        em.createNativeQuery("UPDATE webhook_fan_out SET last_log_index = ?1 WHERE id = 1").setParameter(1, to).executeUpdate();
        return new Round(written, to < max.longValue());
    }

    private int write(List<Object[]> pairs) {
        Map<Long, List<Long>> endpointsByEvent = new LinkedHashMap<>();
        for (Object[] p : pairs) endpointsByEvent.computeIfAbsent((Long) p[0], k -> new ArrayList<>()).add((Long) p[1]);
        Set<List<Long>> present = new HashSet<>();
        for (Object[] p : em.createQuery("select d.statusEventId, d.endpointId from WebhookDelivery d where d.statusEventId in :e",
                Object[].class).setParameter("e", endpointsByEvent.keySet()).getResultList()) {
            present.add(List.of((Long) p[0], (Long) p[1]));
        }
        Map<Long, StatusEvent> events = byId(StatusEvent.class, endpointsByEvent.keySet(), e -> e.id);
        Map<Long, Certificate> certificates = byId(Certificate.class, ids(events.values(), e -> e.certificateId), c -> c.id);
        Map<Long, Enterprise> holders = byId(Enterprise.class, ids(certificates.values(), c -> c.holderId), h -> h.id);
        Map<Long, CertificationBody> bodies = byId(CertificationBody.class, ids(certificates.values(), c -> c.bodyId), b -> b.id);
        Map<Long, Standard> standards = byId(Standard.class, ids(certificates.values(), c -> c.standardId), s -> s.id);
        Set<Long> endpointIds = new HashSet<>();
        endpointsByEvent.values().forEach(endpointIds::addAll);
        Map<Long, WebhookEndpoint> endpoints = byId(WebhookEndpoint.class, endpointIds, w -> w.id);
        int written = 0;
        for (var entry : endpointsByEvent.entrySet()) {
            StatusEvent event = events.get(entry.getKey());
            Certificate c = certificates.get(event.certificateId);
            List<WebhookEndpoint> targets = new ArrayList<>();
            for (Long endpointId : entry.getValue()) {
                if (!present.contains(List.of(event.id, endpointId))) targets.add(endpoints.get(endpointId));
            }
            written += outbox.statusChanged(event, c, holders.get(c.holderId), bodies.get(c.bodyId),
                    standards.get(c.standardId), targets);
        }
        return written;
    }

    private static <T> Set<Long> ids(Collection<T> rows, Function<T, Long> id) {
        Set<Long> out = new HashSet<>();
        for (T row : rows) out.add(id.apply(row));
        return out;
    }

    private <T> Map<Long, T> byId(Class<T> type, Collection<Long> ids, Function<T, Long> id) {
        Map<Long, T> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        for (T row : em.createQuery("from " + type.getSimpleName() + " x where x.id in :ids", type)
                .setParameter("ids", ids).getResultList()) {
            out.put(id.apply(row), row);
        }
        return out;
    }
}
