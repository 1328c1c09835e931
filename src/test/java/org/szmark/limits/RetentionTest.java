package org.szmark.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.szmark.certificate.IdempotencyRecord;
import org.szmark.signin.SignInFailure;
import org.szmark.signin.StaffSession;
import org.szmark.support.Api;
import org.szmark.webhook.WebhookAttempt;
import org.szmark.webhook.WebhookDelivery;

/**
 * The purge job on rows dated in the past: what is older than its retention and finished goes, with its
 * attempts; what is younger, and every pending delivery however old, stays. Chunks of 2 rows make it take
 * several transactions. Other tests' rows are all young, so a run here leaves them alone.
 */
@QuarkusTest
class RetentionTest {

    @Inject RetentionJob job;
    @Inject EntityManager em;

    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Test
    void oldIdempotencyRecordsGoAndYoungOnesStay() {
        String token = Api.newBody().certifierToken();
        long account = as(token).get("/api/v1/accounts/me").then().extract().jsonPath().getLong("id");
        List<Long> old = new ArrayList<>();
        List<Long> young = new ArrayList<>();
        for (int i = 0; i < 5; i++) old.add(record(account, NOW.minusHours(25).minusMinutes(i)));
        young.add(record(account, NOW.minusHours(23)));
        young.add(record(account, NOW));

        job.purge(2);

        assertThat(remaining(IdempotencyRecord.class, old)).isEmpty();
        assertThat(remaining(IdempotencyRecord.class, young)).containsExactlyInAnyOrderElementsOf(young);
    }

    @Test
    void finishedDeliveriesOlderThanTheirRetentionGoWithTheirAttemptsAndPendingOnesNeverDo() {
        String enterprise = Api.newEnterprise();
        long endpoint = as(Api.enterpriseToken(enterprise)).body(Map.of("url", "http://127.0.0.1:1/retention"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        OffsetDateTime old = NOW.minusDays(31);
        List<Long> purged = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        for (WebhookDelivery.State s : List.of(WebhookDelivery.State.DELIVERED, WebhookDelivery.State.FAILED,
                WebhookDelivery.State.CANCELLED, WebhookDelivery.State.DELIVERED)) {
            purged.add(delivery(endpoint, s, old, 2));
        }
        kept.add(delivery(endpoint, WebhookDelivery.State.PENDING, NOW.minusDays(400), 3));
        kept.add(delivery(endpoint, WebhookDelivery.State.DELIVERED, NOW.minusDays(29), 1));
        kept.add(delivery(endpoint, WebhookDelivery.State.FAILED, NOW, 1));

        job.purge(2);

        assertThat(remaining(WebhookDelivery.class, purged)).isEmpty();
        assertThat(remaining(WebhookDelivery.class, kept)).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(attemptsOf(purged)).isZero();
        assertThat(attemptsOf(kept)).isEqualTo(5);
        // The pending one is still there to be sent: it is due, and the delivery log shows it.
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.find(WebhookDelivery.class, kept.get(0)).state))
                .isEqualTo(WebhookDelivery.State.PENDING);
    }

