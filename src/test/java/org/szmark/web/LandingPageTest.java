package org.szmark.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LandingPageTest {

    @Test
    void englishByDefaultWithLinksAndNoExternalAssets() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("<html lang=\"en\">"), containsString("Shenzhen Standard mark registry"),
                        containsString("href=\"/standards?lang=en\""), containsString("href=\"/bodies?lang=en\""),
                        containsString("href=\"/q/swagger-ui\""), containsString("href=\"?lang=zh\""),
                        not(containsString("src=\"http")), not(containsString("href=\"http"))));
    }

    @Test
    void chineseByAcceptLanguageAndSwitchBack() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").get("/").then().statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .body(allOf(containsString("<html lang=\"zh-CN\">"), containsString("深圳标准认证标识登记系统"),
                        containsString("href=\"?lang=en\"")));
        given().header("Accept-Language", "zh-CN").queryParam("lang", "en").get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }
}
