package org.szmark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.szmark.log.LogService;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.merkle.TileId;
import org.szmark.support.Api;

/**
 * Generated requests against every endpoint that parses outside input: verification tokens, log query
 * parameters and tile paths, searches, identifier lookups and the JSON bodies of the write endpoints
 * (docs/fuzzing.md). Property: never a 5xx; every 4xx is an RFC 9457 problem document that names no
 * Java class and carries no stack trace; afterwards the records are consistent with the log.
 *
 * <p>{@code -Dfuzz.http-inputs} sets the requests per target (small by default, for CI).
 */
@QuarkusTest
class HttpFuzzTest {

    static final String INPUTS = "fuzz.http-inputs";
    /** quarkus.http.limits.max-initial-line-length in application.properties. */
    private static final int DECODER_LINE_BOUND = 65536;

    private static final int N = Fuzz.count(INPUTS, 300);
    /** Concurrent callers: enough to keep the server busy, few enough for a two-core machine. */
    private static final int CALLERS = 4;
    /** Text that would betray the implementation in an error body. */
    private static final List<String> LEAKS = List.of("Exception", "org.szmark", "at java.", "java.lang",
            "jakarta.", "com.fasterxml", "io.quarkus", "io.vertx", "org.hibernate", "Caused by");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String DIGITS = "0123456789";

    @TestHTTPResource("/") URL base;
    @Inject LogService log;
    @Inject EntityManager em;

    private static Fixture fixture;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A body with a certifier, a holder, a standard and a few certificates, made once for all targets. */
    record Fixture(Api.Issuer issuer, List<String> numbers, List<String> tokens) {}

