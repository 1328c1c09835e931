package org.szmark.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** Disabling and enabling accounts, the last authority, and who may mint tokens for which account. */
@QuarkusTest
class AccountDisableTest {

    @Inject EntityManager em;

    static long idOf(String token) {
        return ((Number) as(token).get("/api/v1/accounts/me").then().statusCode(200).extract().path("id")).longValue();
    }

    static long authorityId() {
        return idOf(Api.AUTHORITY_TOKEN);
    }

    static Map<String, Object> reason(String text) {
        return Map.of("reason", text);
    }

    @Test
    void aDisabledAccountsTokensAnswer401AtOnceAndEnablingRestoresThem() {
        Api.Issuer i = Api.newIssuer();
        String enterprise = Api.enterpriseToken(i.holder());
        for (String token : List.of(i.token(), enterprise)) {
            long id = idOf(token);
            authority().body(reason("contract ended")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(200)
                    .body("disabled", equalTo(true)).body("disabledReason", equalTo("contract ended"))
                    .body("disabledBy", equalTo((int) authorityId())).body("disabledAt", notNullValue());
            // the very next request, read or write
            as(token).get("/api/v1/accounts/me").then().statusCode(401)
                    .contentType("application/problem+json").body("type", equalTo("urn:szmark:problem:unauthorized"));
            // the authority sees the state, the reason and who disabled it
            authority().get("/api/v1/accounts/" + id).then().statusCode(200)
                    .body("disabled", equalTo(true)).body("disabledReason", equalTo("contract ended"))
                    .body("disabledBy", equalTo((int) authorityId()));
            authority().get("/api/v1/accounts").then().statusCode(200)
                    .body("find { it.id == " + id + " }.disabledReason", equalTo("contract ended"));

            authority().post("/api/v1/accounts/" + id + "/enable").then().statusCode(200)
                    .body("disabled", equalTo(false)).body("disabledReason", nullValue()).body("disabledBy", nullValue());
            as(token).get("/api/v1/accounts/me").then().statusCode(200).body("disabled", equalTo(false));
        }
        // a disabled certifier cannot issue, and can again once enabled
        long certifier = idOf(i.token());
        authority().body(reason("audit")).post("/api/v1/accounts/" + certifier + "/disable").then().statusCode(200);
        as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(401);
        authority().post("/api/v1/accounts/" + certifier + "/enable").then().statusCode(200);
        i.issue();
    }

    @Test
    void aDisableWrittenElsewhereCountsFromTheNextRequest() {
        // Another instance writes only to the shared database: nothing held in this one may outlive it.
        String token = Api.newBody().certifierToken();
        long id = idOf(token);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update account set disabled_at = current_timestamp, disabled_reason = 'elsewhere' where id = ?1")
                .setParameter(1, id).executeUpdate());
        as(token).get("/api/v1/accounts/me").then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update account set disabled_at = null, disabled_reason = null where id = ?1").setParameter(1, id).executeUpdate());
        as(token).get("/api/v1/accounts/me").then().statusCode(200);
    }

