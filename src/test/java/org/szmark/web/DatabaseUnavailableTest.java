package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A database out of reach is a temporary condition: 503 with Retry-After and a problem that names no
 * class, driver or host (RFC 9457, RFC 9110 §15.6.4); any other persistence failure stays a 500.
 */
@QuarkusTest
class DatabaseUnavailableTest {

    @ParameterizedTest
    @ValueSource(strings = {"refused", "shutdown", "commit", "pool"})
    void unreachableDatabaseIsA503Problem(String kind) {
        Response r = anonymous().get("/test-only/database-failure/" + kind);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.jsonPath().getString("type")).isEqualTo("urn:szmark:problem:database-unavailable");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(503);
        assertThat(r.jsonPath().getString("title")).isNotBlank();
        assertThat(r.jsonPath().getString("instance")).isEqualTo("/test-only/database-failure/" + kind);
        assertThat(r.asString()).doesNotContain("Exception", "org.", "java.", "jakarta.", "SQL", "5432", "cquisition", "\tat ");
    }

    @Test
    void otherPersistenceFailuresStayInternalErrors() {
        Response r = anonymous().get("/test-only/database-failure/grammar");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.header("Retry-After")).isNull();
        assertThat(r.jsonPath().getString("type")).isEqualTo("urn:szmark:problem:internal");
        assertThat(r.asString()).doesNotContain("Exception", "syntax", "selec");
    }
}
