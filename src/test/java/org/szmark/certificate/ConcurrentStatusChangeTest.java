package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

@QuarkusTest
class ConcurrentStatusChangeTest {

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
