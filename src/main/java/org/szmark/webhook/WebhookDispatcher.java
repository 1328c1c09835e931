package org.szmark.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.szmark.certificate.StatusChanged;
import org.szmark.config.SzmarkConfig;
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
    /** Most response bytes read before the connection is dropped: the body is never used. */
    private static final long MAX_RESPONSE_BYTES = 64 * 1024;

    @Inject EntityManager em;
    @Inject SzmarkConfig config;
    @Inject WebhookSecrets secrets;
    @Inject WebhookUrls urls;
    @Inject Clock clock;

    private HttpClient client;
    private ExecutorService nudges;
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();

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
        // No redirects: a 3xx would let a receiver steer the registry to a URL it never validated.
        client = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        nudges = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "webhook-nudge");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
    }

    /** A committed change has new deliveries: send them now rather than on the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        nudge();
    }

    /**
     * Runs a delivery round soon on a thread of its own. Never blocks the caller, and collapses a burst (a
     * batch issuance commits many changes at once) into one round; the poll remains the safety net.
     */
    public void nudge() {
        if (!nudgeQueued.compareAndSet(false, true)) return;
        try {
            nudges.execute(() -> {
                nudgeQueued.set(false);
                poll();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            nudgeQueued.set(false);
        }
    }

    @Scheduled(identity = "webhook-deliveries", every = "${szmark.webhooks.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (runOnce() == config.webhooks().batchSize()) {
                // a full batch: more may be due, carry on without waiting for the next tick
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook delivery round failed; it is retried on the next poll");
        }
    }

    /** One round: claim, send, record. Returns the number of deliveries attempted. */
    public int runOnce() {
        List<Job> jobs = QuarkusTransaction.requiringNew().call(this::claim);
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
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM webhook_delivery WHERE state = 'PENDING'"
                        + " AND next_attempt_at <= ?1 AND (lease_until IS NULL OR lease_until < ?1)"
                        + " ORDER BY next_attempt_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, config.webhooks().batchSize()).getResultList();
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

    CompletableFuture<Outcome> send(Job job) {
        OffsetDateTime started = now();
        long t0 = System.nanoTime();
        if (job.secret() == null) {
            return CompletableFuture.completedFuture(new Outcome(null,
                    "signing secret cannot be opened (was the master key changed?)", null, started, 0));
        }
        URI uri = URI.create(job.url());
        if (!urls.targetAllowed(uri)) {
            return CompletableFuture.completedFuture(new Outcome(null,
                    "host does not resolve to a public address", null, started, elapsed(t0)));
        }
        Duration timeout = config.webhooks().timeout();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID_HEADER, job.deliveryId())
                .header(WebhookSignature.EVENT_HEADER, job.type())
                .header(WebhookSignature.ATTEMPT_HEADER, Integer.toString(job.attempt()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(job.secret(), timestamp, job.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(job.body()))
                .build();
        // The attempt is decided by the status line; the body is read (bounded) only to release the connection.
        CompletableFuture<Outcome> answered = new CompletableFuture<>();
        try {
            client.sendAsync(request, info -> {
                        answered.complete(new Outcome(info.statusCode(), null, retryAfter(info), started, elapsed(t0)));
                        return HttpResponse.BodySubscribers.fromSubscriber(new BoundedDiscard());
                    })
                    .whenComplete((r, e) -> {
                        if (e != null) answered.complete(new Outcome(null, describe(e), null, started, elapsed(t0)));
                    });
        } catch (RuntimeException e) {
            answered.complete(new Outcome(null, describe(e), null, started, elapsed(t0)));
        }
        return answered.completeOnTimeout(null, timeout.toMillis() + 2000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(o -> o != null ? o
                        : new Outcome(null, "no response within " + timeout.toSeconds() + "s", null, started, elapsed(t0)));
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

    private static Duration retryAfter(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 429 && info.statusCode() != 503) return null;
        Optional<String> v = info.headers().firstValue("Retry-After");
        // Only the delta-seconds form; an HTTP date is ignored and the usual backoff applies.
        return v.filter(s -> s.trim().matches("[0-9]{1,9}")).map(s -> Duration.ofSeconds(Long.parseLong(s.trim()))).orElse(null);
    }

    private String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        if (t instanceof HttpConnectTimeoutException) return "could not connect within " + config.webhooks().timeout().toSeconds() + "s";
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "no response within " + config.webhooks().timeout().toSeconds() + "s";
        }
        if (t instanceof ConnectException) return "connection refused or unreachable";
        if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) return "host cannot be resolved";
        if (t instanceof javax.net.ssl.SSLException) return "TLS failed: " + t.getMessage();
        if (t instanceof java.io.IOException) return "network error: " + (t.getMessage() == null ? "connection closed" : t.getMessage());
        if (t instanceof IllegalArgumentException) return "request refused: " + t.getMessage();
        return "delivery failed: " + t.getClass().getSimpleName();
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

    /** Reads and drops a response body, cutting the connection once a receiver sends more than is useful. */
    private static final class BoundedDiscard implements Flow.Subscriber<List<ByteBuffer>> {
        private Flow.Subscription subscription;
        private long read;

        @Override public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) read += b.remaining();
            if (read > MAX_RESPONSE_BYTES) subscription.cancel();
        }

        @Override public void onError(Throwable t) { }

        @Override public void onComplete() { }
    }
}
