package org.szmark.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A local webhook receiver on an ephemeral loopback port. It records every request and answers with
 * {@code failStatus} for the first {@code failures} requests, then 204 (or {@code hangMillis} of silence).
 */
final class Receiver implements AutoCloseable {

    record Request(Map<String, String> headers, byte[] body, String path) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger remainingFailures;
    private final int failStatus;
    private final long hangMillis;

    private Receiver(int failures, int failStatus, long hangMillis) throws IOException {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), failures, failStatus, hangMillis);
    }

    private Receiver(InetSocketAddress bind, int failures, int failStatus, long hangMillis) throws IOException {
        this.remainingFailures = new AtomicInteger(failures);
        this.failStatus = failStatus;
        this.hangMillis = hangMillis;
        server = HttpServer.create(bind, 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            synchronized (requests) {
                requests.add(new Request(headers, body, exchange.getRequestURI().getPath()));
            }
            if (hangMillis > 0) {
                try {
                    Thread.sleep(hangMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = remainingFailures.getAndDecrement() > 0 ? failStatus : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static Receiver ok() throws IOException {
        return new Receiver(0, 0, 0);
    }

    static Receiver failingFirst(int failures, int status) throws IOException {
        return new Receiver(failures, status, 0);
    }

    static Receiver hanging(long millis) throws IOException {
        return new Receiver(0, 0, millis);
    }

    /** A receiver on another loopback address (all of 127.0.0.0/8 is loopback), port 0 for any free one. */
    static Receiver okAt(String loopbackAddress, int port) throws IOException {
        return new Receiver(new InetSocketAddress(InetAddress.getByName(loopbackAddress), port), 0, 0, 0);
    }

    String url() {
        return url("127.0.0.1");
    }

    /** This receiver's URL under another host name, which a test resolver maps to its address. */
    String url(String host) {
        return "http://" + host + ":" + port() + "/hooks/szmark";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Polls until the condition holds; fails the test after {@code max}. */
    static void await(String what, Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
