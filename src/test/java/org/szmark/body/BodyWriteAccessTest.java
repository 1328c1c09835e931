package org.szmark.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * Every kind of certifier write against each body status (CertifierWrites): a suspended body may only take
 * trust away, a withdrawn one writes nothing, and reactivation restores everything.
 */
@QuarkusTest
class BodyWriteAccessTest {

    static Response act(Api.Issuer i, String number, String action) {
        return as(i.token()).body(Api.statusReason(action)).post("/api/v1/certificates/" + number + "/" + action);
    }

    static void setStatus(Api.Issuer i, String status) {
        authority().body(Map.of("status", status, "reason", "测试 " + status)).post("/api/v1/bodies/" + i.body() + "/status")
                .then().statusCode(200).body("status", equalTo(status));
    }

    static long accountId(String token) {
        return ((Number) as(token).get("/api/v1/accounts/me").then().statusCode(200).extract().path("id")).longValue();
    }

    /** Everything a certifier might write, each answered with its status code. */
    record Writes(Map<String, Integer> status) {
        static Writes of(Api.Issuer i, String suspended, String valid1, String valid2, String valid3, String predecessor) {
            Map<String, Integer> s = new HashMap<>();
            s.put("issue", as(i.token()).body(i.request()).post("/api/v1/certificates").statusCode());
            s.put("batch", as(i.token()).body(Map.of("certificates", List.of(i.request()))).post("/api/v1/certificates:batch").statusCode());
            Map<String, Object> renewal = new HashMap<>(i.request());
            renewal.put("predecessor", predecessor);
            s.put("renew", as(i.token()).body(renewal).post("/api/v1/certificates").statusCode());
            s.put("reinstate", act(i, suspended, "reinstate").statusCode());
            s.put("suspend", act(i, valid1, "suspend").statusCode());
            s.put("revoke", act(i, valid2, "revoke").statusCode());
            s.put("cancel", act(i, valid3, "cancel").statusCode());
            s.put("enterprise.create", as(i.token()).body(Map.of("creditCode", Api.newCreditCode(), "nameZh", "新企业"))
                    .post("/api/v1/enterprises").statusCode());
            s.put("enterprise.update", as(i.token()).body(Map.of("nameZh", "深圳测试企业（更新）"))
                    .put("/api/v1/enterprises/" + i.holder()).statusCode());
            s.put("product.create", as(i.token()).body(Map.of("nameZh", "新产品", "model", "W-" + Api.uniqueSuffix()))
                    .post("/api/v1/enterprises/" + i.holder() + "/products").statusCode());
            long me = accountId(i.token());
            Response minted = as(i.token()).body(Map.of("label", "rotation")).post("/api/v1/accounts/" + me + "/tokens");
            s.put("token.issue", minted.statusCode());
            return new Writes(s);
        }
    }

    /** Certificates in the states the checks need, made while the body is active. */
    record Fixture(Api.Issuer issuer, String suspended, String v1, String v2, String v3, String predecessor, String spareToken) {
        static Fixture make() {
            Api.Issuer i = Api.newIssuer();
            String suspended = i.issue();
            assertThat(act(i, suspended, "suspend").statusCode()).isEqualTo(200);
            String spare = as(i.token()).body(Map.of("label", "spare")).post("/api/v1/accounts/" + accountId(i.token()) + "/tokens")
                    .then().statusCode(201).extract().path("token");
            return new Fixture(i, suspended, i.issue(), i.issue(), i.issue(), i.issue(), spare);
        }

        Writes writes() {
            return Writes.of(issuer, suspended, v1, v2, v3, predecessor);
        }
    }

    @Test
    void aSuspendedBodyMayOnlyTakeTrustAway() {
        Fixture f = Fixture.make();
        Api.Issuer other = Api.newIssuer();
        setStatus(f.issuer(), "SUSPENDED");
        Writes w = f.writes();
        assertThat(w.status()).containsAllEntriesOf(Map.of(
                "issue", 403, "batch", 403, "renew", 403, "reinstate", 403,
                "suspend", 200, "revoke", 200, "cancel", 200,
                "enterprise.create", 403, "enterprise.update", 403, "product.create", 403));
        assertThat(w.status()).containsEntry("token.issue", 201);
        as(f.issuer().token()).body(f.issuer().request()).post("/api/v1/certificates").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:szmark:problem:body-not-active"))
                .body("detail", containsString(f.issuer().body() + " is SUSPENDED"));
        as(f.issuer().token()).body(Map.of("nameZh", "x")).put("/api/v1/enterprises/" + f.issuer().holder()).then()
                .statusCode(403).body("detail", containsString("SUSPENDED"));
        // the refused writes changed nothing
        anonymous().get("/api/v1/certificates/" + f.suspended()).then().body("status", equalTo("SUSPENDED"));
        anonymous().get("/api/v1/enterprises/" + f.issuer().holder()).then().body("nameZh", equalTo("深圳测试企业" + f.issuer().holder()));
        // reads and the revocation of its own tokens still work
        assertThat(revokeOwn(f.spareToken())).isEqualTo(200);
        // other bodies and the authority are not affected
        other.issue();
        authority().body(Map.of("nameZh", "深圳测试企业" + f.issuer().holder())).put("/api/v1/enterprises/" + f.issuer().holder())
                .then().statusCode(200);
    }

    @Test
    void aWithdrawnBodysCertifiersWriteNothing() {
        Fixture f = Fixture.make();
        setStatus(f.issuer(), "WITHDRAWN");
        Writes w = f.writes();
        assertThat(w.status()).as("every write of a withdrawn body's certifier").allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(403));
        act(f.issuer(), f.v1(), "revoke").then().contentType("application/problem+json")
                .body("type", equalTo("urn:szmark:problem:body-not-active"))
                .body("detail", containsString(f.issuer().body() + " is WITHDRAWN"));
        anonymous().get("/api/v1/certificates/" + f.v1()).then().body("status", equalTo("VALID"))
                .body("issuer.status", equalTo("WITHDRAWN")).body("markUsable", equalTo(false));
        // its certifiers can still read and give up their own tokens
        as(f.issuer().token()).get("/api/v1/accounts/me").then().statusCode(200);
        assertThat(revokeOwn(f.spareToken())).isEqualTo(200);
    }

    @Test
    void reactivationRestoresEveryWrite() {
        Fixture f = Fixture.make();
        setStatus(f.issuer(), "SUSPENDED");
        assertThat(f.writes().status()).containsEntry("issue", 403);
        setStatus(f.issuer(), "ACTIVE");
        Fixture again = new Fixture(f.issuer(), f.suspended(), f.issuer().issue(), f.issuer().issue(), f.issuer().issue(),
                f.issuer().issue(), f.spareToken());
        Writes w = again.writes();
        assertThat(w.status()).containsAllEntriesOf(Map.of(
                "issue", 201, "renew", 201, "reinstate", 200, "suspend", 200, "revoke", 200, "cancel", 200,
                "enterprise.create", 201, "enterprise.update", 200, "product.create", 201, "token.issue", 201));
        assertThat(w.status()).containsEntry("batch", 200);
    }

    /** Revokes the token labelled "spare" with itself; returns the status. */
    private static int revokeOwn(String token) {
        long id = ((Number) as(token).get("/api/v1/accounts/me").then().statusCode(200)
                .extract().path("tokens.find { it.label == 'spare' }.id")).longValue();
        return as(token).delete("/api/v1/tokens/" + id).statusCode();
    }
}
