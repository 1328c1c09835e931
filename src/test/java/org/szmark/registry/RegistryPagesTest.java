package org.szmark.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

@QuarkusTest
class RegistryPagesTest {

    @Test
    void searchFindsByEveryField() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String name = anonymous().get("/api/v1/enterprises/" + i.holder()).jsonPath().getString("nameZh");
        for (String q : new String[] {n, n.toLowerCase(), i.holder(), name, name.substring(2, 8), "Test Co " + i.holder(), "测试产品", "m-1"}) {
            String html = given().queryParam("q", q).queryParam("body", i.body()).get("/search").then().statusCode(200)
                    .extract().asString();
            assertThat(html).as(q).contains(n).contains("1 certificates found");
        }
        anonymous().queryParam("q", i.holder()).get("/api/v1/certificates").then().body("items.number", org.hamcrest.Matchers.hasItem(n));
        anonymous().queryParam("q", "M-1").queryParam("body", i.body()).queryParam("sort", "-number").get("/api/v1/certificates")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
        anonymous().queryParam("sort", "holder").get("/api/v1/certificates").then().statusCode(400);
        given().queryParam("q", "no such thing at all").get("/search").then().statusCode(200)
                .body(containsString("0 certificates found")).body(containsString("No certificate matches"));
        given().queryParam("status", "REVOKED").queryParam("body", i.body()).get("/search").then().statusCode(200)
                .body(not(containsString(n)));
    }

    @Test
    void searchEscapesInputAndSurvivesOddQueries() {
        String evil = "<script>alert(1)</script>\"'%_";
        String html = given().queryParam("q", evil).get("/search").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        given().queryParam("q", "x".repeat(3000)).get("/search").then().statusCode(200);
        given().queryParam("q", "' OR 1=1 --").queryParam("status", "BOGUS").queryParam("body", "NOPE").get("/search").then().statusCode(200)
                .body(containsString("0 certificates found"));
        given().queryParam("size", "0").get("/search").then().statusCode(400);
        given().queryParam("q", "x").queryParam("page", "-1").get("/search").then().statusCode(400);
    }

    @Test
    void enterprisePageShowsCertificatesLabelsAndEmbedSnippet() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String qrUrl = anonymous().get("/api/v1/certificates/" + n).jsonPath().getString("qrUrl");
        String html = given().get("/e/" + i.holder()).then().statusCode(200).extract().asString();
        assertThat(html).contains(n).contains("/api/v1/certificates/" + n + "/label.svg").contains("/badge/" + n + ".svg")
                .contains("href=\"" + qrUrl + "\"")
                // the snippet is shown as text to copy, so it arrives escaped
                .contains("&lt;a href=&quot;" + qrUrl + "&quot;&gt;&lt;img src=&quot;http://localhost:8080/badge/" + n + ".svg");
        given().header("Accept-Language", "zh-CN").get("/e/" + i.holder()).then().body(containsString("企业获证情况"));
        given().get("/e/" + Api.newCreditCode()).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("No enterprise with this credit code")).body(containsString("action=\"/search\""));
        given().get("/e/%3Cb%3Ebold").then().statusCode(404).body(not(containsString("<b>bold")));
    }

    @Test
    void catalogueBodiesAndStatisticsPages() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        as(i.token()).body(Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + n + "/revoke").then().statusCode(200);
        given().get("/standards").then().statusCode(200).body(containsString(i.standard()))
                .body(containsString("https://example.org/d/1"));
        String ineligible = Api.newStandardNumber();
        authority().body(Map.of("number", ineligible, "titleZh", "未评价", "issuingOrganisation", "协会"))
                .post("/api/v1/standards").then().statusCode(201);
        given().get("/standards").then().body(not(containsString(ineligible)));
        String keyId = anonymous().get("/api/v1/bodies/" + i.body() + "/keys").jsonPath().getString("[0].keyId");
        given().get("/bodies").then().statusCode(200).body(containsString("id=\"body-" + i.body() + "\""))
                .body(containsString(keyId));
        String stats = given().get("/stats").then().statusCode(200).extract().asString();
        assertThat(stats).contains("<ol class=\"bars\"").contains("id=\"chart-status\"").contains("revoked").contains("id=\"chart-month\"");
        given().queryParam("lang", "zh").get("/stats").then().body(containsString("按状态统计"));
    }

    @Test
    void bodiesPageCountsEachBodysCertificatesAndTheValidOnes() {
        Api.Issuer i = Api.newIssuer();
        String kept = i.issue();
        String revoked = i.issue();
        String suspended = i.issue();
        as(i.token()).body(Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + revoked + "/revoke").then().statusCode(200);
        as(i.token()).body(Map.of("reasonCode", "HOLDER_REQUEST")).post("/api/v1/certificates/" + suspended + "/suspend")
                .then().statusCode(200);
        Api.Issuer none = Api.newIssuer();
        String html = given().queryParam("lang", "en").get("/bodies").then().statusCode(200).extract().asString();
        assertThat(section(html, i.body())).contains("<strong>3</strong>").contains(": 1)");
        assertThat(section(html, none.body())).contains("<strong>0</strong>").contains(": 0)");
        assertThat(kept).isNotEqualTo(revoked);
    }

    private static String section(String html, String body) {
        int from = html.indexOf("id=\"body-" + body + "\"");
        assertThat(from).as("section of " + body).isPositive();
        return html.substring(from, html.indexOf("</section>", from));
    }
}