    @Test
    void disablingNeedsTheAuthorityAReasonAndAChange() {
        String certifier = Api.newBody().certifierToken();
        String other = Api.newBody().certifierToken();
        long id = idOf(certifier);
        anonymous().body(reason("x")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(401);
        as(other).body(reason("x")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(403);
        as(certifier).body(reason("x")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(403);
        as(Api.enterpriseToken(Api.newEnterprise())).post("/api/v1/accounts/" + id + "/enable").then().statusCode(403);
        authority().body(Map.of()).post("/api/v1/accounts/" + id + "/disable").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        authority().body(reason("  ")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(400);
        authority().body(reason("x".repeat(501))).post("/api/v1/accounts/" + id + "/disable").then().statusCode(400);
        authority().post("/api/v1/accounts/" + id + "/disable").then().statusCode(400);
        authority().body(reason("x")).post("/api/v1/accounts/99999999/disable").then().statusCode(404)
                .contentType("application/problem+json");
        authority().post("/api/v1/accounts/" + id + "/enable").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:no-status-change"));
        as(certifier).get("/api/v1/accounts/me").then().statusCode(200);
        authority().body(reason("first")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(200);
        authority().body(reason("second")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:no-status-change"));
        // the refused second disable changed nothing
        authority().get("/api/v1/accounts/" + id).then().body("disabledReason", equalTo("first"));
        authority().post("/api/v1/accounts/" + id + "/enable").then().statusCode(200);
    }

    @Test
    void theLastEnabledAuthorityCannotBeDisabledEvenByTwoAuthoritiesAtOnce() throws Exception {
        long bootstrap = authorityId();
        // leave the bootstrap authority as the only enabled one (other tests create authority accounts)
        JsonPath all = authority().get("/api/v1/accounts").then().statusCode(200).extract().jsonPath();
        List<Integer> others = new ArrayList<>();
        for (int k = 0; k < all.getList("id").size(); k++) {
            if (all.getString("[" + k + "].role").equals("AUTHORITY") && !all.getBoolean("[" + k + "].disabled")
                    && all.getLong("[" + k + "].id") != bootstrap) {
                others.add(all.getInt("[" + k + "].id"));
            }
        }
        for (int id : others) {
            authority().body(reason("test: last authority")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(200);
        }
        authority().body(reason("self")).post("/api/v1/accounts/" + bootstrap + "/disable").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:szmark:problem:last-authority"));
        authority().get("/api/v1/accounts/me").then().statusCode(200);

        String second = authority().body(Map.of("name", "Second operator (last authority test)")).post("/api/v1/accounts")
                .then().statusCode(201).extract().path("token");
        long secondId = idOf(second);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int[] statuses;
        try {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> {
                await(start);
                return as(second).body(reason("race")).post("/api/v1/accounts/" + bootstrap + "/disable").statusCode();
            }, pool);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
                await(start);
                return authority().body(reason("race")).post("/api/v1/accounts/" + secondId + "/disable").statusCode();
            }, pool);
            start.countDown();
            statuses = new int[] {a.get(), b.get()};
        } finally {
            pool.shutdown();
        }
        // exactly one won; the other was refused as the last authority, or was already locked out
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).containsAnyOf(409, 401).hasSize(2);
        boolean bootstrapEnabled = authority().get("/api/v1/accounts/me").statusCode() == 200;
        boolean secondEnabled = as(second).get("/api/v1/accounts/me").statusCode() == 200;
        assertThat(bootstrapEnabled ^ secondEnabled).as("exactly one authority is still enabled").isTrue();
        if (!bootstrapEnabled) {
            as(second).post("/api/v1/accounts/" + bootstrap + "/enable").then().statusCode(200);
        }
        authority().get("/api/v1/accounts/me").then().statusCode(200);
        if (secondEnabled) {
            authority().body(reason("test done")).post("/api/v1/accounts/" + secondId + "/disable").then().statusCode(200);
        }
        authority().body(reason("self")).post("/api/v1/accounts/" + bootstrap + "/disable").then().statusCode(409);
    }

    @Test
    void onlyTheOwnerMintsItsTokens() {
        Api.BodyWithCertifier b = Api.newBody();
        String enterprise = Api.enterpriseToken(Api.newEnterprise());
        String otherAuthority = authority().body(Map.of("name", "Operator (token test)")).post("/api/v1/accounts")
                .then().statusCode(201).extract().path("token");
        for (String owner : List.of(b.certifierToken(), enterprise, otherAuthority)) {
            long id = idOf(owner);
            int before = as(owner).get("/api/v1/accounts/me").then().extract().path("tokens.size()");
            // the authority may create an account and disable it, but never mint a further token for it
            authority().body(Map.of("label", "mine now")).post("/api/v1/accounts/" + id + "/tokens").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("urn:szmark:problem:owner-only"));
            as(owner).get("/api/v1/accounts/me").then().body("tokens.size()", equalTo(before));
            // the owner may
            String own = as(owner).body(Map.of("label", "rotation")).post("/api/v1/accounts/" + id + "/tokens")
                    .then().statusCode(201).extract().path("token");
            as(own).get("/api/v1/accounts/me").then().statusCode(200).body("id", equalTo((int) id));
            // the authority may still revoke it
            long tokenId = ((Number) as(own).get("/api/v1/accounts/me").then().extract()
                    .path("tokens.find { it.label == 'rotation' }.id")).longValue();
            authority().delete("/api/v1/tokens/" + tokenId).then().statusCode(200).body("revokedAt", notNullValue());
            as(own).get("/api/v1/accounts/me").then().statusCode(401);
        }
        // someone else's account is invisible to a non-authority
        as(enterprise).body(Map.of()).post("/api/v1/accounts/" + idOf(b.certifierToken()) + "/tokens").then().statusCode(404);
        as(enterprise).get("/api/v1/accounts/" + idOf(b.certifierToken())).then().statusCode(404);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
