package org.szmark.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

@QuarkusTest
class BadgeTest {

    static String badge(String number) {
        return given().get("/badge/" + number + ".svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .header("Cache-Control", containsString("max-age=60")).extract().asString();
    }

    @Test
    void colourAndTextFollowTheStatus() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        assertThat(badge(n)).contains("深圳标准 Shenzhen Standard").contains("有效 valid").contains("#1e7e34");
        as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST")).post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200);
        assertThat(badge(n)).contains("暂停 suspended").contains("#b35c00").doesNotContain("#1e7e34");
        as(i.token()).body(Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + n + "/revoke").then().statusCode(200);
        assertThat(badge(n)).contains("撤销 revoked").contains("#b42318");

        String c = i.issue();
        as(i.token()).body(Map.of("reasonCode", "PRODUCT_DISCONTINUED")).post("/api/v1/certificates/" + c + "/cancel").then().statusCode(200);
        assertThat(badge(c)).contains("注销 cancelled").contains("#59636e");

        Map<String, Object> old = i.request();
        old.put("issueDate", LocalDate.now().minusYears(4).toString());
        String e = as(i.token()).body(old).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
        assertThat(badge(e)).contains("过期 expired");

        String v = i.issue();
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督")).post("/api/v1/bodies/" + i.body() + "/status").then().statusCode(200);
        assertThat(badge(v)).as("a suspended body's certificates do not show valid").contains("暂停 suspended");
    }

    @Test
    void unknownNumbersGetANotFoundBadgeAndStatusJsonIsOpen() {
        given().get("/badge/NOPE-1.svg").then().statusCode(404).contentType(containsString("image/svg+xml"))
                .body(containsString("未找到 not found"));
        given().get("/badge/%3Cscript%3E.svg").then().statusCode(404).body(org.hamcrest.Matchers.not(containsString("<script>")));
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        anonymous().get("/api/v1/certificates/" + n + "/status").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*").header("Cache-Control", containsString("max-age=60"))
                .body("status", equalTo("VALID")).body("markUsable", equalTo(true)).body("number", equalTo(n));
        anonymous().get("/api/v1/certificates/NOPE-1/status").then().statusCode(404).contentType("application/problem+json");
    }
}
