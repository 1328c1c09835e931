package org.szmark.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.StatusEvent;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.log.merkle.InMemoryHashStore;
import org.szmark.log.merkle.TreeMath;
import org.szmark.support.Api;

/**
 * Many writers at once, through the HTTP API: the log must end up with every index 0 .. n − 1 exactly
 * once, each holding the event that claims it, and one tree whose stored root is the root recomputed
 * from the entries.
 */
@QuarkusTest
class LogConcurrencyTest {

    static final int THREADS = 16;
    static final int ROUNDS = 5;

    @Inject LogService log;
    @Inject LogStore store;
    @Inject EntityManager em;

    @Test
    void parallelIssuanceAndStatusChangesLeaveOneGaplessTree() throws Exception {
        List<Api.Issuer> issuers = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            issuers.add(Api.newIssuer());
        }
        long before = log.treeSize();
        ConcurrentLinkedQueue<Long> returned = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Api.Issuer i = issuers.get(t % issuers.size());
            work.add(pool.submit(() -> {
                for (int r = 0; r < ROUNDS; r++) {
                    JsonPath c = as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(201)
                            .extract().jsonPath();
                    returned.add(c.getLong("logIndex"));
                    String n = c.getString("number");
                    returned.add(as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST")).post("/api/v1/certificates/" + n + "/suspend")
                            .then().statusCode(200).extract().jsonPath().getLong("logIndex"));
                    returned.add(as(i.token()).body(Map.of("reasonCode", "SUSPENSION_REQUEST_ENDED"))
                            .post("/api/v1/certificates/" + n + "/reinstate").then().statusCode(200).extract().jsonPath().getLong("logIndex"));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        int writes = THREADS * ROUNDS * 3;
        assertThat(returned).hasSize(writes).doesNotHaveDuplicates().allMatch(x -> x >= before);
        long size = log.treeSize();
        assertThat(size).isEqualTo(before + writes);

        QuarkusTransaction.requiringNew().run(() -> {
            // Every index 0 .. size − 1 exactly once, in the entries and in the events.
            List<Long> entryIdx = em.createNativeQuery("select idx from log_entry order by idx").getResultList()
                    .stream().map(o -> ((Number) o).longValue()).toList();
            assertThat(entryIdx).hasSize((int) size);
            for (int k = 0; k < size; k++) {
                assertThat(entryIdx.get(k)).isEqualTo(k);
            }
            List<StatusEvent> events = em.createQuery("from StatusEvent order by logIndex", StatusEvent.class).getResultList();
            assertThat(events).extracting(e -> e.logIndex).doesNotContainNull().hasSize((int) size);
            for (int k = 0; k < size; k++) {
                StatusEvent e = events.get(k);
                assertThat(e.logIndex).isEqualTo(k);
                // The entry at that index is this event, with its certificate record when it is the issuance.
                Certificate c = em.find(Certificate.class, e.certificateId);
                SignedEnvelope cert = e.seq == 1 ? new SignedEnvelope(c.payload, c.signature, c.keyId) : null;
                assertThat(log.entry(k).orElseThrow())
                        .isEqualTo(new LogEntry(new SignedEnvelope(e.payload, e.signature, e.keyId), cert).encode());
            }
            // One tree: the stored hashes give the same root as a rebuild from the entries.
            InMemoryHashStore rebuilt = LogTestSupport.rebuild(log, size);
            long storedHashes = ((Number) em.createNativeQuery("select count(*) from log_hash").getSingleResult()).longValue();
            assertThat(storedHashes).isEqualTo(2 * size - Long.bitCount(size));
            assertThat(TreeMath.treeHash(size, store.reader())).isEqualTo(TreeMath.treeHash(size, rebuilt));
            for (long s : new long[] {1, size / 3, size / 2, size - 1}) {
                assertThat(TreeMath.treeHash(s, store.reader())).isEqualTo(TreeMath.treeHash(s, rebuilt));
            }
        });
        assertThat(log.publishCheckpoint().rootHash()).isEqualTo(TreeMath.treeHash(size, LogTestSupport.rebuild(log, size)));
        assertThat(Collections.max(returned)).isEqualTo(size - 1);
    }
}