    @Test
    void aRetryAfterItsRecordWasPurgedIsANewRequest() {
        Api.Issuer issuer = Api.newIssuer();
        String key = "retention-" + UUID.randomUUID();
        String first = issue(issuer, key).then().statusCode(201).extract().path("number");
        Response replay = issue(issuer, key);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.jsonPath().getString("number")).isEqualTo(first);

        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update IdempotencyRecord r set r.createdAt = :t where r.key = :k")
                .setParameter("t", NOW.minusDays(2)).setParameter("k", key).executeUpdate());
        job.purge(1000);

        Response again = issue(issuer, key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.jsonPath().getString("number")).isNotEqualTo(first);
    }

    @Test
    void spentSignInFailuresAndLongEndedSessionsGoWhileLocksAndLiveSessionsStay() {
        // Failure counts: the lockout is 15 minutes; a count stays while it may still lead to a lock, or locks now.
        String spent = failure(NOW.minusMinutes(20), null);
        String spentLock = failure(NOW.minusHours(2), NOW.minusMinutes(100));
        String counting = failure(NOW.minusMinutes(5), null);
        String locked = failure(NOW.minusMinutes(20), NOW.plusMinutes(10));
        // Sessions of one staff user: the retention of ended sessions is 30 days.
        long staff = Api.authority().body(Map.of("userName", "r" + Api.uniqueSuffix().toLowerCase().replaceAll("[^a-z0-9]", ""),
                        "name", "留存测试", "role", "AUTHORITY"))
                .post("/api/v1/staff").then().statusCode(201).extract().jsonPath().getLong("staff.id");
        long unused = session(staff, NOW.minusDays(31), null);
        long signedOut = session(staff, NOW.minusDays(29), NOW.minusDays(31));
        long recentlyEnded = session(staff, NOW.minusDays(29), NOW.minusDays(29));
        long live = session(staff, NOW, null);

        RetentionJob.Purged p = job.purge(1);

        assertThat(p.signInFailures()).isGreaterThanOrEqualTo(2);
        List<String> names = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select f.nameHash from SignInFailure f where f.nameHash in :n", String.class)
                .setParameter("n", List.of(spent, spentLock, counting, locked)).getResultList());
        assertThat(names).containsExactlyInAnyOrder(counting, locked);
        assertThat(remaining(StaffSession.class, List.of(unused, signedOut, recentlyEnded, live)))
                .containsExactlyInAnyOrder(recentlyEnded, live);
    }

    private String failure(OffsetDateTime last, OffsetDateTime lockedUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SignInFailure f = new SignInFailure();
            f.nameHash = UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000";
            f.failures = 3;
            f.lastFailure = last;
            f.lockedUntil = lockedUntil;
            em.persist(f);
            return f.nameHash;
        });
    }

    private long session(long staffUserId, OffsetDateTime lastSeen, OffsetDateTime revoked) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StaffSession s = new StaffSession();
            s.staffUserId = staffUserId;
            s.secretHash = UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000";
            s.createdAt = lastSeen.minusHours(1);
            s.lastSeenAt = lastSeen;
            s.revokedAt = revoked;
            em.persist(s);
            em.flush();
            return s.id;
        });
    }

    private static Response issue(Api.Issuer issuer, String key) {
        return as(issuer.token()).header("Idempotency-Key", key).body(issuer.request()).post("/api/v1/certificates");
    }

    private long record(long account, OffsetDateTime createdAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IdempotencyRecord r = new IdempotencyRecord();
            r.accountId = account;
            r.key = "old-" + UUID.randomUUID();
            r.requestHash = "0".repeat(64);
            r.responseStatus = 201;
            r.responseKind = "ANSWER";
            r.responseBody = "{}";
            r.createdAt = createdAt;
            em.persist(r);
            em.flush();
            return r.id;
        });
    }

    private long delivery(long endpoint, WebhookDelivery.State state, OffsetDateTime createdAt, int attempts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = new WebhookDelivery();
            d.deliveryId = UUID.randomUUID().toString();
            d.endpointId = endpoint;
            d.eventType = "webhook.ping";
            d.body = "{}".getBytes(StandardCharsets.UTF_8);
            d.state = state;
            d.attempts = attempts;
            d.createdAt = createdAt;
            // A pending one far in the future, so the dispatcher leaves it alone during the test.
            d.nextAttemptAt = state == WebhookDelivery.State.PENDING ? NOW.plusDays(1) : null;
            em.persist(d);
            em.flush();
            for (int i = 1; i <= attempts; i++) {
                WebhookAttempt a = new WebhookAttempt();
                a.deliveryRowId = d.id;
                a.attempt = i;
                a.attemptedAt = createdAt.plusMinutes(i);
                a.durationMs = 3;
                a.statusCode = 500;
                em.persist(a);
            }
            return d.id;
        });
    }

    private <T> List<Long> remaining(Class<T> entity, List<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select e.id from " + entity.getSimpleName() + " e where e.id in :ids", Long.class).setParameter("ids", ids).getResultList());
    }

    private long attemptsOf(List<Long> deliveries) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(a) from WebhookAttempt a where a.deliveryRowId in :ids", Long.class).setParameter("ids", deliveries)
                .getSingleResult());
    }
}
