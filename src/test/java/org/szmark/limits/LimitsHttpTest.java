package org.szmark.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.szmark.config.SzmarkConfig;
import org.szmark.support.Api;

/**
 * The budgets and the search cap over HTTP. The budgets' clock is held still and moved by hand, so nothing
 * here depends on how fast the machine is; the cap is filled by the test itself.
 */
@QuarkusTest
class LimitsHttpTest {

    @Inject RateLimits limits;
    @Inject SearchGate searches;
    @Inject SzmarkConfig config;

    final AtomicLong now = new AtomicLong(System.nanoTime());

    @BeforeEach
    void holdTheClock() {
        limits.ticker(now::get);
    }

    @AfterEach
    void releaseTheClock() {
        limits.ticker(System::nanoTime);
    }

    @Test
    void writesBeyondTheBudgetAre429WithRetryAfterAndChangeNothingUntilTheBucketRefills() {
        Api.BodyWithCertifier body = Api.newBody();
        long account = as(body.certifierToken()).get("/api/v1/accounts/me").then().statusCode(200).extract().jsonPath().getLong("id");
        int burst = config.limits().writes().burst();
        for (int i = 0; i < burst; i++) limits.write(account);

        String code = Api.newCreditCode();
        Map<String, String> holder = Map.of("creditCode", code, "nameZh", "限流测试企业" + code);
        refused(as(body.certifierToken()).body(holder).post("/api/v1/enterprises").then(), 429, "rate-limited")
                .header("Retry-After", "1");
        // Nothing was written; reads are not counted; other accounts have budgets of their own.
        anonymous().get("/api/v1/enterprises/" + code).then().statusCode(404);
        as(body.certifierToken()).get("/api/v1/accounts/me").then().statusCode(200);
        as(body.certifierToken()).get("/api/v1/certificates?mine=true").then().statusCode(200);
        authority().body(Map.of("creditCode", Api.newCreditCode(), "nameZh", "另一家企业")).post("/api/v1/enterprises")
                .then().statusCode(201);
        // A request without a token is the security layer's, never a spent budget's.
        anonymous().body(holder).post("/api/v1/enterprises").then().statusCode(401);

        // A second at the configured rate gives writes back.
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        as(body.certifierToken()).body(holder).post("/api/v1/enterprises").then().statusCode(201);
        anonymous().get("/api/v1/enterprises/" + code).then().statusCode(200);
    }

    @Test
    void webhookTestsAreBudgetedPerEndpointAndPerAccountAndNoOneSpendsAnothersBudget() {
        String enterprise = Api.newEnterprise();
        String token = Api.enterpriseToken(enterprise);
        String stranger = Api.enterpriseToken(Api.newEnterprise());
        long[] endpoints = new long[5];
        for (int i = 0; i < endpoints.length; i++) {
            // A closed loopback port: the pings fail and are retried, which does not matter here.
            endpoints[i] = as(token).body(Map.of("url", "http://127.0.0.1:1/limits-" + i)).post("/api/v1/webhooks")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
        }
        int perEndpoint = config.limits().webhookTests().perEndpoint();
        int perAccount = config.limits().webhookTests().perAccount();
        assertThat(perAccount).isEqualTo(4 * perEndpoint); // the defaults this test is written for: 5 and 20 a minute

        // Another enterprise's tries are 404s and spend nothing of this endpoint's budget.
        for (int i = 0; i < 2 * perEndpoint; i++) as(stranger).post(test(endpoints[0])).then().statusCode(404);
        for (int i = 0; i < perEndpoint; i++) as(token).post(test(endpoints[0])).then().statusCode(202);
        refused(as(token).post(test(endpoints[0])).then(), 429, "rate-limited").header("Retry-After", "12");
        assertThat(as(token).get("/api/v1/webhooks/" + endpoints[0] + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getLong("total")).isEqualTo(perEndpoint);

        // Three more endpoints spend the rest of the account's budget; a fifth endpoint is then refused by it.
        for (int e = 1; e <= 3; e++) {
            for (int i = 0; i < perEndpoint; i++) as(token).post(test(endpoints[e])).then().statusCode(202);
        }
        refused(as(token).post(test(endpoints[4])).then(), 429, "rate-limited").header("Retry-After", "3");

        // Twelve seconds later the first endpoint has one test back, and the account four.
        now.addAndGet(TimeUnit.SECONDS.toNanos(12));
        as(token).post(test(endpoints[0])).then().statusCode(202);
        as(token).post(test(endpoints[4])).then().statusCode(202);
    }

    @Test
    void expensiveReadsBeyondTheCapAre503WithRetryAfterAndCheapOnesAreNotCapped() throws Exception {
        try (AutoCloseable held = searches.occupyAll()) {
            refused(anonymous().accept("text/html").get("/search?q=abc").then(), 503, "searches-busy").header("Retry-After", "1");
            refused(anonymous().get("/api/v1/certificates?q=abc").then(), 503, "searches-busy");
            refused(anonymous().get("/api/v1/enterprises?q=abc").then(), 503, "searches-busy");
            refused(anonymous().accept("text/html").get("/bodies").then(), 503, "searches-busy");
            refused(anonymous().accept("text/html").get("/stats").then(), 503, "searches-busy");
            anonymous().get("/api/v1/certificates").then().statusCode(200);
            anonymous().get("/api/v1/enterprises").then().statusCode(200);
        }
        assertThat(searches.free()).isEqualTo(config.limits().concurrentSearches());
        anonymous().accept("text/html").get("/search?q=abc").then().statusCode(200);
        anonymous().get("/api/v1/certificates?q=abc").then().statusCode(200);
        anonymous().accept("text/html").get("/bodies").then().statusCode(200);
    }

    private static String test(long endpoint) {
        return "/api/v1/webhooks/" + endpoint + "/test";
    }

    private static ValidatableResponse refused(ValidatableResponse r, int status, String type) {
        return r.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:szmark:problem:" + type)).body("status", equalTo(status));
    }
}
