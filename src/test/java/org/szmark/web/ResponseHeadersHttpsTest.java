package org.szmark.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.authority;
import static org.szmark.web.ResponseHeadersTest.assertSecurityHeaders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.RawHttp;

/** With an https public base URL every response also carries Strict-Transport-Security with the configured max-age. */
@QuarkusTest
@TestProfile(ResponseHeadersHttpsTest.HttpsBaseUrl.class)
class ResponseHeadersHttpsTest {

    public static class HttpsBaseUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("szmark.public-base-url", "https://verify.szmark.example", "szmark.http.hsts-max-age", "2d");
        }
    }

    private static void assertHsts(Response r) {
        assertThat(r.header("Strict-Transport-Security")).isEqualTo("max-age=172800");
    }

    @Test
    void everyKindOfResponseCarriesHsts() throws Exception {
        assertHsts(assertSecurityHeaders(anonymous().get("/api/v1/standards"), 200, "application/json"));
        assertHsts(assertSecurityHeaders(given().get("/"), 200, "text/html"));
        assertHsts(assertSecurityHeaders(given().get("/no-such-page"), 404, "application/problem+json"));
        assertHsts(assertSecurityHeaders(given().get("/verify.js"), 200, "text/javascript"));
        assertHsts(assertSecurityHeaders(given().get("/q/health/ready"), 200, "application/json"));
        assertHsts(assertSecurityHeaders(given().get("/notices.atom"), 200, "application/atom+xml"));
        assertHsts(assertSecurityHeaders(authority().body("x".repeat(1_100_000)).post("/api/v1/bodies"), 413,
                "application/problem+json"));
        RawHttp.Answer longLine = RawHttp.send(RawHttp.head("GET", "/?q=" + "a".repeat(20_000)));
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.header("strict-transport-security")).isEqualTo("max-age=172800");
    }
}
