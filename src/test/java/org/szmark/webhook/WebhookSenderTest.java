package org.szmark.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.szmark.webhook.WebhookSender.Answer;
import org.szmark.webhook.WebhookUrls.Pinned;

/**
 * The sender against local Vert.x servers on 127.0.0.1: the connection goes to the pinned address while the
 * request, the TLS server name and the certificate check use the URL's host, which never resolves anywhere.
 */
class WebhookSenderTest {

    static final String HOST = "hooks.example.test";
    /** Generous: a TLS handshake on a loaded CI machine can take over two seconds; the tests never wait for it to pass. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static Vertx vertx;

    record Seen(String host, String uri, String body, String sni, String signature) {}

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static HttpServer serve(HttpServerOptions options, List<Seen> seen, Consumer<HttpServerRequest> answer) throws Exception {
        return vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0))
                .requestHandler(r -> r.body().onSuccess(b -> {
                    seen.add(new Seen(r.getHeader("Host"), r.uri(), b.toString(), r.connection().indicatedServerName(),
                            r.getHeader("Szmark-Webhook-Signature")));
                    answer.accept(r);
                }))
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Pinned pinned(String host, int port, boolean https, String requestUri) throws Exception {
        return new Pinned(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port, host, https, host + ":" + port, requestUri);
    }

    static Answer send(WebhookSender sender, Pinned target) throws Exception {
        return sender.post(target, Map.of("Szmark-Webhook-Signature", "v1=00", "Content-Type", "application/json"),
                "{\"ok\":true}".getBytes()).get(20, TimeUnit.SECONDS);
    }

    static WebhookSender plain() {
        return WebhookSender.over(vertx.createHttpClient(WebhookSender.options(TIMEOUT)), TIMEOUT);
    }

    @Test
    void postsToThePinnedAddressAsTheUrlsHost() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer server = serve(new HttpServerOptions(), seen, r -> r.response().setStatusCode(204).end());
        try {
            Answer a = send(plain(), pinned(HOST, server.actualPort(), false, "/in/hook?x=1&y=%20"));
            assertThat(a.status()).isEqualTo(204);
            assertThat(a.retryAfter()).isNull();
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).host()).isEqualTo(HOST + ":" + server.actualPort());
            assertThat(seen.get(0).uri()).isEqualTo("/in/hook?x=1&y=%20");
            assertThat(seen.get(0).body()).isEqualTo("{\"ok\":true}");
            assertThat(seen.get(0).signature()).isEqualTo("v1=00");
        } finally {
            server.close();
        }
    }

    @Test
    void reportsTheStatusLineAndRetryAfterButFollowsNoRedirect() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer server = serve(new HttpServerOptions(), seen, r -> {
            switch (r.path()) {
                case "/busy" -> r.response().setStatusCode(503).putHeader("Retry-After", "7").end();
                case "/dated" -> r.response().setStatusCode(429).putHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT").end();
                case "/moved" -> r.response().setStatusCode(302).putHeader("Location", "/elsewhere").end();
                default -> r.response().setStatusCode(200).end(Buffer.buffer(new byte[1 << 20]));   // more than is read
            }
        });
        try {
            WebhookSender sender = plain();
            Answer busy = send(sender, pinned(HOST, server.actualPort(), false, "/busy"));
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            assertThat(send(sender, pinned(HOST, server.actualPort(), false, "/dated")).retryAfter()).isNull();
            assertThat(send(sender, pinned(HOST, server.actualPort(), false, "/moved")).status()).isEqualTo(302);
            assertThat(send(sender, pinned(HOST, server.actualPort(), false, "/big")).status()).isEqualTo(200);
            assertThat(seen).extracting(Seen::uri).containsExactly("/busy", "/dated", "/moved", "/big");
        } finally {
            server.close();
        }
    }

    @Test
    void noAnswerFailsTheAttempt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        WebhookSender sender = WebhookSender.over(vertx.createHttpClient(WebhookSender.options(Duration.ofMillis(500))),
                Duration.ofMillis(500));
        Pinned refused = pinned(HOST, closed, false, "/");
        assertThatThrownBy(() -> send(sender, refused)).isInstanceOf(ExecutionException.class);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer silent = serve(new HttpServerOptions(), seen, r -> { });   // reads the request, never answers
        try {
            Pinned hanging = pinned(HOST, silent.actualPort(), false, "/");
            assertThatThrownBy(() -> send(sender, hanging)).isInstanceOf(ExecutionException.class);
            assertThat(seen).hasSize(1);
        } finally {
            silent.close();
        }
    }

    // ---- TLS: server name and certificate checked against the URL's host, not the address ----

    record Tls(String certPem, String keyPem) {}

    static Tls selfSigned(String dnsName) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair kp = g.generateKeyPair();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + dnsName), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)), new X500Name("CN=" + dnsName), kp.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes());
        return new Tls("-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(der) + "\n-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void tlsSendsTheHostAsServerNameAndChecksTheCertificateAgainstIt() throws Exception {
        Tls tls = selfSigned(HOST);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServerOptions options = new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertValue(Buffer.buffer(tls.certPem())).setKeyValue(Buffer.buffer(tls.keyPem())));
        HttpServer server = serve(options, seen, r -> r.response().setStatusCode(204).end());
        try {
            PemTrustOptions trust = new PemTrustOptions().addCertValue(Buffer.buffer(tls.certPem()));
            WebhookSender trusting = WebhookSender.over(vertx.createHttpClient(WebhookSender.options(TIMEOUT).setTrustOptions(trust)), TIMEOUT);
            assertThat(send(trusting, pinned(HOST, server.actualPort(), true, "/tls")).status()).isEqualTo(204);
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).sni()).isEqualTo(HOST);
            assertThat(seen.get(0).host()).isEqualTo(HOST + ":" + server.actualPort());

            // The same server and address under another name: the certificate does not match that name.
            Pinned otherName = pinned("other.example.test", server.actualPort(), true, "/tls");
            assertThatThrownBy(() -> send(trusting, otherName)).isInstanceOf(ExecutionException.class);
            // Without trust in the certificate nothing is sent either.
            Pinned untrusted = pinned(HOST, server.actualPort(), true, "/tls");
            assertThatThrownBy(() -> send(plain(), untrusted)).isInstanceOf(ExecutionException.class);
            assertThat(seen).hasSize(1);
        } finally {
            server.close();
        }
    }

    @Test
    void aFailedRequestBeforeSendingStillCompletes() throws Exception {
        WebhookSender closed = WebhookSender.over(vertx.createHttpClient(WebhookSender.options(TIMEOUT)), TIMEOUT);
        closed.close();
        CompletableFuture<Answer> f = closed.post(pinned(HOST, 9, false, "/"), Map.of(), new byte[0]);
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }
}
