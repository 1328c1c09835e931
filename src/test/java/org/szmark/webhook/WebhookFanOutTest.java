package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * Deliveries derived from the log after the change commits: each change reaches each of its holder's
 * endpoints exactly once, however often a round runs, and a change whose deliveries were never written (a
 * crash between its commit and the fan-out) gets them on the next round.
 */
@QuarkusTest
class WebhookFanOutTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject WebhookFanOut fanOut;
    @Inject EntityManager em;

    private long deliveriesOf(String number) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM webhook_delivery WHERE certificate_number = ?1").setParameter(1, number)
                .getSingleResult()).longValue());
    }

    private long pairsOf(List<String> numbers) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(DISTINCT CONCAT(CAST(status_event_id AS VARCHAR(20)), '/', CAST(endpoint_id AS VARCHAR(20))))"
                        + " FROM webhook_delivery WHERE certificate_number IN (?1)").setParameter(1, numbers)
                .getSingleResult()).longValue());
    }

    private long cursor() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT last_log_index FROM webhook_fan_out WHERE id = 1").getSingleResult()).longValue());
    }

    private static List<String> issueBatch(Api.Issuer issuer, int n) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add(issuer.request());
        JsonPath batch = as(issuer.token()).body(Map.of("certificates", items))
                .post("/api/v1/certificates:batch").then().statusCode(200).extract().jsonPath();
        return batch.getList("results.certificate.number", String.class);
    }

    @Test
    void aBatchToAHolderWithManyEndpointsGetsOneDeliveryPerChangeAndEndpoint() throws Exception {
        WebhookTest.Setup s = WebhookTest.setup();
        try (Receiver r = Receiver.ok()) {
            int endpoints = 4;
            for (int i = 0; i < endpoints; i++) WebhookTest.register(s.enterpriseToken(), r.url() + "?n=" + i);
            List<String> numbers = issueBatch(s.issuer(), 30);
            Receiver.await("all deliveries written", WAIT, () -> pairsOf(numbers) == 30L * endpoints);
            // A round that runs again over the same entries (another instance, or the cursor put back after a
            // crash before it moved) writes nothing twice.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE webhook_fan_out SET last_log_index = -1 WHERE id = 1").executeUpdate());
            fanOut.poll();
            long total = 0;
            for (String n : numbers) total += deliveriesOf(n);
            assertThat(total).isEqualTo(30L * endpoints);
            Receiver.await("every delivery sent", WAIT, () -> r.requests().size() >= 30 * endpoints);
        }
    }

    @Test
    void aCommittedChangeWhoseDeliveriesWereNeverWrittenGetsThemOnTheNextRound() throws Exception {
        WebhookTest.Setup s = WebhookTest.setup();
        try (Receiver r = Receiver.ok()) {
            WebhookTest.register(s.enterpriseToken(), r.url());
            String number = s.issuer().issue();
            Receiver.await("the issuance's delivery", WAIT, () -> deliveriesOf(number) == 1);
            // As after a crash between the change's commit and its fan-out: the delivery is gone and the cursor
            // is behind the change's entry.
            long index = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery"
                        + " WHERE certificate_number = ?1)").setParameter(1, number).executeUpdate();
                em.createNativeQuery("DELETE FROM webhook_delivery WHERE certificate_number = ?1").setParameter(1, number)
                        .executeUpdate();
                long i = ((Number) em.createNativeQuery("SELECT e.log_index FROM status_event e JOIN certificate c"
                        + " ON c.id = e.certificate_id WHERE c.number = ?1").setParameter(1, number).getSingleResult()).longValue();
                em.createNativeQuery("UPDATE webhook_fan_out SET last_log_index = ?1 WHERE id = 1").setParameter(1, i - 1)
                        .executeUpdate();
                return i;
            });
            assertThat(deliveriesOf(number)).isZero();
            fanOut.poll();
            assertThat(deliveriesOf(number)).isEqualTo(1);
            assertThat(cursor()).isGreaterThanOrEqualTo(index);
        }
    }

    @Test
    void anEndpointReceivesOnlyChangesLoggedAfterItWasRegistered() throws Exception {
        WebhookTest.Setup s = WebhookTest.setup();
        String before = s.issuer().issue();
        try (Receiver r = Receiver.ok()) {
            WebhookTest.register(s.enterpriseToken(), r.url());
            String after = s.issuer().issue();
            Receiver.await("the later issuance's delivery", WAIT, () -> deliveriesOf(after) == 1);
            // even a round that starts from the beginning of the log
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE webhook_fan_out SET last_log_index = -1 WHERE id = 1").executeUpdate());
            fanOut.poll();
            assertThat(deliveriesOf(before)).isZero();
            assertThat(deliveriesOf(after)).isEqualTo(1);
        }
    }

    @Test
    void aDeletedEndpointGetsNoNewDeliveries() throws Exception {
        WebhookTest.Setup s = WebhookTest.setup();
        try (Receiver r = Receiver.ok()) {
            long id = WebhookTest.register(s.enterpriseToken(), r.url()).getLong("id");
            as(s.enterpriseToken()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
            String number = s.issuer().issue();
            fanOut.poll();
            assertThat(cursor()).isGreaterThanOrEqualTo(0);
            assertThat(deliveriesOf(number)).isZero();
        }
    }
}
