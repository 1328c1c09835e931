package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** Malformed, oversized and mistyped requests get RFC 9457 problems that leak nothing internal. */
@QuarkusTest
class ProblemResponseTest {

    private static void assertCleanProblem(Response r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        String text = r.asString();
        assertThat(r.jsonPath().getString("type")).startsWith("urn:szmark:problem:");
        assertThat(r.jsonPath().getString("title")).isNotBlank();
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(text).doesNotContain("Exception", "org.szmark", "java.", "jakarta.", "com.fasterxml", "\tat ");
    }

    @Test
    void malformedJson() {
        Response truncated = authority().body("{\"code\": ").post("/api/v1/bodies");
        assertCleanProblem(truncated, 400);
        assertThat(truncated.jsonPath().getString("type")).isEqualTo("urn:szmark:problem:malformed-json");
        assertCleanProblem(authority().body("not json").post("/api/v1/bodies"), 400);
        assertCleanProblem(authority().body("{\"code\":\"AB\"} trailing").post("/api/v1/bodies"), 400);
        assertCleanProblem(authority().body("[]").post("/api/v1/bodies"), 400);
    }

    /** Found by fuzzing (docs/fuzzing.md): both used to fail as a 500 with a Jackson or decoder message. */
    @Test
    void repeatedMembersAndMatrixParameters() {
        Response repeated = authority().body("{\"code\":\"RP1\",\"nameZh\":\"x\",\"approvalNumber\":\"CNCA-R-2002-902\","
                + "\"contact\":{\"website\":\"https://a.example\",\"website\":\"https://b.example\"}}").post("/api/v1/bodies");
        assertCleanProblem(repeated, 400);
        assertThat(repeated.jsonPath().getString("type")).isEqualTo("urn:szmark:problem:malformed-json");
        // Matrix parameters would make the REST layer decode "%25" twice.
        assertCleanProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/verify/AB%25g2;x"), 400);
        assertCleanProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/standards/T%2FAB%25g2;x"), 400);
        assertCleanProblem(anonymous().urlEncodingEnabled(false).get("/log/tile/0/000;x"), 400);
    }

    @Test
    void theNulCharacterIsRefusedEverywhere() {
        // PostgreSQL cannot store U+0000 in text; it is refused before it gets there, on every database.
        Response body = authority().body("{\"code\":\"NUL1\",\"nameZh\":\"a\\u0000b\",\"approvalNumber\":\"CNCA-R-2002-903\"}")
                .post("/api/v1/bodies");
        assertCleanProblem(body, 400);
        assertThat(body.jsonPath().getList("errors.field", String.class)).contains("nameZh");
        anonymous().get("/api/v1/bodies/NUL1").then().statusCode(404);
        assertCleanProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/enterprises/9144%0003"), 400);
        assertCleanProblem(anonymous().urlEncodingEnabled(false).get("/search?q=a%00b"), 400);
        assertCleanProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/certificates?q=x%00"), 400);
    }

    @Test
    void unknownFieldsAreRejectedByName() {
        Response r = authority().body(Map.of("code", "UNK1", "nameZh", "x", "approvalNumber", "CNCA-R-2002-901", "admin", true))
                .post("/api/v1/bodies");
        assertCleanProblem(r, 400);
        assertThat(r.jsonPath().getString("detail")).contains("admin");
        anonymous().get("/api/v1/bodies/UNK1").then().statusCode(404);
    }

    @Test
    void wrongTypesNameTheField() {
        Response r = authority().body("{\"code\": 12, \"nameZh\": \"x\", \"approvalNumber\": \"CNCA-R-2002-902\"}").post("/api/v1/bodies");
        assertCleanProblem(r, 400);
        assertThat(r.jsonPath().getList("errors.field", String.class)).contains("code");
        Response date = authority().body("{\"number\": \"T/ABC 001-2020\", \"titleZh\": \"x\", \"issuingOrganisation\": \"y\", \"publishedOn\": \"yesterday\"}")
                .post("/api/v1/standards");
        assertCleanProblem(date, 400);
        assertThat(date.jsonPath().getString("detail")).contains("publishedOn").contains("YYYY-MM-DD");
        Response status = authority().body("{\"status\": \"DELETED\", \"reason\": \"x\"}").post("/api/v1/bodies/NONE/status");
        assertCleanProblem(status, 400);
    }

    @Test
    void missingBody() {
        assertCleanProblem(authority().post("/api/v1/bodies"), 400);
    }

    @Test
    void oversizedBodiesAreRefused() {
        String big = "{\"code\":\"BIG1\",\"nameZh\":\"" + "长".repeat(600_000) + "\",\"approvalNumber\":\"CNCA-R-2002-903\"}";
        Response r = authority().body(big).post("/api/v1/bodies");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        anonymous().get("/api/v1/bodies/BIG1").then().statusCode(404);
        // just under the cap but too long for the field: a validation problem, not a crash
        Response longName = authority().body(Map.of("code", "BIG2", "nameZh", "长".repeat(5000), "approvalNumber", "CNCA-R-2002-904"))
                .post("/api/v1/bodies");
        assertCleanProblem(longName, 400);
        assertThat(longName.jsonPath().getList("errors.field", String.class)).contains("nameZh");
    }

    @Test
    void unknownPathsMethodsAndMediaTypes() {
        assertCleanProblem(anonymous().get("/api/v1/nothing-here"), 404);
        assertCleanProblem(authority().delete("/api/v1/bodies"), 405);
        assertCleanProblem(authority().contentType(ContentType.XML).body("<body/>").post("/api/v1/bodies"), 415);
        assertCleanProblem(anonymous().get("/api/v1/enterprises/" + Api.newCreditCode()), 404);
    }

    @Test
    void injectionAttemptsAreInertData() {
        for (String q : List.of("' OR '1'='1", "\"; DROP TABLE enterprise; --", "<script>alert(1)</script>", "%_%", "\\")) {
            anonymous().queryParam("q", q).get("/api/v1/enterprises").then().statusCode(200).body("total", equalTo(0));
        }
        anonymous().get("/api/v1/enterprises").then().statusCode(200);
        anonymous().get("/api/v1/standards/T/<script>").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("T/<script>")); // echoed only as JSON text, never as HTML
    }

    @Test
    void validationListsEveryOffendingField() {
        authority().body(Map.of()).post("/api/v1/bodies").then().statusCode(400)
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("nameZh"))
                .body("errors.field", hasItem("approvalNumber"));
    }
}
