package org.szmark.digitallink;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** A retailer's GS1 code leads to the product's Shenzhen Standard certificate: a page for people, a linkset for programs. */
@QuarkusTest
class DigitalLinkTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INFO = "'https://gs1.org/voc/certificationInfo'";
    private static final String VERIFY = "'https://gs1.org/voc/verificationService'";

    /** A GTIN-13 with a correct check digit, unique per call in practice. */
    static String newGtin13() {
        StringBuilder b = new StringBuilder("69");
        for (int i = 0; i < 10; i++) b.append(RANDOM.nextInt(10));
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (b.charAt(i) - '0') * (((12 - i) % 2 == 1) ? 3 : 1);
        return b.append((10 - sum % 10) % 10).toString();
    }

    record Fixture(Api.Issuer issuer, String gtin, String number) {}

    static Fixture fixture() {
        Api.BodyWithCertifier b = Api.newBody();
        String holder = Api.newEnterprise();
        String gtin = newGtin13();
        authority().body(Map.of("nameZh", "儿童智能手表", "nameEn", "Kids smartwatch", "model", "W-1", "gtin", gtin))
                .post("/api/v1/enterprises/" + holder + "/products").then().statusCode(201);
        Api.Issuer i = new Api.Issuer(b.code(), b.certifierToken(), holder, "W-1", Api.newEligibleStandard());
        return new Fixture(i, gtin, i.issue());
    }

    static String qrUrl(String number) {
        return anonymous().get("/api/v1/certificates/" + number).jsonPath().getString("qrUrl");
    }

    @Test
    void aGtinLeadsPeopleToThePageAndProgramsToTheLinkset() {
        Fixture f = fixture();
        String gtin14 = "0" + f.gtin();
        String page = given().accept("text/html").get("/01/" + f.gtin() + "?lang=en").then().statusCode(200)
                .header("Link", containsString("/01/" + gtin14 + "?linkType=linkset>; rel=\"linkset\""))
                .extract().asString();
        assertThat(page).contains("Kids smartwatch").contains(f.number()).contains(qrUrl(f.number()) + "?lang=en");

        for (var request : new io.restassured.specification.RequestSpecification[] {
                given().queryParam("linkType", "linkset"), given().accept("application/linkset+json")}) {
            JsonPath ls = request.get("/01/" + gtin14).then().statusCode(200).contentType("application/linkset+json")
                    .extract().jsonPath();
            assertThat(ls.getString("linkset[0].anchor")).endsWith("/01/" + gtin14);
            assertThat(ls.getString("linkset[0]." + INFO + "[0].href")).isEqualTo(qrUrl(f.number()));
            String api = ls.getString("linkset[0]." + VERIFY + "[0].href");
            assertThat(api).contains("/api/v1/verify/");
            // the verification service link answers the certificate's verdict
            anonymous().get(api.substring(api.indexOf("/api/"))).then().statusCode(200).body("verdict", equalTo("VALID"))
                    .body("claims.certificateNumber", equalTo(f.number()));
        }
        // one requested link type: a redirect to the certificate in force
        given().redirects().follow(false).queryParam("linkType", "gs1:certificationInfo").get("/01/" + gtin14)
                .then().statusCode(307).header("Location", equalTo(qrUrl(f.number())));
        // a serial is kept in the anchor
        assertThat(given().queryParam("linkType", "linkset").get("/01/" + gtin14 + "/21/SN-0042").jsonPath()
                .getString("linkset[0].anchor")).endsWith("/01/" + gtin14 + "/21/SN-0042");
    }

    @Test
    void aRenewedCertificateIsReplacedByItsSuccessor() {
        Fixture f = fixture();
        Map<String, Object> renewal = new HashMap<>(f.issuer().request());
        renewal.put("predecessor", f.number());
        String renewed = as(f.issuer().token()).body(renewal).post("/api/v1/certificates").then().statusCode(201)
                .extract().path("number");
        JsonPath ls = given().queryParam("linkType", "linkset").get("/01/" + f.gtin()).jsonPath();
        assertThat(ls.getList("linkset[0]." + INFO + ".href")).containsExactly(qrUrl(renewed));
    }

    @Test
    void unknownAndMalformedKeysAreRefusedPlainly() {
        String unknown = newGtin13();
        given().accept("application/json").get("/01/" + unknown).then().statusCode(404).contentType("application/problem+json");
        given().accept("text/html").header("Accept-Language", "zh-CN").get("/01/" + unknown).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("页面不存在"));
        String bad = unknown.substring(0, 12) + ((unknown.charAt(12) - '0' + 1) % 10);
        given().accept("application/json").get("/01/" + bad).then().statusCode(400).body("errors[0].field", equalTo("gtin"));
        given().accept("application/json").get("/01/12345").then().statusCode(400).body("errors[0].field", equalTo("gtin"));
        Fixture f = fixture();
        given().accept("application/json").get("/01/" + f.gtin() + "/21/" + "x".repeat(21)).then().statusCode(400)
                .body("errors[0].field", equalTo("serial"));
        given().accept("application/json").get("/01/" + f.gtin() + "?linkType=gs1:pip").then().statusCode(400)
                .body("errors[0].field", equalTo("linkType"));
    }
}
