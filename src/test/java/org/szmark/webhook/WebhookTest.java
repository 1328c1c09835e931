package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.szmark.account.Actor;
import org.szmark.account.Role;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateViews.StatusRequest;
import org.szmark.certificate.ReasonCode;
import org.szmark.certificate.StatusChange;
import org.szmark.support.Api;

/** Webhooks end to end against local receivers: delivery, signatures, retries, the delivery log and access rules. */
@QuarkusTest
class WebhookTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject CertificateService certificates;
    @Inject WebhookDispatcher dispatcher;

    /** An issuer, and an enterprise account for its holder. */
    record Setup(Api.Issuer issuer, String enterpriseToken) {}

    static Setup setup() {
        Api.Issuer i = Api.newIssuer();
        return new Setup(i, Api.enterpriseToken(i.holder()));
    }

    static JsonPath register(String token, String url) {
        return as(token).body(Map.of("url", url, "description", "ERP 接收端"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    static void change(Api.Issuer i, String number, String action, String reason) {
        as(i.token()).body(Map.of("reasonCode", reason)).post("/api/v1/certificates/" + number + "/" + action)
                .then().statusCode(200);
    }

    static JsonPath log(String token, long endpoint) {
        return as(token).get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    static String hmacHex(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void statusChangesAreDeliveredSignedAndLogged() throws Exception {
        Setup s = setup();
        try (Receiver r = Receiver.ok()) {
            JsonPath created = register(s.enterpriseToken(), r.url());
            String secret = created.getString("secret");
            long id = created.getLong("id");
            assertThat(secret).startsWith("whsec_").hasSize(6 + 43);
            assertThat(created.getString("secretHint")).isEqualTo(secret.substring(0, 10));
            assertThat(created.getString("url")).isEqualTo(r.url());

            String number = s.issuer().issue();
            change(s.issuer(), number, "suspend", "HOLDER_REQUEST");
            change(s.issuer(), number, "revoke", "NOT_CORRECTED");
            Receiver.await("three deliveries", WAIT, () -> r.requests().size() >= 3);

            // Deliveries may arrive in any order; seq orders them.
            Map<Integer, Receiver.Request> bySeq = r.requests().stream()
                    .collect(Collectors.toMap(q -> JsonPath.from(q.text()).getInt("certificate.seq"), Function.identity()));
            assertThat(bySeq).containsOnlyKeys(1, 2, 3);
            for (Receiver.Request q : r.requests()) {
                String ts = q.header("Szmark-Webhook-Timestamp");
                assertThat(q.header("Szmark-Webhook-Signature")).isEqualTo("v1=" + hmacHex(secret, ts, q.body()));
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts))).isLessThan(300);
                assertThat(WebhookSignature.verify(secret, ts, q.header("Szmark-Webhook-Signature"), q.body(),
                        Instant.now().getEpochSecond(), 300)).isTrue();
                assertThat(q.header("Content-Type")).startsWith("application/json");
                assertThat(q.header("Szmark-Webhook-Event")).isEqualTo("certificate.status-changed");
                assertThat(q.header("Szmark-Webhook-Attempt")).isEqualTo("1");
                assertThat(q.path()).isEqualTo("/hooks/szmark");
                JsonPath p = JsonPath.from(q.text());
                assertThat(q.header("Szmark-Webhook-Id")).isEqualTo(p.getString("id"));
                assertThat(p.getString("type")).isEqualTo("certificate.status-changed");
                assertThat(p.getString("occurredAt")).isNotBlank();
                assertThat(p.getString("certificate.number")).isEqualTo(number);
                assertThat(p.getString("holder.creditCode")).isEqualTo(s.issuer().holder());
                assertThat(p.getString("issuer.code")).isEqualTo(s.issuer().body());
                assertThat(p.getString("certificate.apiUrl")).endsWith("/api/v1/certificates/" + number);
                assertThat(p.getString("certificate.verifyUrl")).containsIgnoringCase("/v/");
                // the body's own signed event, checkable offline against the trust list
                String signed = new String(Base64.getUrlDecoder().decode(p.getString("signedEvent.payload")), StandardCharsets.UTF_8);
                assertThat(JsonPath.from(signed).getInt("seq")).isEqualTo(p.getInt("certificate.seq"));
                assertThat(JsonPath.from(signed).getString("certificate")).isEqualTo(number);
            }
            JsonPath issued = JsonPath.from(bySeq.get(1).text());
            assertThat(issued.getString("certificate.event")).isEqualTo("ISSUED");
            assertThat(issued.getString("certificate.status")).isEqualTo("VALID");
            assertThat(issued.getString("certificate.previousStatus")).isNull();
            JsonPath suspended = JsonPath.from(bySeq.get(2).text());
            assertThat(suspended.getString("certificate.event")).isEqualTo("SUSPENDED");
            assertThat(suspended.getString("certificate.status")).isEqualTo("SUSPENDED");
            assertThat(suspended.getString("certificate.previousStatus")).isEqualTo("VALID");
            assertThat(suspended.getString("certificate.reasonCode")).isEqualTo("HOLDER_REQUEST");
            assertThat(suspended.getString("certificate.suspendedUntil")).isNotBlank();
            JsonPath revoked = JsonPath.from(bySeq.get(3).text());
            assertThat(revoked.getString("certificate.event")).isEqualTo("REVOKED");
            assertThat(revoked.getString("certificate.status")).isEqualTo("REVOKED");
            assertThat(revoked.getString("certificate.previousStatus")).isEqualTo("SUSPENDED");
            assertThat(revoked.getString("certificate.reasonCode")).isEqualTo("NOT_CORRECTED");

            Receiver.await("log shows all delivered", WAIT, () -> log(s.enterpriseToken(), id).getList("items.state")
                    .stream().filter("DELIVERED"::equals).count() == 3);
            JsonPath log = log(s.enterpriseToken(), id);
            assertThat(log.getLong("total")).isEqualTo(3);
            assertThat(log.getList("items.attempts", Integer.class)).containsOnly(1);
            assertThat(log.getList("items.lastStatusCode", Integer.class)).containsOnly(204);
            assertThat(log.getList("items.certificate", String.class)).containsOnly(number);
            assertThat(log.getList("items.event", String.class)).containsExactlyInAnyOrder("ISSUED", "SUSPENDED", "REVOKED");
            assertThat(log.getList("items.deliveredAt")).doesNotContainNull();
            assertThat(log.getList("items.nextAttemptAt")).containsOnlyNulls();

            String deliveryId = JsonPath.from(bySeq.get(3).text()).getString("id");
            JsonPath one = as(s.enterpriseToken()).get("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(one.getString("state")).isEqualTo("DELIVERED");
            assertThat(one.getList("attemptLog")).hasSize(1);
            assertThat(one.getInt("attemptLog[0].statusCode")).isEqualTo(204);
            assertThat(one.getString("payload.id")).isEqualTo(deliveryId);
            assertThat(one.getString("payload.certificate.event")).isEqualTo("REVOKED");

            // the secret is never shown again
            as(s.enterpriseToken()).get("/api/v1/webhooks").then().statusCode(200)
                    .body("find { it.id == " + id + " }.secret", equalTo(null))
                    .body("find { it.id == " + id + " }.secretHint", equalTo(secret.substring(0, 10)));
            assertThat(as(s.enterpriseToken()).get("/api/v1/webhooks/" + id).asString()).doesNotContain(secret);
            assertThat(as(s.enterpriseToken()).get("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId).asString())
                    .doesNotContain(secret);
        }
    }

    @Test
    void aFailingReceiverGetsTheDeliveryOnALaterAttempt() throws Exception {
        Setup s = setup();
        String number = s.issuer().issue();
        try (Receiver r = Receiver.failingFirst(2, 503)) {
            JsonPath created = register(s.enterpriseToken(), r.url());
            long id = created.getLong("id");
            change(s.issuer(), number, "cancel", "PRODUCT_DISCONTINUED");
            Receiver.await("delivered after retries", WAIT,
                    () -> "DELIVERED".equals(log(s.enterpriseToken(), id).getString("items[0].state")));
            List<Receiver.Request> seen = r.requests();
            assertThat(seen).hasSize(3);
            assertThat(seen).extracting(q -> q.header("Szmark-Webhook-Attempt")).containsExactly("1", "2", "3");
            assertThat(seen).extracting(q -> q.header("Szmark-Webhook-Id")).containsOnly(seen.get(0).header("Szmark-Webhook-Id"));
            assertThat(seen).extracting(Receiver.Request::text).containsOnly(seen.get(0).text());
            for (Receiver.Request q : seen) {
                // each attempt is signed afresh with its own timestamp
                assertThat(q.header("Szmark-Webhook-Signature"))
                        .isEqualTo("v1=" + hmacHex(created.getString("secret"), q.header("Szmark-Webhook-Timestamp"), q.body()));
            }
            JsonPath log = log(s.enterpriseToken(), id);
            assertThat(log.getInt("items[0].attempts")).isEqualTo(3);
            assertThat(log.getInt("items[0].lastStatusCode")).isEqualTo(204);
            String deliveryId = log.getString("items[0].id");
            JsonPath one = as(s.enterpriseToken()).get("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId).jsonPath();
            assertThat(one.getList("attemptLog.statusCode", Integer.class)).containsExactly(503, 503, 204);
            assertThat(one.getList("attemptLog.error", String.class)).containsExactly("answered 503", "answered 503", null);
            assertThat(one.getList("attemptLog.attempt", Integer.class)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void anUnreachableReceiverNeitherFailsNorBlocksTheChange() throws Exception {
        Setup s = setup();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        long id = register(s.enterpriseToken(), "http://127.0.0.1:" + closedPort + "/down").getLong("id");
        String number = s.issuer().issue();
        change(s.issuer(), number, "suspend", "HOLDER_REQUEST");
        anonymous().get("/api/v1/certificates/" + number).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        assertThat(log(s.enterpriseToken(), id).getList("items.state", String.class)).hasSize(2)
                .allMatch(x -> x.equals("PENDING") || x.equals("FAILED"));
        // max-attempts is 4 in tests: the deliveries end FAILED with the reason in the log
        Receiver.await("deliveries given up", WAIT, () -> log(s.enterpriseToken(), id).getList("items.state", String.class)
                .stream().allMatch("FAILED"::equals));
        JsonPath log = log(s.enterpriseToken(), id);
        assertThat(log.getList("items.attempts", Integer.class)).containsOnly(4);
        // no answer: said so in one word, never with the address or the failure's own text
        assertThat(log.getList("items.lastError", String.class)).containsOnly("unreachable");
        assertThat(log.getList("items.lastStatusCode")).containsOnlyNulls();
        assertThat(as(s.enterpriseToken()).get("/api/v1/webhooks/" + id + "/deliveries?state=FAILED").jsonPath().getLong("total"))
                .isEqualTo(2);
        assertThat(as(s.enterpriseToken()).get("/api/v1/webhooks/" + id + "/deliveries?state=DELIVERED").jsonPath().getLong("total"))
                .isZero();
        as(s.enterpriseToken()).get("/api/v1/webhooks/" + id + "/deliveries?state=LOST").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOut() throws Exception {
        Setup s = setup();
        try (Receiver r = Receiver.hanging(5_000)) {
            long id = register(s.enterpriseToken(), r.url()).getLong("id");
            String number = s.issuer().issue();
            anonymous().get("/api/v1/certificates/" + number).then().statusCode(200).body("status", equalTo("VALID"));
            Receiver.await("first attempt recorded", WAIT, () -> log(s.enterpriseToken(), id).getInt("items[0].attempts") >= 1);
            JsonPath log = log(s.enterpriseToken(), id);
            assertThat(log.getString("items[0].lastError")).isEqualTo("unreachable");
            assertThat(log.getString("items[0].state")).isIn("PENDING", "FAILED");
        }
    }

    /** A batch writes its rows only at the end; each of its events still gets its delivery, renewals included. */
    @Test
    void aBatchIssuanceIsDeliveredEventByEvent() throws Exception {
        Setup s = setup();
        try (Receiver r = Receiver.ok()) {
            long id = register(s.enterpriseToken(), r.url()).getLong("id");
            String renewed = s.issuer().issue();
            Map<String, Object> renewal = s.issuer().request();
            renewal.put("predecessor", renewed);
            String unwatched = Api.newEnterprise();
            Api.newProduct(unwatched, "M-1");
            Map<String, Object> elsewhere = s.issuer().request();
            elsewhere.put("holder", unwatched);
            JsonPath batch = as(s.issuer().token())
                    .body(Map.of("certificates", List.of(s.issuer().request(), elsewhere, s.issuer().request(), renewal)))
                    .post("/api/v1/certificates:batch").then().statusCode(200).extract().jsonPath();
            assertThat(batch.getInt("issued")).isEqualTo(4);
            Receiver.await("five deliveries", WAIT, () -> r.requests().size() >= 5);
            assertThat(r.requests()).extracting(q -> JsonPath.from(q.text()).getString("certificate.number")
                            + " " + JsonPath.from(q.text()).getString("certificate.event"))
                    .containsExactlyInAnyOrder(renewed + " ISSUED", renewed + " SUPERSEDED",
                            batch.getString("results[0].certificate.number") + " ISSUED",
                            batch.getString("results[2].certificate.number") + " ISSUED",
                            batch.getString("results[3].certificate.number") + " ISSUED");
            assertThat(log(s.enterpriseToken(), id).getLong("total")).isEqualTo(5);
        }
    }

    @Test
    void aRolledBackChangeNotifiesNobody() throws Exception {
        Setup s = setup();
        try (Receiver r = Receiver.ok()) {
            long id = register(s.enterpriseToken(), r.url()).getLong("id");
            String number = s.issuer().issue();
            JsonPath me = as(s.issuer().token()).get("/api/v1/accounts/me").jsonPath();
            Actor certifier = new Actor(me.getLong("id"), Role.CERTIFIER, me.getLong("bodyId"), null, me.getString("name"));

            QuarkusTransaction.begin();
            try {
                certificates.changeStatus(number, StatusChange.SUSPENDED,
                        new StatusRequest(ReasonCode.HOLDER_REQUEST, null, null, null), certifier);
            } finally {
                QuarkusTransaction.rollback();
            }
            anonymous().get("/api/v1/certificates/" + number).then().body("status", equalTo("VALID"));
            assertThat(log(s.enterpriseToken(), id).getList("items.event", String.class)).containsExactly("ISSUED");

            change(s.issuer(), number, "cancel", "PRODUCT_DISCONTINUED");
            Receiver.await("issuance and cancellation delivered", WAIT, () -> r.requests().size() >= 2);
            Receiver.await("log settled", WAIT, () -> log(s.enterpriseToken(), id).getList("items.state", String.class)
                    .stream().allMatch("DELIVERED"::equals));
            assertThat(r.requests()).extracting(q -> JsonPath.from(q.text()).getString("certificate.event"))
                    .containsExactlyInAnyOrder("ISSUED", "CANCELLED");
            assertThat(log(s.enterpriseToken(), id).getList("items.event", String.class)).containsExactlyInAnyOrder("ISSUED", "CANCELLED");
        }
    }

    @Test
    void concurrentSendersDeliverEachAttemptOnce() throws Exception {
        Setup s = setup();
        try (Receiver r = Receiver.ok()) {
            long id = register(s.enterpriseToken(), r.url()).getLong("id");
            int n = 8;
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                // three extra senders racing the scheduled one, as several instances would
                List<Future<?>> senders = new java.util.ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    senders.add(pool.submit(() -> {
                        while (!stop.get()) dispatcher.runOnce();
                        return null;
                    }));
                }
                for (int k = 0; k < n; k++) s.issuer().issue();
                Receiver.await("all delivered", WAIT, () -> log(s.enterpriseToken(), id).getList("items.state", String.class)
                        .stream().filter("DELIVERED"::equals).count() == n);
                stop.set(true);
                for (Future<?> f : senders) f.get();
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
            Map<String, Long> perId = r.requests().stream()
                    .collect(Collectors.groupingBy(q -> q.header("Szmark-Webhook-Id"), Collectors.counting()));
            assertThat(perId).hasSize(n);
            assertThat(perId.values()).containsOnly(1L);
            assertThat(log(s.enterpriseToken(), id).getList("items.attempts", Integer.class)).containsOnly(1);
        }
    }

    @Test
    void backoffDoublesUpToTheCapAndHonoursRetryAfter() {
        // test settings: initial 200ms, cap 1s
        assertThat(dispatcher.backoff(1, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(dispatcher.backoff(2, null)).isEqualTo(Duration.ofMillis(400));
        assertThat(dispatcher.backoff(3, null)).isEqualTo(Duration.ofMillis(800));
        assertThat(dispatcher.backoff(4, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(dispatcher.backoff(60, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(dispatcher.backoff(1, Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
        assertThat(dispatcher.backoff(1, Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(1));
        assertThat(dispatcher.backoff(3, Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void pingIsSentLikeAnyDelivery() throws Exception {
        Setup s = setup();
        try (Receiver r = Receiver.ok()) {
            JsonPath created = register(s.enterpriseToken(), r.url());
            long id = created.getLong("id");
            String deliveryId = as(s.enterpriseToken()).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202)
                    .body("type", equalTo("webhook.ping")).body("state", equalTo("PENDING")).extract().path("id");
            Receiver.await("ping", WAIT, () -> !r.requests().isEmpty());
            Receiver.Request q = r.requests().get(0);
            assertThat(q.header("Szmark-Webhook-Id")).isEqualTo(deliveryId);
            assertThat(q.header("Szmark-Webhook-Event")).isEqualTo("webhook.ping");
            assertThat(q.header("Szmark-Webhook-Signature"))
                    .isEqualTo("v1=" + hmacHex(created.getString("secret"), q.header("Szmark-Webhook-Timestamp"), q.body()));
            assertThat(JsonPath.from(q.text()).getLong("endpoint.id")).isEqualTo(id);
        }
    }

    @Test
    void endpointsArePrivateToTheirEnterprise() throws Exception {
        Setup owner = setup();
        Setup other = setup();
        try (Receiver r = Receiver.ok()) {
            long id = register(owner.enterpriseToken(), r.url()).getLong("id");
            String base = "/api/v1/webhooks/" + id;
            as(other.enterpriseToken()).get("/api/v1/webhooks").then().statusCode(200).body("id", not(hasItem((int) id)));
            as(other.enterpriseToken()).get(base).then().statusCode(404).body("type", equalTo("urn:szmark:problem:not-found"));
            as(other.enterpriseToken()).get(base + "/deliveries").then().statusCode(404);
            as(other.enterpriseToken()).post(base + "/test").then().statusCode(404);
            as(other.enterpriseToken()).delete(base).then().statusCode(404);
            as(owner.enterpriseToken()).get(base).then().statusCode(200);
            as(owner.enterpriseToken()).get("/api/v1/webhooks/999999999").then().statusCode(404);
            as(owner.enterpriseToken()).get("/api/v1/webhooks/abc").then().statusCode(404);

            // another enterprise's certificates never reach this endpoint
            other.issuer().issue();

            as(owner.enterpriseToken()).delete(base).then().statusCode(204);
            as(owner.enterpriseToken()).get(base).then().statusCode(404);
            as(owner.enterpriseToken()).delete(base).then().statusCode(404);
            as(owner.enterpriseToken()).get("/api/v1/webhooks").then().statusCode(200).body("id", not(hasItem((int) id)));
            String number = owner.issuer().issue();
            change(owner.issuer(), number, "suspend", "HOLDER_REQUEST");

            // a live endpoint of the owner proves deliveries were being sent meanwhile
            try (Receiver live = Receiver.ok()) {
                register(owner.enterpriseToken(), live.url());
                change(owner.issuer(), number, "reinstate", "CORRECTION_VERIFIED");
                Receiver.await("live endpoint delivery", WAIT, () -> !live.requests().isEmpty());
            }
            assertThat(r.requests()).isEmpty();
        }
    }

    @Test
    void onlyEnterpriseAccountsManageWebhooks() {
        Api.Issuer i = Api.newIssuer();
        Map<String, String> body = Map.of("url", "https://hooks.example.test/szmark");
        as(i.token()).body(body).post("/api/v1/webhooks").then().statusCode(403);
        authority().body(body).post("/api/v1/webhooks").then().statusCode(403);
        anonymous().body(body).post("/api/v1/webhooks").then().statusCode(401);
        anonymous().get("/api/v1/webhooks").then().statusCode(401);
        as(i.token()).get("/api/v1/webhooks").then().statusCode(403);
        anonymous().delete("/api/v1/webhooks/1").then().statusCode(401);
    }

    @Test
    void badRegistrationsAreRefusedClearly() {
        Setup s = setup();
        String t = s.enterpriseToken();
        Map<String, String> refusals = new HashMap<>();
        refusals.put("ftp://hooks.example.test/x", "http or https");
        refusals.put("hooks.example.test/x", "http or https");
        refusals.put("http:///x", "host");
        refusals.put("not a url", "not a valid URL");
        refusals.put("https://u:p@hooks.example.test/", "user name or password");
        refusals.put("https://hooks.example.test/" + "a".repeat(2000), "2000");
        refusals.put("http://localhost:8080/api/v1/webhooks", "registry itself");   // szmark.public-base-url
        int port = io.restassured.RestAssured.port;                                  // the port the registry listens on
        refusals.put("http://127.0.0.1:" + port + "/api/v1/webhooks", "registry itself");
        refusals.put("http://[::1]:" + port + "/", "registry itself");
        refusals.put("", "is required");
        for (var e : refusals.entrySet()) {
            as(t).body(Map.of("url", e.getKey())).post("/api/v1/webhooks").then().statusCode(400)
                    .body("type", equalTo("urn:szmark:problem:validation"))
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString(e.getValue()));
        }
        as(t).body(Map.of("description", "no url")).post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        as(t).body(Map.of("url", "https://hooks.example.test/a", "description", "x".repeat(501)))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("description"));
        as(t).body("{\"url\": \"https://hooks.example.test/a\"").post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
        as(t).body(Map.of("url", "https://hooks.example.test/a", "events", "all")).post("/api/v1/webhooks").then().statusCode(400)
                .body("type", equalTo("urn:szmark:problem:malformed-json")).body("errors[0].field", equalTo("events"));
        as(t).body("{\"url\": 42}").post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        as(t).get("/api/v1/webhooks").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void registrationsAreLimitedAndNotDuplicated() {
        Setup s = setup();
        String t = s.enterpriseToken();
        register(t, "https://hooks.example.test/0");
        as(t).body(Map.of("url", "https://HOOKS.example.test/0")).post("/api/v1/webhooks").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:duplicate-webhook"));
        for (int k = 1; k < 10; k++) register(t, "https://hooks.example.test/" + k);
        as(t).body(Map.of("url", "https://hooks.example.test/10")).post("/api/v1/webhooks").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:webhook-limit-reached"));
        long first = as(t).get("/api/v1/webhooks").jsonPath().getLong("[0].id");
        as(t).delete("/api/v1/webhooks/" + first).then().statusCode(204);
        register(t, "https://hooks.example.test/10");
    }
}
