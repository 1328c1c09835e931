package org.szmark.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.szmark.account.Actor;
import org.szmark.account.Role;
import org.szmark.common.Conflict;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.Enterprise;
import org.szmark.limits.RateLimits;
import org.szmark.webhook.WebhookViews.CreateRequest;

/** Endpoints of enterprise accounts and their delivery logs; every read and write is scoped to the caller's enterprise. */
@ApplicationScoped
public class WebhookService {

    @Inject EntityManager em;
    @Inject WebhookUrls urls;
    @Inject WebhookSecrets secrets;
    @Inject WebhookOutbox outbox;
    @Inject SzmarkConfig config;
    @Inject Clock clock;
    @Inject RateLimits limits;

    /** A new endpoint and its secret in the clear, which the caller sees only this once. */
    public record Created(WebhookEndpoint endpoint, String secret) {}

    /** Checks the URL first, outside any transaction: in production that means a DNS lookup. */
    public Created create(CreateRequest request, Actor actor) {
        long enterpriseId = enterpriseOf(actor);
        String url = urls.check(request.url());
        String description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        return QuarkusTransaction.joiningExisting().call(() -> store(enterpriseId, actor.accountId(), url, description));
    }

    private Created store(long enterpriseId, long accountId, String url, String description) {
        // One registration at a time per enterprise keeps the limit and the duplicate check exact.
        em.find(Enterprise.class, enterpriseId, LockModeType.PESSIMISTIC_WRITE);
        List<WebhookEndpoint> existing = active(enterpriseId);
        int max = config.webhooks().maxEndpointsPerEnterprise();
        if (existing.size() >= max) {
            throw new Conflict("webhook-limit-reached", "An enterprise may register at most " + max
                    + " webhook endpoints; delete one first");
        }
        for (WebhookEndpoint e : existing) {
            if (e.url.toLowerCase(Locale.ROOT).equals(url.toLowerCase(Locale.ROOT))) {
                throw new Conflict("duplicate-webhook", "Endpoint " + e.id + " already receives webhooks at this URL");
            }
        }
        String secret = secrets.generate();
        WebhookEndpoint e = new WebhookEndpoint();
        e.enterpriseId = enterpriseId;
        e.createdBy = accountId;
        e.url = url;
        e.description = description;
        e.secretHint = WebhookSecrets.hint(secret);
        e.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Number logged = (Number) em.createNativeQuery("SELECT MAX(log_index) FROM status_event").getSingleResult();
        e.afterLogIndex = logged == null ? -1 : logged.longValue();
        // The sealed secret is bound to the row id, which exists only once the row does.
        e.sealedSecret = new byte[0];
        em.persist(e);
        em.flush();
        e.sealedSecret = secrets.seal(e.id, secret);
        return new Created(e, secret);
    }

    public List<WebhookEndpoint> list(Actor actor) {
        return active(enterpriseOf(actor));
    }

    public WebhookEndpoint get(String id, Actor actor) {
        long enterpriseId = enterpriseOf(actor);
        Long key = parseId(id);
        WebhookEndpoint e = key == null ? null : em.find(WebhookEndpoint.class, key);
        // Another enterprise's endpoint is reported exactly like a missing one.
        if (e == null || e.deletedAt != null || !e.enterpriseId.equals(enterpriseId)) {
            throw new NotFound("No webhook endpoint " + id);
        }
        return e;
    }

    /** Deletes an endpoint; deliveries still waiting for it are cancelled, the log stays readable to no one. */
    @Transactional
    public void delete(String id, Actor actor) {
        WebhookEndpoint e = get(id, actor);
        e.deletedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        em.createQuery("update WebhookDelivery d set d.state = :cancelled, d.nextAttemptAt = null"
                        + " where d.endpointId = :e and d.state = :pending")
                .setParameter("cancelled", WebhookDelivery.State.CANCELLED).setParameter("pending", WebhookDelivery.State.PENDING)
                .setParameter("e", e.id).executeUpdate();
    }

    /**
     * Queues a {@code webhook.ping}. Tests are budgeted per endpoint and per account
     * ({@code szmark.limits.webhook-tests.*}), counted only once the endpoint is known to be the caller's.
     */
    @Transactional
    public WebhookDelivery ping(String id, Actor actor) {
        WebhookEndpoint e = get(id, actor);
        limits.webhookTest(actor.accountId(), e.id);
        return outbox.ping(e);
    }

    public PageView<WebhookDelivery> deliveries(String id, String state, Actor actor, int page, int size) {
        WebhookEndpoint e = get(id, actor);
        WebhookDelivery.State s = parseState(state);
        String where = "d.endpointId = :e" + (s == null ? "" : " and d.state = :s");
        var list = em.createQuery("from WebhookDelivery d where " + where + " order by d.id desc", WebhookDelivery.class)
                .setParameter("e", e.id);
        var count = em.createQuery("select count(d) from WebhookDelivery d where " + where, Long.class).setParameter("e", e.id);
        if (s != null) {
            list.setParameter("s", s);
            count.setParameter("s", s);
        }
        List<WebhookDelivery> items = list.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }

    public WebhookDelivery delivery(String id, String deliveryId, Actor actor) {
        WebhookEndpoint e = get(id, actor);
        return em.createQuery("from WebhookDelivery d where d.endpointId = :e and d.deliveryId = :d", WebhookDelivery.class)
                .setParameter("e", e.id).setParameter("d", deliveryId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No delivery " + deliveryId + " to webhook endpoint " + id));
    }

    public List<WebhookAttempt> attempts(WebhookDelivery d) {
        return em.createQuery("from WebhookAttempt a where a.deliveryRowId = :d order by a.attempt", WebhookAttempt.class)
                .setParameter("d", d.id).getResultList();
    }

    private List<WebhookEndpoint> active(long enterpriseId) {
        return em.createQuery("from WebhookEndpoint w where w.enterpriseId = :e and w.deletedAt is null order by w.id",
                WebhookEndpoint.class).setParameter("e", enterpriseId).getResultList();
    }

    private static long enterpriseOf(Actor actor) {
        if (actor.role() != Role.ENTERPRISE || actor.enterpriseId() == null) throw new ForbiddenException();
        return actor.enterpriseId();
    }

    private static Long parseId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) return null;
        return Long.parseLong(id);
    }

    private static WebhookDelivery.State parseState(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return WebhookDelivery.State.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("state", "must be one of PENDING, DELIVERED, FAILED, CANCELLED");
        }
    }
}
