package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where an attempt connects, end to end: names under {@code example.test} (RFC 6761 §6.2, never resolvable)
 * are mapped by a test resolver to loopback addresses, and the lookups are counted.
 */
@QuarkusTest
class WebhookPinningTest {

    @Inject SelfAddresses selfAddresses;

    /** Answers scripted loopback addresses for mapped names, one answer per lookup (the last repeats). */
    static final class MappedResolver extends SystemResolver {
        private final Map<String, List<String>> answers;
        private final List<String> asked = new ArrayList<>();

        MappedResolver(Map<String, List<String>> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<String> script = answers.get(host);
            if (script == null) {
                if (host.endsWith(".test")) throw new UnknownHostException(host);
                return super.resolve(host);
            }
            int n;
            synchronized (asked) {
                asked.add(host);
                n = (int) asked.stream().filter(host::equals).count();
            }
            String ip = script.get(Math.min(n, script.size()) - 1);
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress())};
        }

        long lookups(String host) {
            synchronized (asked) {
                return asked.stream().filter(host::equals).count();
            }
        }
    }

    static MappedResolver install(Map<String, List<String>> answers) {
        MappedResolver dns = new MappedResolver(answers);
        QuarkusMock.installMockForType(dns, Resolver.class);
        return dns;
    }

    static JsonPath delivery(String token, long endpoint, String deliveryId) {
        return as(token).get("/api/v1/webhooks/" + endpoint + "/deliveries/" + deliveryId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachAttemptLooksTheNameUpOnceAndSendsTheUrlsHost() throws Exception {
        MappedResolver dns = install(Map.of("hooks.example.test", List.of("127.0.0.1")));
        WebhookTest.Setup s = WebhookTest.setup();
        try (Receiver r = Receiver.failingFirst(1, 503)) {
            long id = WebhookTest.register(s.enterpriseToken(), r.url("hooks.example.test")).getLong("id");
            assertThat(dns.lookups("hooks.example.test")).as("the embedded run does not look names up at registration").isZero();
            s.issuer().issue();
            Receiver.await("delivered on the second attempt", WebhookTest.WAIT,
                    () -> "DELIVERED".equals(WebhookTest.log(s.enterpriseToken(), id).getString("items[0].state")));
            assertThat(r.requests()).hasSize(2);
            assertThat(r.requests()).extracting(q -> q.header("Host")).containsOnly("hooks.example.test:" + r.port());
            assertThat(dns.lookups("hooks.example.test")).as("one lookup per attempt").isEqualTo(2);
            String deliveryId = WebhookTest.log(s.enterpriseToken(), id).getString("items[0].id");
            assertThat(delivery(s.enterpriseToken(), id, deliveryId).getList("attemptLog.error", String.class))
                    .containsExactly("answered 503", null);
        }
    }

    /**
     * A name whose later answers point elsewhere: the attempt connects to the address its own lookup answered
     * and checked, never to one a second lookup would give (there is none).
     */
    @Test
    void theConnectionGoesToTheAddressTheAttemptChecked() throws Exception {
        try (Receiver checked = Receiver.okAt("127.0.0.2", 0); Receiver other = Receiver.okAt("127.0.0.3", checked.port())) {
            MappedResolver dns = install(Map.of("rebind.example.test", List.of("127.0.0.2", "127.0.0.3")));
            WebhookTest.Setup s = WebhookTest.setup();
            long id = WebhookTest.register(s.enterpriseToken(), checked.url("rebind.example.test")).getLong("id");
            s.issuer().issue();
            Receiver.await("delivered", WebhookTest.WAIT,
                    () -> "DELIVERED".equals(WebhookTest.log(s.enterpriseToken(), id).getString("items[0].state")));
            assertThat(checked.requests()).hasSize(1);
            assertThat(checked.requests().get(0).header("Host")).isEqualTo("rebind.example.test:" + checked.port());
            assertThat(other.requests()).isEmpty();
            assertThat(dns.lookups("rebind.example.test")).isEqualTo(1);
        }
    }

    /** With private targets allowed (the embedded run) the registry itself is still refused, at every attempt. */
    @Test
    void aNameThatLeadsToTheRegistryItselfIsRefusedInNeutralWords() {
        MappedResolver dns = install(Map.of("loop.example.test", List.of("127.0.0.1")));
        WebhookTest.Setup s = WebhookTest.setup();
        String url = "http://loop.example.test:" + RestAssured.port + "/api/v1/status";
        long id = WebhookTest.register(s.enterpriseToken(), url).getLong("id");
        String deliveryId = as(s.enterpriseToken()).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202)
                .extract().path("id");
        Receiver.await("given up", WebhookTest.WAIT,
                () -> "FAILED".equals(delivery(s.enterpriseToken(), id, deliveryId).getString("state")));
        JsonPath d = delivery(s.enterpriseToken(), id, deliveryId);
        assertThat(d.getString("lastError")).isEqualTo("refused");
        assertThat(d.getList("attemptLog.error", String.class)).hasSize(4).containsOnly("refused");
        assertThat(d.getList("attemptLog.statusCode")).containsOnlyNulls();
        assertThat(dns.lookups("loop.example.test")).isEqualTo(4);
        String answer = as(s.enterpriseToken()).get("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId).asString();
        assertThat(answer).doesNotContain("127.0.0.1").doesNotContain("loopback").doesNotContain("Exception");
    }

    @Test
    void selfIsTheRunsOwnPortsOnEveryLocalAddress() {
        Self self = selfAddresses.current();
        assertThat(self.ports()).contains(RestAssured.port, 8444).doesNotContain(9001);   // management is off
        assertThat(self.localAddresses()).as("the loopback interface is enumerated").contains("127.0.0.1");
        assertThat(self.baseHost()).isEqualTo("localhost");
        assertThat(self.isSelf(new byte[] {127, 0, 0, 1}, RestAssured.port)).isTrue();
        assertThat(self.isSelf(new byte[] {127, 0, 0, 1}, RestAssured.port + 1)).isFalse();
    }

    @Test
    void aNameThatDoesNotResolveIsUnreachable() {
        install(Map.of());
        WebhookTest.Setup s = WebhookTest.setup();
        long id = WebhookTest.register(s.enterpriseToken(), "http://nowhere.example.test:8099/hooks").getLong("id");
        String deliveryId = as(s.enterpriseToken()).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202)
                .extract().path("id");
        Receiver.await("given up", WebhookTest.WAIT,
                () -> "FAILED".equals(delivery(s.enterpriseToken(), id, deliveryId).getString("state")));
        assertThat(delivery(s.enterpriseToken(), id, deliveryId).getList("attemptLog.error", String.class)).containsOnly("unreachable");
    }
}
