package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** Every allowed and every forbidden transition of docs/trust-model.md's table. */
@QuarkusTest
class LifecycleTest {

    static final String[] ACTIONS = {"suspend", "reinstate", "revoke", "cancel"};

    static Map<String, Object> reason(String action) {
        return Api.statusReason(action);
    }

    static int act(Api.Issuer i, String number, String action) {
        return as(i.token()).body(reason(action)).post("/api/v1/certificates/" + number + "/" + action).statusCode();
    }

    /** A certificate brought into the given status. */
    static String inStatus(Api.Issuer i, String status) {
        if (status.equals("EXPIRED")) {
            Map<String, Object> r = i.request();
            r.put("issueDate", LocalDate.now().minusYears(4).toString());
            return as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(201)
                    .body("status", equalTo("EXPIRED")).extract().path("number");
        }
        String n = i.issue();
        switch (status) {
            case "SUSPENDED" -> assertThat(act(i, n, "suspend")).isEqualTo(200);
            case "REVOKED" -> assertThat(act(i, n, "revoke")).isEqualTo(200);
            case "CANCELLED" -> assertThat(act(i, n, "cancel")).isEqualTo(200);
            default -> { }
        }
        return n;
    }

    @Test
    void transitionTable() {
        Api.Issuer i = Api.newIssuer();
        Map<String, List<String>> allowed = Map.of(
                "VALID", List.of("suspend", "revoke", "cancel"),
                "SUSPENDED", List.of("reinstate", "revoke", "cancel"),
                "REVOKED", List.of(),
                "CANCELLED", List.of(),
                "EXPIRED", List.of());
        Map<String, String> result = Map.of("suspend", "SUSPENDED", "reinstate", "VALID", "revoke", "REVOKED", "cancel", "CANCELLED");
        for (var from : allowed.entrySet()) {
            for (String action : ACTIONS) {
                String n = inStatus(i, from.getKey());
                int before = anonymous().get("/api/v1/certificates/" + n).jsonPath().getList("history").size();
                int status = act(i, n, action);
                JsonPath after = anonymous().get("/api/v1/certificates/" + n).jsonPath();
                if (from.getValue().contains(action)) {
                    assertThat(status).as("%s from %s", action, from.getKey()).isEqualTo(200);
                    assertThat(after.getString("status")).isEqualTo(result.get(action));
                    assertThat(after.getList("history")).hasSize(before + 1);
                    assertThat(after.getString("history[" + before + "].from")).isEqualTo(from.getKey());
                } else {
                    assertThat(status).as("%s from %s", action, from.getKey()).isEqualTo(409);
                    assertThat(after.getString("status")).isEqualTo(from.getKey());
                    assertThat(after.getList("history")).hasSize(before);
                }
            }
        }
    }

    @Test
    void suspensionRulesAndReasonCodes() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String path = "/api/v1/certificates/" + n + "/suspend";
        as(i.token()).body(Map.of()).post(path).then().statusCode(400).body("errors.field", hasItem("reasonCode"));
        as(i.token()).body(Map.of("reasonCode", "NO_SUCH")).post(path).then().statusCode(400);
        as(i.token()).body(Map.of("reasonCode", "FRAUD")).post(path).then().statusCode(400).body("errors.field", hasItem("reasonCode"));
        as(i.token()).body(Map.of("reasonCode", "OTHER")).post(path).then().statusCode(400).body("errors.field", hasItem("reasonText"));
        as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST", "suspendedUntil", LocalDate.now().plusMonths(7).toString()))
                .post(path).then().statusCode(400).body("errors.field", hasItem("suspendedUntil"));
        as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST", "effectiveAt", "2999-01-01T00:00:00Z"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("effectiveAt"));
        anonymous().get("/api/v1/certificates/" + n).then().body("status", equalTo("VALID")).body("history", hasSize(1));

