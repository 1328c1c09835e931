package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.szmark.log.LogService;
import org.szmark.support.Api;

/**
 * The log lock guards only the log: it is taken at the end of a change, after everything else the change
 * writes, so a big batch to a holder with many webhook endpoints cannot make another body's changes fail, and
 * a change that cannot get the lock in time is a 503 problem that leaves nothing behind.
 */
@QuarkusTest
class LogLockTest {

    @Inject LogService log;
    @Inject EntityManager em;

    @Test
    void aChangeThatCannotGetTheLogLockInTimeIsA503AndLeavesNothing() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String number = i.issue();
        long size = log.treeSize();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select tree_size from log_state where id = 1 for update").getSingleResult();
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                // szmark.log.lock-timeout is 1 s in tests.
                Response issued = as(i.token()).body(i.request()).post("/api/v1/certificates");
                Response suspended = as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST"))
                        .post("/api/v1/certificates/" + number + "/suspend");
                for (Response r : List.of(issued, suspended)) {
                    r.then().statusCode(503).contentType("application/problem+json")
                            .header("Retry-After", equalTo("1"))
                            .body("type", equalTo("urn:szmark:problem:busy"));
                    assertThat(r.asString()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("SQL");
                }
            } finally {
                release.countDown();
                holder.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // Nothing of the refused changes was kept: one certificate, still valid, and no entry in the log.
        assertThat(anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total")).isEqualTo(1);
        anonymous().get("/api/v1/certificates/" + number).then().body("status", equalTo("VALID"))
                .body("history.size()", equalTo(1));
        assertThat(log.treeSize()).isEqualTo(size);
        // The next change takes the next index: no gap.
        long index = as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST")).post("/api/v1/certificates/" + number + "/suspend")
                .then().statusCode(200).extract().jsonPath().getLong("logIndex");
        assertThat(index).isEqualTo(size);
    }

    @Test
    void aBigBatchToAHolderWithManyEndpointsDoesNotFailAnotherBodysChanges() throws Exception {
        Api.Issuer attacker = Api.newIssuer();
        String holderToken = Api.enterpriseToken(attacker.holder());
        List<Long> endpoints = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            // Nothing listens there: the deliveries are written and fail later, outside any change.
            endpoints.add(as(holderToken).body(Map.of("url", "http://127.0.0.1:9/hook-" + k))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        Api.Issuer victim = Api.newIssuer();
        int items = 200;
        List<Object> batch = new ArrayList<>();
        for (int k = 0; k < items; k++) batch.add(attacker.request());
        CompletableFuture<JsonPath> big = CompletableFuture.supplyAsync(() -> as(attacker.token())
                .body(Map.of("certificates", batch)).post("/api/v1/certificates:batch").then().statusCode(200)
                .extract().jsonPath());
        List<Integer> statuses = new ArrayList<>();
        while (!big.isDone() || statuses.size() < 10) {
            Response r = as(victim.token()).body(victim.request()).post("/api/v1/certificates");
            statuses.add(r.statusCode());
            if (r.statusCode() == 201) {
                statuses.add(as(victim.token()).body(Map.of("reasonCode", "HOLDER_REQUEST"))
                        .post("/api/v1/certificates/" + r.jsonPath().getString("number") + "/suspend").statusCode());
            }
        }
        assertThat(statuses).containsOnly(201, 200);
        JsonPath result = big.get(60, TimeUnit.SECONDS);
        assertThat(result.getInt("issued")).isEqualTo(items);
        // Every certificate of the batch is in the log, and each endpoint gets a delivery for each (derived from
        // the log once the batch has committed: docs/webhooks.md).
        assertThat(result.getList("results.certificate.logIndex")).hasSize(items).doesNotContainNull();
        for (long id : endpoints) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long total;
            do {
                total = as(holderToken).get("/api/v1/webhooks/" + id + "/deliveries").jsonPath().getLong("total");
                if (total < items) Thread.sleep(100);
            } while (total < items && System.nanoTime() < deadline);
            assertThat(total).isEqualTo(items);
            // Deleting the endpoint cancels its pending deliveries, which would otherwise keep the
            // dispatcher of this test run busy with attempts to nowhere.
            as(holderToken).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    void anIdempotentBatchKeepsWhatItDidAndAnswersTheSameAgain() {
        Api.Issuer i = Api.newIssuer();
        List<Object> batch = new ArrayList<>();
        for (int k = 0; k < 50; k++) batch.add(i.request());
        Map<String, Object> bad = new java.util.HashMap<>(i.request());
        bad.put("standard", Api.newStandardNumber());
        batch.add(bad);
        String key = "batch-" + System.nanoTime();
        JsonPath first = as(i.token()).header("Idempotency-Key", key).body(Map.of("certificates", batch))
                .post("/api/v1/certificates:batch").then().statusCode(200).extract().jsonPath();
        JsonPath again = as(i.token()).header("Idempotency-Key", key).body(Map.of("certificates", batch))
                .post("/api/v1/certificates:batch").then().statusCode(200).header("Idempotent-Replayed", "true")
                .extract().jsonPath();
        assertThat(first.getInt("issued")).isEqualTo(50);
        assertThat(again.getList("results.certificate.number")).isEqualTo(first.getList("results.certificate.number"));
        assertThat(again.getList("results.certificate.logIndex")).isEqualTo(first.getList("results.certificate.logIndex"))
                .doesNotContainNull();
        assertThat(again.getString("results[50].problem.type")).isEqualTo("urn:szmark:problem:unknown-standard")
                .isEqualTo(first.getString("results[50].problem.type"));
        assertThat(anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total")).isEqualTo(50);
        // What is kept under the key is what was done, not the answer: well under a kilobyte an item.
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select length(response_body) from idempotency_record where idem_key = ?1").setParameter(1, key)
                .getSingleResult()).longValue());
        assertThat(stored).isLessThan(51 * 200L);
        assertThat(first.prettyPrint().length()).isGreaterThan((int) stored * 10);
    }
}
