package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.szmark.log.LogEntry;
import org.szmark.log.LogService;
import org.szmark.support.Api;

@QuarkusTest
class ConcurrentStatusChangeTest {

    @Inject LogService log;

    @Test
    void fiftyConcurrentChangesLeaveAGaplessConsistentChain() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (int k = 0; k < 50; k++) {
            String action = k % 2 == 0 ? "suspend" : "reinstate";
            Map<String, Object> body = action.equals("suspend") ? Map.of("reasonCode", "HOLDER_REQUEST")
                    : Map.of("reasonCode", "SUSPENSION_REQUEST_ENDED");
            results.add(pool.submit(() -> as(i.token()).body(body).post("/api/v1/certificates/" + n + "/" + action).statusCode()));
        }
        int ok = 0;
        for (Future<Integer> f : results) {
            int s = f.get();
            assertThat(s).isIn(200, 409);
            if (s == 200) ok++;
        }
        pool.shutdown();

        JsonPath c = anonymous().get("/api/v1/certificates/" + n).jsonPath();
        List<Map<String, Object>> history = c.getList("history");
        assertThat(history).hasSize(ok + 1);
        ObjectMapper json = new ObjectMapper();
        String status = null;
        byte[] previous = null;
        for (int k = 0; k < history.size(); k++) {
            assertThat(c.getInt("history[" + k + "].seq")).isEqualTo(k + 1);
            assertThat(c.getString("history[" + k + "].from")).isEqualTo(status);
            status = c.getString("history[" + k + "].to");
            byte[] payload = Base64.getUrlDecoder().decode(c.getString("history[" + k + "].signed.payload"));
            JsonNode e = json.readTree(payload);
            assertThat(e.get("seq").asInt()).isEqualTo(k + 1);
            if (k > 0) assertThat(e.get("previousDigest").asText()).isEqualTo(SignedRecords.digest(previous));
            previous = payload;
        }
        assertThat(c.getString("status")).isEqualTo(status);
    }

    /**
     * Batches of different bodies sign their items at the same time and take the log lock only to write;
     * with single issuances running between them, every acknowledged certificate must still have its own
     * index, the indexes must fill the log without a gap, and each entry must hold its certificate.
     */
    @Test
    void concurrentBatchesAndSingleIssuancesShareOneGaplessLog() throws Exception {
        List<Api.Issuer> issuers = new ArrayList<>();
        for (int k = 0; k < 4; k++) issuers.add(Api.newIssuer());
        long before = log.treeSize();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Map<String, Long>>> answers = new ArrayList<>();
        for (Api.Issuer i : issuers) {
            answers.add(pool.submit(() -> {
                List<Object> items = new ArrayList<>();
                for (int k = 0; k < 25; k++) items.add(i.request());
                JsonPath r = as(i.token()).body(Map.of("certificates", items)).post("/api/v1/certificates:batch")
                        .then().statusCode(200).extract().jsonPath();
                Map<String, Long> indexes = new HashMap<>();
                for (int k = 0; k < 25; k++) {
                    indexes.put(r.getString("results[" + k + "].certificate.number"), r.getLong("results[" + k + "].certificate.logIndex"));
                }
                return indexes;
            }));
            for (int k = 0; k < 5; k++) {
                answers.add(pool.submit(() -> {
                    JsonPath c = as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(201).extract().jsonPath();
                    return Map.of(c.getString("number"), c.getLong("logIndex"));
                }));
            }
        }
        Map<Long, String> byIndex = new TreeMap<>();
        for (Future<Map<String, Long>> f : answers) {
            f.get().forEach((number, index) -> assertThat(byIndex.put(index, number)).as("index %d given twice", index).isNull());
        }
        pool.shutdown();

        assertThat(byIndex).hasSize(4 * 25 + 4 * 5);
        assertThat(log.treeSize()).isEqualTo(before + byIndex.size());
        assertThat(byIndex.keySet()).containsExactlyElementsOf(
                java.util.stream.LongStream.range(before, before + byIndex.size()).boxed().toList());
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<Long, String> e : byIndex.entrySet()) {
            LogEntry entry = LogEntry.decode(log.entry(e.getKey()).orElseThrow());
            assertThat(json.readTree(entry.event().payload()).get("certificate").asText()).isEqualTo(e.getValue());
            anonymous().get("/api/v1/certificates/" + e.getValue()).then().statusCode(200)
                    .body("logIndex", org.hamcrest.Matchers.equalTo(e.getKey().intValue()));
        }
    }

    /**
     * A batch whose later item renews a certificate while that certificate's status changes: the batch must
     * not lock the predecessor only after its first item took the log lock, which the status change, holding
     * the predecessor and waiting for the log, would deadlock with.
     */
    @Test
    void batchRenewalRacingAStatusChangeOfItsPredecessorCompletes() throws Exception {
        Api.Issuer i = Api.newIssuer();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int k = 0; k < 20; k++) {
                String predecessor = i.issue();
                Map<String, Object> renewal = new java.util.HashMap<>(i.request());
                renewal.put("predecessor", predecessor);
                Map<String, Object> batch = Map.of("certificates", List.of(i.request(), renewal));
                Future<io.restassured.response.Response> issued = pool.submit(() ->
                        as(i.token()).body(batch).post("/api/v1/certificates:batch"));
                Future<Integer> suspended = pool.submit(() -> as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST"))
                        .post("/api/v1/certificates/" + predecessor + "/suspend").statusCode());
                io.restassured.response.Response b = issued.get();
                assertThat(b.statusCode()).isEqualTo(200);
                assertThat(b.jsonPath().getInt("issued")).isEqualTo(2);
                // Before the renewal the suspension applies; after it the predecessor is superseded (409).
                assertThat(suspended.get()).isIn(200, 409);
                String successor = anonymous().get("/api/v1/certificates/" + predecessor).jsonPath().getString("successor");
                assertThat(successor).isEqualTo(b.jsonPath().getString("results[1].certificate.number"));
            }
        } finally {
            pool.shutdown();
        }
    }
}
