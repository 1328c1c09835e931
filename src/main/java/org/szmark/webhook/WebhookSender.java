package org.szmark.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.szmark.config.SzmarkConfig;
import org.szmark.webhook.WebhookUrls.Pinned;

/**
 * POSTs one webhook attempt to a {@link Pinned} target: the TCP connection goes to the checked address and
 * nowhere else, while the request speaks to the URL's host: the Host header is the URL's authority, TLS sends
 * the host as server name (RFC 6066 §3) and checks the certificate against it (RFC 9110 §4.3.4), never against
 * the address. The JDK's HttpClient cannot be told which address to use, so this is Vert.x core's client (the
 * one Quarkus runs on): {@link RequestOptions#setServer} with a resolved socket address opens the connection
 * without any lookup of its own.
 */
@ApplicationScoped
public class WebhookSender {

    /** Most response bytes read before the connection is dropped: the body is never used. */
    static final long MAX_RESPONSE_BYTES = 64 * 1024;

    /** A receiver's status line, and its Retry-After in seconds where it gave one. */
    record Answer(int status, Duration retryAfter) {}

    @Inject Vertx vertx;
    @Inject SzmarkConfig config;

    private HttpClient client;
    private Duration timeout;

    @PostConstruct
    void init() {
        timeout = config.webhooks().timeout();
        client = vertx.createHttpClient(options(timeout), new PoolOptions().setHttp1MaxSize(config.webhooks().batchSize()));
    }

    @PreDestroy
    void close() {
        if (client != null) client.close();
    }

    /** A sender over a client built elsewhere (with {@link #options} and, say, a test trust store). */
    static WebhookSender over(HttpClient client, Duration timeout) {
        WebhookSender s = new WebhookSender();
        s.client = client;
        s.timeout = timeout;
        return s;
    }

    /**
     * HTTP/1.1 only, no redirects followed (a 3xx would steer the registry to a URL it never checked), host
     * names verified, and no kept-alive connections: each attempt opens its own connection to the address it
     * checked, never one an earlier attempt opened. The TLS engine is created for the URL's host, so it sends
     * that name as SNI when it is a name and none for an address literal (RFC 6066 §3 allows no literals);
     * forcing SNI would send literals too.
     */
    static HttpClientOptions options(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setUseAlpn(false)
                .setKeepAlive(false)
                .setConnectTimeout(millis)
                .setSslHandshakeTimeout(timeout.toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setMaxRedirects(0);
    }

    /**
     * Sends; completes with the status line as soon as it arrives (the body is then read, bounded, only to end
     * the exchange), or exceptionally when no answer came: refused or reset connection, timeout, TLS failure.
     */
    CompletableFuture<Answer> post(Pinned target, Map<String, String> headers, byte[] body) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        request.putHeader(HttpHeaders.HOST, target.hostHeader());
        CompletableFuture<Answer> answered = new CompletableFuture<>();
        try {
            client.request(request)
                    .compose(r -> r.send(Buffer.buffer(body)))
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            answered.completeExceptionally(ar.cause());
                            return;
                        }
                        HttpClientResponse response = ar.result();
                        answered.complete(new Answer(response.statusCode(), retryAfter(response)));
                        discard(response);
                    });
        } catch (RuntimeException e) {
            answered.completeExceptionally(e);
        }
        return answered;
    }

    /** Reads and drops the body, closing the connection once a receiver sends more than is useful. */
    private static void discard(HttpClientResponse response) {
        long[] read = {0};
        response.exceptionHandler(e -> { });
        response.handler(chunk -> {
            read[0] += chunk.length();
            if (read[0] > MAX_RESPONSE_BYTES) response.request().connection().close();
        });
    }

    private static Duration retryAfter(HttpClientResponse response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) return null;
        String v = response.getHeader("Retry-After");
        // Only the delta-seconds form (RFC 9110 §10.2.3); an HTTP date is ignored and the usual backoff applies.
        if (v == null || !v.trim().matches("[0-9]{1,9}")) return null;
        return Duration.ofSeconds(Long.parseLong(v.trim()));
    }
}
