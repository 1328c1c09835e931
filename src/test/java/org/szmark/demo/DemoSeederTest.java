package org.szmark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The demo dataset goes through the real services and each certificate ends in its expected status. */
@QuarkusTest
class DemoSeederTest {

    @Inject DemoSeeder seeder;

    @Test
    void demoCertificatesEndInTheirExpectedStatus() throws Exception {
        seeder.seedDataset();
        JsonNode demo;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/demo-records.json")) {
            demo = new ObjectMapper().readTree(in);
        }
        for (JsonNode c : demo.get("certificates")) {
            JsonPath v = anonymous().get("/api/v1/certificates/" + c.get("number").asText()).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(v.getString("status")).as(c.get("number").asText()).isEqualTo(c.get("expectStatus").asText());
            assertThat(v.getList("history")).hasSize(1 + c.get("history").size());
            assertThat(v.getString("holder.creditCode")).isEqualTo(c.get("holder").asText());
            assertThat(v.getString("standard.number")).isEqualTo(c.get("standard").asText().replace('—', '-'));
            assertThat(v.getString("signature.keyTrust")).isEqualTo("TRUSTED");
        }
        anonymous().get("/api/v1/bodies/001").then().statusCode(200);
    }
}
