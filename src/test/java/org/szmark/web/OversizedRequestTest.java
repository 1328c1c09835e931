package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.RawHttp.chunked;
import static org.szmark.support.RawHttp.head;
import static org.szmark.support.RawHttp.send;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;
import org.szmark.support.RawHttp.Answer;

/**
 * Requests over the registry's size limits, sent as raw HTTP: an over-long request line (414), too many header
 * bytes (431) and a chunked body over the body limit (413) are each answered with a problem document, and
 * requests just inside the limits are served.
 */
@QuarkusTest
class OversizedRequestTest {

    private static final String AUTH = "Authorization: Bearer " + Api.AUTHORITY_TOKEN;

    private static void assertProblem(Answer a, int status, String slug) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.header("content-type")).startsWith("application/problem+json");
        JsonPath body = JsonPath.from(a.body());
        assertThat(body.getString("type")).isEqualTo("urn:szmark:problem:" + slug);
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(a.body()).doesNotContain("Exception", "io.vertx", "java.", "\tat ");
        assertThat(a.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(a.header("referrer-policy")).isEqualTo("no-referrer");
    }

    private static List<String> headerLines(int count, int valueLength) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("X-Filler-" + i + ": " + "v".repeat(valueLength));
        }
        return lines;
    }

    private static byte[] bodyJson(String code, String name, String approval) {
        return ("{\"code\":\"" + code + "\",\"nameZh\":\"" + name + "\",\"approvalNumber\":\"" + approval + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestLineOfTwentyKilobytesIsA414Problem() throws Exception {
        Answer a = send(head("GET", "/api/v1/certificates?q=" + "a".repeat(20_000)));
        assertProblem(a, 414, "uri-too-long");
        // The refused target is not echoed back.
        assertThat(a.body()).doesNotContain("aaaa");
    }

    @Test
    void aRequestLineJustInsideTheLimitIsServed() throws Exception {
        // "GET " + target + " HTTP/1.1" is 4,096 bytes: the limit itself.
        String target = "/?pad=" + "a".repeat(4096 - "GET  HTTP/1.1".length() - "/?pad=".length());
        Answer a = send(head("GET", target, "Connection: close"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(send(head("GET", target + "a", "Connection: close")).status()).isEqualTo(414);
    }

    @Test
    void fortyKilobytesOfHeadersAreA431Problem() throws Exception {
        Answer a = send(head("GET", "/api/v1/standards", headerLines(40, 1000).toArray(String[]::new)));
        assertProblem(a, 431, "header-fields-too-large");
    }

    @Test
    void headersInsideTheLimitAreServed() throws Exception {
        List<String> lines = headerLines(18, 1000);
        lines.add("Connection: close");
        assertThat(send(head("GET", "/api/v1/standards", lines.toArray(String[]::new))).status()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemAndStoresNothing() throws Exception {
        Api.BodyIdentity id = Api.nextBodyIdentity();
        byte[] body = bodyJson(id.code(), "长".repeat(400_000), id.approvalNumber());
        assertThat(body.length).isGreaterThan(1024 * 1024);
        Answer a = send(head("POST", "/api/v1/bodies", AUTH, "Content-Type: application/json",
                "Transfer-Encoding: chunked"), chunked(body, 16 * 1024));
        assertProblem(a, 413, "payload-too-large");
        assertThat(a.header("connection")).isEqualTo("close");
        anonymous().get("/api/v1/bodies/" + id.code()).then().statusCode(404);
    }

    @Test
    void aChunkedBodyInsideTheLimitIsRead() throws Exception {
        Api.BodyIdentity id = Api.nextBodyIdentity();
        String code = id.code();
        byte[] body = bodyJson(code, "分块传输机构", id.approvalNumber());
        Answer a = send(head("POST", "/api/v1/bodies", AUTH, "Content-Type: application/json",
                "Transfer-Encoding: chunked", "Connection: close"), chunked(body, 7));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        anonymous().get("/api/v1/bodies/" + code).then().statusCode(200);
        // Malformed JSON sent in chunks is refused as such, not lost or answered with a 500.
        Answer bad = send(head("POST", "/api/v1/bodies", AUTH, "Content-Type: application/json",
                "Transfer-Encoding: chunked", "Connection: close"), chunked("{\"code\": ".getBytes(StandardCharsets.UTF_8), 3));
        assertProblem(bad, 400, "malformed-json");
    }

    /**
     * Past the HTTP decoder's own bound (64 KiB) the request never reaches the registry, and Vert.x answers
     * with a bare status; docs and README say so. This pins the bound: were it lowered, the 20 KB case above
     * would still pass while real clients between the two lost their problem document.
     */
    @Test
    void pastTheDecoderBoundTheStatusIsStillRight() throws Exception {
        assertProblem(send(head("GET", "/?q=" + "a".repeat(60_000), "Connection: close")), 414, "uri-too-long");
        assertThat(send(head("GET", "/?q=" + "a".repeat(70_000))).status()).isEqualTo(414);
        assertProblem(send(head("GET", "/", headerLines(60, 1000).toArray(String[]::new))), 431, "header-fields-too-large");
        assertThat(send(head("GET", "/", headerLines(70, 1000).toArray(String[]::new))).status()).isEqualTo(431);
    }
}
