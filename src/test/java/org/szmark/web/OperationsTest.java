package org.szmark.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void healthEndpointsReportUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/standards")).body(containsString("/api/v1/bodies"))
                .body(containsString("/api/v1/enterprises"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
