package org.szmark.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.szmark.web.ResponseHeadersTest.assertSecurityHeaders;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the production profile exposes, tested with the production profile's own settings for the management
 * interface, health, metrics, OpenAPI and Swagger UI, read from application.properties (the rest of the test
 * profile stays, so the test runs on its usual database): the main port serves none of the operations
 * endpoints, the management interface serves health and metrics but no API description.
 */
@QuarkusTest
@TestProfile(ProductionExposureTest.ProductionExposure.class)
class ProductionExposureTest {

    static final List<String> EXPOSURE_PREFIXES = List.of("quarkus.management.", "quarkus.smallrye-openapi.",
            "quarkus.swagger-ui.", "quarkus.smallrye-health.", "quarkus.micrometer.");

    /** The management interface listens beside the test port, as bench/lib.sh places it beside the app port. */
    static int managementPort() {
        return Integer.getInteger("quarkus.http.test-port", 8081) + 1000;
    }

    public static class ProductionExposure implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = productionExposure();
            overrides.put("quarkus.management.test-port", String.valueOf(managementPort()));
            // Tests listen on loopback only; production's 0.0.0.0 is checked below as configuration.
            overrides.put("quarkus.management.host", "127.0.0.1");
            return overrides;
        }
    }

    /** The {@code %production.} settings of application.properties under {@link #EXPOSURE_PREFIXES}, unprefixed. */
    static Map<String, String> productionExposure() {
        Properties all = new Properties();
        try (InputStream in = ProductionExposureTest.class.getResourceAsStream("/application.properties")) {
            all.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> exposure = new HashMap<>();
        for (String key : all.stringPropertyNames()) {
            if (!key.startsWith("%production.")) continue;
            String name = key.substring("%production.".length());
            if (EXPOSURE_PREFIXES.stream().anyMatch(name::startsWith)) {
                exposure.put(name, all.getProperty(key));
            }
        }
        return exposure;
    }

    @Test
    void theProductionProfileTurnsTheManagementInterfaceOnForEveryAddress() {
        Map<String, String> p = productionExposure();
        assertThat(p).containsEntry("quarkus.management.enabled", "true")
                .containsEntry("quarkus.management.host", "0.0.0.0")
                .containsEntry("quarkus.management.port", "9000")
                .containsEntry("quarkus.smallrye-openapi.enabled", "false")
                .containsEntry("quarkus.swagger-ui.enabled", "false")
                .containsEntry("quarkus.swagger-ui.always-include", "false");
    }

    @Test
    void theMainPortServesNoOperationsEndpoint() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui", "/q/swagger-ui/",
                "/q/health", "/q/health/ready", "/q/health/live")) {
            Response r = assertSecurityHeaders(given().get(path), 404, "application/problem+json");
            assertThat(r.jsonPath().getString("type")).as(path).isEqualTo("urn:szmark:problem:not-found");
        }
        // The API itself is still served.
        assertSecurityHeaders(given().get("/api/v1/standards"), 200, "application/json");
    }

    @Test
    void theManagementInterfaceServesHealthAndMetricsOnly() {
        int port = managementPort();
        assertSecurityHeaders(given().port(port).get("/q/health/ready"), 200, "application/json");
        given().port(port).get("/q/health/ready").then().body("status", equalTo("UP"));
        given().port(port).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().port(port).get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        assertThat(given().port(port).get("/q/openapi").statusCode()).isEqualTo(404);
        assertThat(given().port(port).get("/q/swagger-ui/").statusCode()).isEqualTo(404);
    }

    @Test
    void theLandingPageLinksNoApiDescription() {
        given().get("/").then().statusCode(200)
                .body(not(containsString("/q/swagger-ui"))).body(not(containsString("/q/openapi")))
                .body(containsString("href=\"/search?lang=en\""));
    }
}