    /** One generated request. */
    record Call(String method, String path, String body, String token, Map<String, String> headers) {
        static Call get(String path) {
            return new Call("GET", path, null, null, Map.of());
        }
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            Api.Issuer issuer = Api.newIssuer();
            List<String> numbers = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String number = issuer.issue();
                numbers.add(number);
                String url = Api.anonymous().get("/api/v1/certificates/" + number + "/qr").then().statusCode(200)
                        .extract().path("url");
                tokens.add(url.substring(url.lastIndexOf('/') + 1));
            }
            fixture = new Fixture(issuer, numbers, tokens);
        }
        return fixture;
    }

    @AfterEach
    void recordsAgreeWithTheLog() {
        QuarkusTransaction.requiringNew().run(() -> {
            long events = em.createQuery("select count(e) from StatusEvent e", Long.class).getSingleResult();
            long unlogged = em.createQuery("select count(e) from StatusEvent e where e.logIndex is null", Long.class)
                    .getSingleResult();
            long unissued = em.createQuery("select count(c) from Certificate c where not exists (select e from StatusEvent e"
                    + " where e.certificateId = c.id and e.seq = 1 and e.event = org.szmark.certificate.StatusChange.ISSUED)",
                    Long.class).getSingleResult();
            long miscounted = em.createQuery("select count(c) from Certificate c where c.eventCount <>"
                    + " (select count(e) from StatusEvent e where e.certificateId = c.id)", Long.class).getSingleResult();
            assertThat(log.treeSize()).as("log entries = status events").isEqualTo(events);
            assertThat(unlogged).as("status events without a log entry").isZero();
            assertThat(unissued).as("certificates without their ISSUED event").isZero();
            assertThat(miscounted).as("certificates whose event count differs from their events").isZero();
        });
    }

    // ---- verification tokens ----

    @Test
    void verificationPage() {
        List<String> tokens = fixture().tokens();
        run("GET /v/{token}", g -> {
            Map<String, String> headers = new HashMap<>();
            if (g.chance(50)) {
                headers.put("Accept-Language", headerValue(g.input(List.of("zh-CN,zh;q=0.9,en;q=0.8", "en", "*",
                        "en-US;q=0.5, zh-Hans-CN"), "abcdefghijklmnopqrstuvwxyz-,;=.*0123456789 ", 80)));
            }
            String query = g.chance(30) ? "?lang=" + encode(g, g.input(List.of("en", "zh-CN", "zh"), "enzhCN-", 20), "") : "";
            return new Call("GET", "/" + (g.chance(50) ? "V" : "v") + "/" + encode(g, token(g, tokens), "") + query,
                    null, null, headers);
        });
    }

    @Test
    void verificationApi() {
        List<String> tokens = fixture().tokens();
        run("GET /api/v1/verify/{token}", g -> Call.get("/api/v1/verify/" + encode(g, token(g, tokens), "")));
    }

    private static String token(Fuzz g, List<String> tokens) {
        return g.input(tokens, BASE32 + BASE32.toLowerCase(), 450);
    }

    // ---- log ----

    @Test
    void logProofs() {
        fixture();
        List<String> numbers = boundaryNumbers();
        run("GET /api/v1/log/inclusion", g -> Call.get("/api/v1/log/inclusion" + query(g, numbers, "index", "size")));
        run("GET /api/v1/log/consistency", g -> Call.get("/api/v1/log/consistency" + query(g, numbers, "from", "to")));
        run("GET /api/v1/log/checkpoints", g -> Call.get("/api/v1/log/checkpoints" + query(g, numbers, "from", "limit")));
    }

    @Test
    void logTiles() {
        fixture();
        long size = log.publishCheckpoint().size();
        List<String> tiles = new ArrayList<>();
        List<String> bundles = new ArrayList<>();
        for (int level = 0; level < 3; level++) {
            TileId t = TileId.at(level, 0, size);
            tiles.add((t == null ? TileId.full(level, 0) : t).path());
        }
        tiles.add(TileId.full(0, 1234567).path());
        tiles.add(new TileId(63, Long.MAX_VALUE, 255).path());
        EntryBundleId b = EntryBundleId.at(0, size);
        bundles.add((b == null ? EntryBundleId.full(0) : b).path());
        bundles.add(EntryBundleId.full(1234567).path());
        bundles.add(new EntryBundleId(Long.MAX_VALUE >> 8, 1).path());
        run("GET /log/tile/{L}/{N}", g -> Call.get("/log/" + encode(g, g.input(tiles, "0123456789x./ptile", 90), "/")));
        run("GET /log/tile/entries/{N}", g -> Call.get("/log/" + encode(g, g.input(bundles, "0123456789x./pentries", 90), "/")));
    }

    // ---- searches and lookups ----

    @Test
    void searches() {
        Fixture f = fixture();
        List<String> words = List.of("SZBZ", f.numbers().get(0), f.issuer().holder(), f.issuer().body(), "\u6df1\u5733",
                "Test Co", "VALID", "suspended", "%", "_", "\\", "'", "-number", "issueDate", "0", "50", "200", "true");
        List<String> params = List.of("q", "status", "body", "page", "size", "lang");
        run("GET /search", g -> Call.get("/search" + query(g, words, params)));
        run("GET /api/v1/certificates", g -> Call.get("/api/v1/certificates"
                + query(g, words, List.of("q", "status", "body", "holder", "standard", "mine", "sort", "page", "size"))));
    }

    @Test
    void identifierLookups() {
        Fixture f = fixture();
        List<String> standards = List.of(f.issuer().standard(), "GB/T 20004.1-2016", "t/szwd 004\u20142019", "DB4403/T 1-2019");
        List<String> codes = List.of(f.issuer().holder(), f.issuer().holder().toLowerCase(), "91440300MA5F7WCYXL");
        run("GET /api/v1/standards/{number}", g -> Call.get("/api/v1/standards/"
                + encode(g, g.input(standards, "ABDGQSTZ0123456789/ .-", 80), "/")));
        run("GET /api/v1/enterprises/{code}", g -> Call.get("/api/v1/enterprises/"
                + encode(g, g.input(codes, "0123456789ABCDEFGHJKLMNPQRTUWXY", 60), "")));
    }

    // ---- JSON bodies of the write endpoints ----

    @Test
    void issueCertificates() {
        Fixture f = fixture();
        JsonNode one = JSON.valueToTree(f.issuer().request());
        Map<String, Object> dated = new LinkedHashMap<>(f.issuer().request());
        dated.put("issueDate", LocalDate.now().toString());
        dated.put("expiryDate", LocalDate.now().plusYears(3).toString());
        dated.put("firstIssueDate", LocalDate.now().minusYears(1).toString());
        // An explicit number: once issued, the same request again must be a conflict, even concurrently.
        Map<String, Object> numbered = new LinkedHashMap<>(f.issuer().request());
        numbered.put("number", "FZ-" + f.issuer().body() + "-1");
        List<JsonNode> seeds = List.of(one, JSON.valueToTree(dated), JSON.valueToTree(numbered));
        post("POST /api/v1/certificates", "/api/v1/certificates", f.issuer().token(), seeds);
        JsonNode batch = JSON.createObjectNode().set("certificates", JSON.createArrayNode().add(one).add(JSON.valueToTree(dated)));
        post("POST /api/v1/certificates:batch", "/api/v1/certificates:batch", f.issuer().token(), List.of(batch));
    }

    @Test
    void changeStatus() {
        Fixture f = fixture();
        List<JsonNode> seeds = List.of(
                json("{\"reasonCode\":\"HOLDER_REQUEST\",\"reasonText\":\"\u6682\u505c\",\"suspendedUntil\":\""
                        + LocalDate.now().plusDays(30) + "\"}"),
                json("{\"reasonCode\":\"CORRECTION_VERIFIED\"}"),
                json("{\"reasonCode\":\"OTHER\",\"reasonText\":\"x\",\"effectiveAt\":\"2024-01-02T03:04:05+08:00\"}"));
        List<String> actions = List.of("suspend", "reinstate", "revoke", "cancel");
        JsonMutator mutator = new JsonMutator(new Fuzz(Fuzz.seed() ^ 17));
        run("POST /api/v1/certificates/{n}/{action}", g -> {
            String number = g.chance(80) ? g.pick(f.numbers()) : g.input(f.numbers(), "SZBZ-0123456789", 60);
            String body = g.chance(90) ? mutator.mutate(g.pick(seeds)) : g.pick(seeds).toString();
            // Revoking or cancelling ends a certificate, so those are rare and suspend/reinstate common.
            String action = g.chance(90) ? g.pick(actions.subList(0, 2)) : g.pick(actions);
            return write("/api/v1/certificates/" + encode(g, number, "") + "/" + action, body, f.issuer().token(), g);
        });
    }

    @Test
    void createRecords() {
        fixture();
        post("POST /api/v1/enterprises", "/api/v1/enterprises", Api.AUTHORITY_TOKEN, List.of(
                json("{\"creditCode\":\"" + Api.newCreditCode() + "\",\"nameZh\":\"\u6df1\u5733\u6d4b\u8bd5\",\"nameEn\":\"Fuzz Co\","
                        + "\"addressZh\":\"\u6df1\u5733\u5e02\",\"addressEn\":\"Shenzhen\",\"legacyCode\":false}"),
                json("{\"creditCode\":\"91440300MA5F7WCYX0\",\"nameZh\":\"\u65e7\u4ee3\u7801\",\"legacyCode\":true}")));
        post("POST /api/v1/standards", "/api/v1/standards", Api.AUTHORITY_TOKEN, List.of(
                json("{\"number\":\"" + Api.newStandardNumber() + "\",\"titleZh\":\"\u6d4b\u8bd5\u6807\u51c6\",\"titleEn\":\"Test\","
                        + "\"issuingOrganisation\":\"\u534f\u4f1a\",\"publishedOn\":\"2019-01-01\",\"implementedOn\":\"2019-03-01\","
                        + "\"selfDeclaration\":{\"declaredOn\":\"2020-01-02\",\"disclosedAt\":\"https://example.org/d/1\"},"
                        + "\"evaluation\":{\"catalogueItem\":\"\u76ee\u5f55\",\"passedOn\":\"2020-06-01\"}}"),
                json("{\"number\":\"GB/T 1-2020\",\"titleZh\":\"t\",\"issuingOrganisation\":\"o\","
                        + "\"status\":{\"status\":\"ABOLISHED\",\"abolishedOn\":\"2021-01-01\",\"notice\":\"n\"}}")));
        post("POST /api/v1/bodies", "/api/v1/bodies", Api.AUTHORITY_TOKEN, List.of(
                json("{\"code\":\"FZ01\",\"nameZh\":\"\u6d4b\u8bd5\u673a\u6784\",\"nameEn\":\"Fuzz body\",\"approvalNumber\":"
                        + "\"CNCA-R-2010-0001\",\"contact\":{\"email\":\"a@example.org\",\"phone\":\"+86 755 1234\","
                        + "\"website\":\"https://example.org\"}}")));
    }

    private void post(String target, String path, String token, List<JsonNode> seeds) {
        JsonMutator mutator = new JsonMutator(new Fuzz(Fuzz.seed() ^ target.hashCode()));
        run(target, g -> write(path, g.chance(95) ? mutator.mutate(g.pick(seeds)) : g.pick(seeds).toString(), token, g));
    }

    /** A write request, now and then with a missing or odd token, idempotency key or media type. */
    private static Call write(String path, String body, String token, Fuzz g) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", g.chance(97) ? "application/json" : g.pick(List.of("text/plain",
                "application/json; charset=latin1", "application/x-www-form-urlencoded", "application/problem+json")));
        if (g.chance(10)) {
            headers.put("Idempotency-Key", headerValue(g.string("abcdef0123456789-", 300)));
        }
        String t = g.chance(97) ? token : headerValue(g.mutate(token, "abcxyz_-", List.of()));
        return new Call("POST", path, body, t, headers);
    }

    // ---- the property ----

    private void run(String target, Function<Fuzz, Call> generator) {
        Fuzz g = new Fuzz(Fuzz.seed() ^ target.hashCode());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<String> findings = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        Semaphore inFlight = new Semaphore(CALLERS * 2);
        long start = System.nanoTime();
        String root = base.toString().replaceAll("/$", "");
        try {
            for (int i = 0; i < N; i++) {
                Call call = generator.apply(g);
                int index = i;
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        String problem = check(root, call, statuses);
                        if (problem != null && findings.size() < 10) {
                            findings.add("#" + index + " " + call.method() + " " + Fuzz.show(call.path())
                                    + (call.body() == null ? "" : " body " + Fuzz.show(call.body())) + "\n    -> " + problem);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("fuzz http %-40s %,8d requests  %,7d ms  statuses %s  (seed %d)%n", target, N, ms,
                new TreeMap<>(statuses), Fuzz.seed());
        assertThat(findings).as(target + " (seed " + Fuzz.seed() + ")").isEmpty();
        assertThat(statuses.keySet()).as(target + ": some requests refused").anyMatch(s -> s >= 400);
    }

    /** Sends one call; returns what is wrong with the answer, or null. */
    private String check(String root, Call call, Map<Integer, AtomicLong> statuses) {
        HttpResponse<String> r;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + call.path())).timeout(Duration.ofSeconds(60));
            call.headers().forEach(b::header);
            if (call.token() != null) {
                b.header("Authorization", "Bearer " + call.token());
            }
            b.header("Accept", "application/json, text/html;q=0.9, */*;q=0.1");
            if (call.body() != null) {
                b.POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
            } else {
                b.GET();
            }
            r = send(b.build());
        } catch (Exception e) {
            return "no answer: " + e;
        }
        int status = r.statusCode();
        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
        if (status >= 500) {
            return status + " " + Fuzz.show(r.body());
        }
        if (status < 400) {
            return null;
        }
        if (status == 414 && r.body().isEmpty() && r.uri().toString().length() > DECODER_LINE_BOUND) {
            // Past the HTTP decoder's bound the request line is refused before any handler runs (web/RequestLimits).
            return null;
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " with Content-Type '" + type + "': " + Fuzz.show(r.body());
        }
        JsonNode p;
        try {
            p = JSON.readTree(r.body());
        } catch (Exception e) {
            return status + " problem is not JSON: " + Fuzz.show(r.body());
        }
        if (!p.path("type").asText("").startsWith("urn:szmark:problem:") || !p.path("title").isTextual()
                || p.path("status").asInt() != status) {
            return status + " is not an RFC 9457 problem with type, title and status: " + r.body();
        }
        String sent = call.path() + " " + call.body();
        for (String leak : LEAKS) {
            if (r.body().contains(leak) && !sent.contains(leak)) {
                return status + " names the implementation ('" + leak + "'): " + Fuzz.show(r.body());
            }
        }
        return null;
    }

    /**
     * Sends once more when a pooled connection turns out closed: the server closes the connection after
     * refusing an over-long request line or an unread body, and the client may have picked it already.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException closed) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                throw new AssertionError("fuzz requests did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- generation helpers ----

    private List<String> boundaryNumbers() {
        long size = log.treeSize();
        List<String> out = new ArrayList<>(List.of(Fuzz.NUMBERS));
        for (long v : new long[] {size - 2, size - 1, size, size + 1, 1000, 1001}) {
            out.add(Long.toString(Math.max(0, v)));
        }
        return out;
    }

    /** A query string over {@code names}: each present or not, values mutated, names now and then mangled or repeated. */
    private static String query(Fuzz g, List<String> values, String... names) {
        return query(g, values, List.of(names));
    }

    private static String query(Fuzz g, List<String> values, List<String> names) {
        StringBuilder q = new StringBuilder();
        for (String name : names) {
            int copies = g.chance(15) ? 0 : g.chance(5) ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                String n = g.chance(3) ? g.mutate(name, "abcdefghijklmnopqrstuvwxyz", List.of()) : name;
                String v = g.chance(10) ? "" : g.input(values, DIGITS + "-+.eE xabcSZBZ", 40);
                q.append(q.length() == 0 ? '?' : '&').append(encode(g, n, "")).append('=').append(encode(g, v, ""));
            }
        }
        return q.toString();
    }

    /** Percent-encodes all but unreserved characters and {@code keep}; now and then adds a raw escape. */
    static String encode(Fuzz g, String s, String keep) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || "-._~".indexOf(cp) >= 0 || (cp < 0x80 && keep.indexOf(cp) >= 0);
            if (plain) {
                units.add(String.valueOf((char) cp));
            } else {
                StringBuilder e = new StringBuilder();
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    e.append('%').append(String.format("%02X", b & 0xFF));
                }
                units.add(e.toString());
            }
        }
        if (g.chance(10)) {
            units.add(g.nextInt(units.size() + 1), g.pick(List.of("%00", "%2F", "%2f", "%2E%2E", "%C0%AF", "%FF",
                    "%E2%80%AE", "%25", "%0A", "%3A", "%3F", "%23", "+", "..", ";", "!", "$", "*", "'", "(", ")", "@")));
        }
        return String.join("", units);
    }

    /** Header values: printable ASCII only, as HTTP/1.1 clients send them. */
    private static String headerValue(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length() && sb.length() < 4000; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : 'x');
        }
        return sb.toString().strip();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
