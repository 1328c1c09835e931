package org.szmark.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.szmark.config.SzmarkConfig;
import org.szmark.limits.TokenBucket;
import org.szmark.crypto.KeySealer;

/**
 * Sends due deliveries from the outbox. Each round claims a batch in a short transaction, sends the whole
 * batch concurrently with no transaction open, then records each outcome in its own short transaction.
 * Claims are row leases taken with {@code FOR UPDATE SKIP LOCKED} and a conditional update, so several
 * instances (or overlapping rounds) never send the same attempt twice; a lease that runs out because its
 * sender died makes the delivery due again.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String USER_AGENT = "szmark-webhooks/1";
    static final String REFUSED = "refused";
    static final String UNREACHABLE = "unreachable";
    /** The endpoint's sealed secret cannot be opened: nothing is sent unsigned. */
    static final String NOT_SIGNED = "not sent: signing secret unavailable";

    @Inject EntityManager em;
    @Inject SzmarkConfig config;
    @Inject WebhookSecrets secrets;
    @Inject WebhookUrls urls;
    @Inject WebhookSender sender;
    @Inject Clock clock;

    private Rounds nudges;
    private ExecutorService lookups;
    /** Attempts this instance may still make now; null when unlimited. */
    private TokenBucket attempts;

    /** What one attempt needs, taken from the database so that sending needs no transaction. */
    record Job(long rowId, String deliveryId, String type, String url, String secret, byte[] body, int attempt,
               String leaseToken) {
        @Override
        public String toString() {
            // never the secret, should a job ever reach a log line
            return "Job[" + deliveryId + " attempt " + attempt + " to " + url + "]";
        }
    }

    /** An attempt's result: a status code, or an error when there was no HTTP answer. */
    record Outcome(Integer statusCode, String error, Duration retryAfter, OffsetDateTime startedAt, long durationMs) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @PostConstruct
    void init() {
        nudges = new Rounds("webhook-nudge", this::poll);
        int rate = config.webhooks().maxAttemptsPerSecond();
        if (rate > 0) {
            attempts = new TokenBucket(Math.max(rate, config.webhooks().batchSize()), rate, 1_000_000_000L, System.nanoTime());
        }
        // Lookups block; a round's are made side by side, at most this many at once.
        lookups = Executors.newFixedThreadPool(Math.min(config.webhooks().batchSize(), 8), daemon("webhook-lookup"));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    void stop() {
        nudges.close();
        lookups.shutdownNow();
    }

    /** New deliveries were written: run a delivery round soon (a fan-out round's many deliveries make one). */
    public void nudge() {
        nudges.ask();
    }

    @Scheduled(identity = "webhook-deliveries", every = "${szmark.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            int size;
            do {
                size = budget();
                // a full batch: more may be due, carry on without waiting for the next tick
            } while (runOnce(size) == size);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook delivery round failed; it is retried on the next poll");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How many attempts the next round may make: up to a batch, within {@code max-attempts-per-second}. Waits
     * for the first. Endpoints that fail at once (a closed port) would otherwise be retried as fast as the
     * machine can record failures, and one holder's endpoints could take the CPU that other bodies' writes need
     * (docs/faults.md, "Another body's batches").
     */
    private int budget() throws InterruptedException {
        int batch = config.webhooks().batchSize();
        if (attempts == null) return batch;
        while (true) {
            long now = System.nanoTime();
            long wait = attempts.tryTake(now);
            if (wait == 0) {
                int n = 1;
                while (n < batch && attempts.tryTake(now) == 0) n++;
                return n;
            }
            Thread.sleep(Math.max(1, Math.min(1000, wait / 1_000_000)));
        }
    }

    /** One round of at most a batch: claim, send, record. Returns the number of deliveries attempted. */
    public int runOnce() {
        return runOnce(config.webhooks().batchSize());
    }

    private int runOnce(int size) {
        List<Job> jobs = QuarkusTransaction.requiringNew().call(() -> claim(size));
        if (jobs.isEmpty()) return 0;
        List<CompletableFuture<Outcome>> sent = new ArrayList<>(jobs.size());
        for (Job job : jobs) sent.add(send(job));
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            Outcome outcome = sent.get(i).join();
            try {
                QuarkusTransaction.requiringNew().run(() -> record(job, outcome));
            } catch (RuntimeException e) {
                // The lease runs out and the delivery is tried again: a receiver may see it twice, never zero times.
                LOG.warnf(e, "Could not record webhook attempt %d of delivery %s", job.attempt(), job.deliveryId());
            }
        }
        return jobs.size();
    }

    List<Job> claim() {
        return claim(config.webhooks().batchSize());
    }

    List<Job> claim(int size) {
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM webhook_delivery WHERE state = 'PENDING'"
                        + " AND next_attempt_at <= ?1 AND (lease_until IS NULL OR lease_until < ?1)"
                        + " ORDER BY next_attempt_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, size).getResultList();
        if (ids.isEmpty()) return List.of();
        String token = UUID.randomUUID().toString();
        Duration timeout = config.webhooks().timeout();
        OffsetDateTime leaseUntil = now.plus(timeout.multipliedBy(3)).plusSeconds(60);
        // The conditions are repeated so the claim stays exclusive even where SKIP LOCKED is not honoured.
        em.createQuery("update WebhookDelivery d set d.leaseToken = :token, d.leaseUntil = :until where d.id in :ids"
                        + " and d.state = :pending and (d.leaseUntil is null or d.leaseUntil < :now)")
                .setParameter("token", token).setParameter("until", leaseUntil)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .setParameter("pending", WebhookDelivery.State.PENDING).setParameter("now", now)
                .executeUpdate();
        List<Object[]> rows = em.createQuery("select d, w from WebhookDelivery d, WebhookEndpoint w"
                        + " where w.id = d.endpointId and d.leaseToken = :token order by d.nextAttemptAt, d.id", Object[].class)
                .setParameter("token", token).getResultList();
        List<Job> jobs = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            WebhookDelivery d = (WebhookDelivery) row[0];
            WebhookEndpoint w = (WebhookEndpoint) row[1];
            if (w.deletedAt != null) {
                d.state = WebhookDelivery.State.CANCELLED;
                d.nextAttemptAt = null;
                d.leaseToken = null;
                d.leaseUntil = null;
                continue;
            }
            String secret;
            try {
                secret = secrets.open(w.id, w.sealedSecret);
            } catch (KeySealer.TamperedException e) {
                // sent unsigned never; recorded as a failed attempt so the log shows why
                secret = null;
            }
            jobs.add(new Job(d.id, d.deliveryId, d.eventType, w.url, secret, d.body, d.attempts + 1, token));
        }
        return jobs;
    }

    /**
     * One attempt: one lookup of the host (on a lookup thread, as it may block), the check of every address it
     * answered, then the POST to the checked address. The recorded error says only what happened, in words that
     * reveal nothing about the target's network: {@value #REFUSED} (the target is not allowed),
     * {@value #UNREACHABLE} (no answer: the name did not resolve, no connection, a timeout, a TLS failure) or
     * "answered" and the status of a non-2xx answer.
     */
    CompletableFuture<Outcome> send(Job job) {
        OffsetDateTime started = now();
        long t0 = System.nanoTime();
        if (job.secret() == null) {
            return CompletableFuture.completedFuture(new Outcome(null, NOT_SIGNED, null, started, 0));
        }
        CompletableFuture<Outcome> attempt;
        try {
            attempt = CompletableFuture.supplyAsync(() -> urls.target(job.url()), lookups)
                    .thenCompose(target -> attempt(job, target, started, t0));
        } catch (RejectedExecutionException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        // A backstop only: the sender's own connect and idle timeouts end a silent exchange first.
        Duration timeout = config.webhooks().timeout();
        return attempt.exceptionally(e -> {
                    LOG.debugf(e, "Webhook attempt %d of delivery %s failed", job.attempt(), job.deliveryId());
                    return null;
                })
                .completeOnTimeout(null, timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS)
                .thenApply(o -> o != null ? o : new Outcome(null, UNREACHABLE, null, started, elapsed(t0)));
    }

    private CompletableFuture<Outcome> attempt(Job job, WebhookUrls.Target target, OffsetDateTime started, long t0) {
        if (!(target instanceof WebhookUrls.Pinned pinned)) {
            String error = target instanceof WebhookUrls.Refused ? REFUSED : UNREACHABLE;
            return CompletableFuture.completedFuture(new Outcome(null, error, null, started, elapsed(t0)));
        }
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(WebhookSignature.ID_HEADER, job.deliveryId());
        headers.put(WebhookSignature.EVENT_HEADER, job.type());
        headers.put(WebhookSignature.ATTEMPT_HEADER, Integer.toString(job.attempt()));
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(job.secret(), timestamp, job.body()));
        return sender.post(pinned, headers, job.body()).thenApply(a -> {
            boolean ok = a.status() >= 200 && a.status() < 300;
            return new Outcome(a.status(), ok ? null : "answered " + a.status(), a.retryAfter(), started, elapsed(t0));
        });
    }

    void record(Job job, Outcome outcome) {
        WebhookDelivery d = em.find(WebhookDelivery.class, job.rowId(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !job.leaseToken().equals(d.leaseToken)) {
            // Our lease ran out and another sender took the delivery over: its record is the one that counts.
            LOG.debugf("Lease on webhook delivery %s was lost; attempt result dropped", job.deliveryId());
            return;
        }
        OffsetDateTime now = now();
        d.attempts = job.attempt();
        d.lastAttemptAt = outcome.startedAt();
        d.lastStatusCode = outcome.statusCode();
        d.lastError = outcome.error() == null ? null : truncate(outcome.error());
        d.leaseToken = null;
        d.leaseUntil = null;
        if (d.state == WebhookDelivery.State.PENDING) {
            if (outcome.delivered()) {
                d.state = WebhookDelivery.State.DELIVERED;
                d.deliveredAt = now;
                d.nextAttemptAt = null;
            } else if (d.attempts >= config.webhooks().maxAttempts()) {
                d.state = WebhookDelivery.State.FAILED;
                d.nextAttemptAt = null;
            } else {
                d.nextAttemptAt = now.plus(backoff(d.attempts, outcome.retryAfter()));
            }
        }
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryRowId = d.id;
        a.attempt = job.attempt();
        a.attemptedAt = outcome.startedAt();
        a.durationMs = (int) Math.min(Integer.MAX_VALUE, outcome.durationMs());
        a.statusCode = outcome.statusCode();
        a.error = d.lastError;
        em.persist(a);
    }

    /**
     * Wait after {@code failedAttempts} failures: the initial backoff doubled per further failure, capped;
     * a receiver's {@code Retry-After} can lengthen it up to the cap, never shorten it.
     */
    Duration backoff(int failedAttempts, Duration retryAfter) {
        Duration initial = config.webhooks().initialBackoff();
        Duration cap = config.webhooks().maxBackoff();
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(cap) < 0; i++) wait = wait.multipliedBy(2);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) wait = retryAfter;
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