        String until = LocalDate.now().plusMonths(2).toString();
        as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST", "reasonText", "季节性停产", "suspendedUntil", until))
                .post(path).then().statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("markUsable", equalTo(false))
                .body("statusReason.code", equalTo("HOLDER_REQUEST"))
                .body("statusReason.suspendedUntil", equalTo(until))
                .body("history[1].event", equalTo("SUSPENDED"));
        as(i.token()).body(Map.of("reasonCode", "CORRECTION_VERIFIED", "suspendedUntil", until))
                .post("/api/v1/certificates/" + n + "/reinstate").then().statusCode(400);
        as(i.token()).body(Map.of("reasonCode", "CORRECTION_VERIFIED"))
                .post("/api/v1/certificates/" + n + "/reinstate").then().statusCode(200).body("status", equalTo("VALID"))
                .body("markUsable", equalTo(true));
    }

    @Test
    void anotherBodysCertificateDoesNotExistForYou() {
        Api.Issuer mine = Api.newIssuer();
        Api.Issuer other = Api.newIssuer();
        String n = mine.issue();
        String missing = n.substring(0, n.length() - 5) + "99999";
        for (String action : ACTIONS) {
            // indistinguishable from a number that does not exist at all
            String foreign = as(other.token()).body(reason(action)).post("/api/v1/certificates/" + n + "/" + action).then()
                    .statusCode(404).extract().path("detail");
            String absent = as(other.token()).body(reason(action)).post("/api/v1/certificates/" + missing + "/" + action).then()
                    .statusCode(404).extract().path("detail");
            assertThat(foreign.replace(n, "#")).isEqualTo(absent.replace(missing, "#"));
        }
        authority().body(reason("revoke")).post("/api/v1/certificates/" + n + "/revoke").then().statusCode(403);
        as(Api.enterpriseToken(mine.holder())).body(reason("cancel")).post("/api/v1/certificates/" + n + "/cancel").then().statusCode(403);
        anonymous().body(reason("cancel")).post("/api/v1/certificates/" + n + "/cancel").then().statusCode(401);
        anonymous().get("/api/v1/certificates/" + n).then().body("status", equalTo("VALID"));
    }

    @Test
    void bodySuspensionShowsOnItsCertificates() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String s = i.issue();
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督检查")).post("/api/v1/bodies/" + i.body() + "/status")
                .then().statusCode(200);
        anonymous().get("/api/v1/certificates/" + n).then().statusCode(200)
                .body("status", equalTo("VALID")).body("issuer.status", equalTo("SUSPENDED")).body("markUsable", equalTo(false));
        as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(403)
                .body("type", equalTo("urn:szmark:problem:body-not-active"));
        // it may still take trust away
        assertThat(act(i, s, "suspend")).isEqualTo(200);
        assertThat(act(i, s, "reinstate")).isEqualTo(403);
        authority().body(Map.of("status", "ACTIVE", "reason", "整改完成")).post("/api/v1/bodies/" + i.body() + "/status")
                .then().statusCode(200);
        anonymous().get("/api/v1/certificates/" + n).then().body("markUsable", equalTo(true));
    }

    @Test
    void renewalSupersedesThePredecessor() {
        Api.Issuer i = Api.newIssuer();
        Map<String, Object> first = i.request();
        first.put("issueDate", LocalDate.now().minusYears(2).toString());
        String old = as(i.token()).body(first).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
        Map<String, Object> renewal = new HashMap<>(i.request());
        renewal.put("predecessor", old);
        JsonPath r = as(i.token()).body(renewal).post("/api/v1/certificates").then().statusCode(201).extract().jsonPath();
        assertThat(r.getString("predecessor")).isEqualTo(old);
        assertThat(r.getString("firstIssueDate")).isEqualTo(first.get("issueDate"));
        anonymous().get("/api/v1/certificates/" + old).then()
                .body("status", equalTo("CANCELLED"))
                .body("successor", equalTo(r.getString("number")))
                .body("history[1].event", equalTo("SUPERSEDED"))
                .body("history[1].reasonCode", equalTo("RECERTIFIED"));
        as(i.token()).body(renewal).post("/api/v1/certificates").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:already-renewed"));
    }
}
