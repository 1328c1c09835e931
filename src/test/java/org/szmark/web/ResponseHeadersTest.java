package org.szmark.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * Every kind of response carries X-Content-Type-Options and Referrer-Policy, whoever writes it, and none carries
 * Strict-Transport-Security while the public base URL is http (ResponseHeadersHttpsTest has the https case).
 */
@QuarkusTest
class ResponseHeadersTest {

    /** Asserts the headers and hands the response back for checks of its kind. */
    static Response assertSecurityHeaders(Response r, int status, String contentType) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        if (contentType != null) {
            assertThat(r.contentType()).startsWith(contentType);
        }
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.headers().getValues("X-Content-Type-Options")).hasSize(1);
        return r;
    }

    private static void assertNoHsts(Response r) {
        assertThat(r.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void jsonProblemsAndPages() {
        assertNoHsts(assertSecurityHeaders(anonymous().get("/api/v1/standards"), 200, "application/json"));
        assertNoHsts(assertSecurityHeaders(anonymous().get("/api/v1/bodies/NOSUCHBODY"), 404, "application/problem+json"));
        assertNoHsts(assertSecurityHeaders(authority().body("{").post("/api/v1/bodies"), 400, "application/problem+json"));
        assertNoHsts(assertSecurityHeaders(anonymous().body(Map.of()).post("/api/v1/bodies"), 401, "application/problem+json"));
        Response page = assertSecurityHeaders(given().get("/"), 200, "text/html");
        // Pages keep their own policy beside the shared headers.
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertNoHsts(page);
        assertSecurityHeaders(given().get("/search?q=x"), 200, "text/html");
    }

    @Test
    void unknownAddressesAndMethods() {
        assertNoHsts(assertSecurityHeaders(given().get("/no-such-page"), 404, "application/problem+json"));
        assertSecurityHeaders(anonymous().get("/api/v1/nothing-here"), 404, "application/problem+json");
        assertSecurityHeaders(authority().delete("/api/v1/bodies"), 405, "application/problem+json");
    }

    @Test
    void imagesFeedsAndLogTiles() {
        Api.Issuer issuer = Api.newIssuer();
        String number = issuer.issue();
        assertNoHsts(assertSecurityHeaders(given().get("/api/v1/certificates/" + number + "/qr.svg"), 200, "image/svg+xml"));
        assertSecurityHeaders(given().get("/api/v1/certificates/" + number + "/label.svg"), 200, "image/svg+xml");
        assertSecurityHeaders(given().get("/badge/" + number + ".svg"), 200, "image/svg+xml");
        assertNoHsts(assertSecurityHeaders(given().get("/api/v1/certificates/" + number + "/qr.png"), 200, "image/png"));
        assertNoHsts(assertSecurityHeaders(given().get("/notices.atom"), 200, "application/atom+xml"));

        String checkpoint = assertSecurityHeaders(given().get("/log/checkpoint"), 200, "text/plain").asString();
        long size = Long.parseLong(checkpoint.split("\n")[1]);
        assertThat(size).isPositive();
        String tile = size >= 256 ? "/log/tile/0/000" : "/log/tile/0/000.p/" + size;
        assertNoHsts(assertSecurityHeaders(given().get(tile), 200, "application/octet-stream"));
        String bundle = size >= 256 ? "/log/tile/entries/000" : "/log/tile/entries/000.p/" + size;
        assertSecurityHeaders(given().get(bundle), 200, "application/octet-stream");
    }

    @Test
    void staticFilesAndOperations() {
        assertNoHsts(assertSecurityHeaders(given().get("/verify.js"), 200, "text/javascript"));
        assertNoHsts(assertSecurityHeaders(given().get("/q/health/ready"), 200, "application/json"));
        assertSecurityHeaders(given().get("/q/health/live"), 200, "application/json");
        assertSecurityHeaders(given().get("/q/metrics"), 200, null);
    }

    @Test
    void refusalsWrittenBeforeTheRestLayer() {
        // RequestLimits answers a declared oversized body straight from the router.
        Response tooLarge = assertSecurityHeaders(authority().body("x".repeat(1_100_000)).post("/api/v1/bodies"),
                413, "application/problem+json");
        assertNoHsts(tooLarge);
        assertSecurityHeaders(anonymous().urlEncodingEnabled(false).get("/api/v1/verify/AB;x"), 400, "application/problem+json");
    }
}
