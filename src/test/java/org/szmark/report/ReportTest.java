package org.szmark.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * Reports of suspicious labels: anyone sends one without signing in, within a budget per address; the authority
 * reads all, the issuing body its own, nobody else any; the contact appears on no public page or answer.
 */
@QuarkusTest
class ReportTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /**
     * Each test sends from addresses of its own (the test profile trusts X-Forwarded-For, as a deployment behind
     * its balancer does), so the per-address budget of one test never limits another.
     */
    static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    static RequestSpecification jsonFrom(String address) {
        return from(address).contentType("application/json");
    }

    static String token(String number) {
        String url = anonymous().get("/api/v1/certificates/" + number).jsonPath().getString("qrUrl");
        return url.substring(url.indexOf("/V/") + 3);
    }

    private static String forge(String t) {
        int k = t.length() - 20;
        return t.substring(0, k) + (t.charAt(k) == 'A' ? 'B' : 'A') + t.substring(k + 1);
    }

    @Test
    void aReportReachesTheAuthorityAndTheIssuingBodyOnly() {
        Api.Issuer a = Api.newIssuer();
        Api.Issuer b = Api.newIssuer();
        String n = a.issue();
        String t = token(n);
        String contact = "138-0000-" + Api.uniqueSuffix();
        JsonPath sent = jsonFrom("127.0.0.10")
                .body(Map.of("token", t, "whereBought", "深圳 华强北", "note", "包装印刷模糊\n字迹不清", "contact", contact))
                .post("/api/v1/reports").then().statusCode(201).extract().jsonPath();
        assertThat(sent.getLong("id")).isPositive();
        assertThat(sent.getMap("")).doesNotContainKey("contact");

        JsonPath byAuthority = authority().get("/api/v1/reports?certificate=" + n).then().statusCode(200).extract().jsonPath();
        assertThat(byAuthority.getInt("total")).isEqualTo(1);
        assertThat(byAuthority.getString("items[0].contact")).isEqualTo(contact);
        assertThat(byAuthority.getString("items[0].verdict")).isEqualTo("VALID");
        assertThat(byAuthority.getString("items[0].certificateNumber")).isEqualTo(n);
        JsonPath byBody = as(a.token()).get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
        assertThat(byBody.getList("items.certificateNumber")).containsOnly(n);
        // another body sees none of it, an enterprise and the public nothing at all
        assertThat(as(b.token()).get("/api/v1/reports?certificate=" + n).jsonPath().getInt("total")).isZero();
        assertThat(as(b.token()).get("/api/v1/reports/summary").jsonPath().getList("certificateNumber")).doesNotContain(n);
        as(Api.enterpriseToken(a.holder())).get("/api/v1/reports").then().statusCode(403);
        anonymous().get("/api/v1/reports").then().statusCode(401);

        // the contact is on no public page or answer about the certificate
        for (String path : List.of("/V/" + t, "/V/" + t + "?lang=en", "/api/v1/verify/" + t, "/api/v1/certificates/" + n,
                "/e/" + a.holder(), "/search?q=" + n, "/notices", "/notices.atom", "/V/" + t + "/report")) {
            String body = given().get(path).then().extract().asString();
            assertThat(body).as(path).doesNotContain(contact);
        }
    }

    @Test
    void aForgedCodeIsReportedToTheBodyWhoseNumberItCopies() {
        Api.Issuer a = Api.newIssuer();
        String n = a.issue();
        jsonFrom("127.0.0.11").body(Map.of("token", forge(token(n)), "whereBought", "广州")).post("/api/v1/reports")
                .then().statusCode(201);
        JsonPath r = as(a.token()).get("/api/v1/reports?certificate=" + n).jsonPath();
        assertThat(r.getString("items[0].verdict")).isEqualTo("NOT_GENUINE");
        assertThat(r.getString("items[0].reasonCode")).isEqualTo("BAD_SIGNATURE");
        // a typed number alone will do as well
        jsonFrom("127.0.0.11").body(Map.of("certificateNumber", n.toLowerCase(), "whereBought", "上海"))
                .post("/api/v1/reports").then().statusCode(201);
        assertThat(as(a.token()).get("/api/v1/reports?certificate=" + n).jsonPath().getInt("total")).isEqualTo(2);
    }

    @Test
    void manyReportsOrFarApartPlacesFlagANumber() {
        Api.Issuer a = Api.newIssuer();
        String n1 = a.issue(), n2 = a.issue();
        String t1 = token(n1), t2 = token(n2);
        // two reports from one place, in different spellings: not flagged
        for (String place : List.of("深圳 华强北", "深圳华强北")) {
            jsonFrom("127.0.0.12").body(Map.of("token", t1, "whereBought", place)).post("/api/v1/reports").then().statusCode(201);
        }
        // two places: flagged
        for (String place : List.of("深圳", "乌鲁木齐")) {
            jsonFrom("127.0.0.12").body(Map.of("token", t2, "whereBought", place)).post("/api/v1/reports").then().statusCode(201);
        }
        JsonPath s = as(a.token()).get("/api/v1/reports/summary").jsonPath();
        assertThat(s.getBoolean("find { it.certificateNumber == '" + n1 + "' }.flagged")).isFalse();
        assertThat(s.getInt("find { it.certificateNumber == '" + n1 + "' }.places")).isEqualTo(1);
        assertThat(s.getBoolean("find { it.certificateNumber == '" + n2 + "' }.flagged")).isTrue();
        assertThat(as(a.token()).get("/api/v1/reports?flagged=true").jsonPath().getList("items.certificateNumber"))
                .contains(n2).doesNotContain(n1);
        // a third report from the first place flags it too
        jsonFrom("127.0.0.13").body(Map.of("token", t1)).post("/api/v1/reports").then().statusCode(201);
        assertThat(as(a.token()).get("/api/v1/reports/summary").jsonPath()
                .getBoolean("find { it.certificateNumber == '" + n1 + "' }.flagged")).isTrue();
    }

    @Test
    void badReportsAreRefusedAndNothingIsKept() {
        Api.Issuer a = Api.newIssuer();
        String t = token(a.issue());
        long before = authority().get("/api/v1/reports?size=1").jsonPath().getLong("total");
        jsonFrom("127.0.0.14").body(Map.of("whereBought", "深圳")).post("/api/v1/reports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("token"));
        jsonFrom("127.0.0.14").body(Map.of("token", t, "note", "x".repeat(2001)))
                .post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json");
        jsonFrom("127.0.0.14").body("{\"token\":\"" + t + "\",\"unknown\":1}").post("/api/v1/reports").then().statusCode(400);
        jsonFrom("127.0.0.14").body("{\"token\":").post("/api/v1/reports").then().statusCode(400);
        // a "photo" that is no image, whatever it says it is
        from("127.0.0.14").multiPart("token", t).multiPart("photo", "x.png", "<svg onload=alert(1)>".getBytes(), "image/png")
                .post("/api/v1/reports/form").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("photo"));
        from("127.0.0.14").multiPart("token", t).multiPart("note", "y".repeat(2001)).post("/api/v1/reports/form")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        // the text rule holds for form fields as for JSON: a bidi override in a place name, a lone surrogate in JSON
        from("127.0.0.14").multiPart("token", t).multiPart(new io.restassured.builder.MultiPartSpecBuilder("深圳\u202E店")
                        .controlName("whereBought").charset("UTF-8").build()).post("/api/v1/reports/form")
                .then().statusCode(400).body("errors[0].field", equalTo("whereBought"));
        jsonFrom("127.0.0.14").body("{\"token\":\"" + t + "\",\"contact\":\"a\\ud800b\"}").post("/api/v1/reports")
                .then().statusCode(400).body("errors[0].field", equalTo("contact"));
        assertThat(authority().get("/api/v1/reports?size=1").jsonPath().getLong("total")).isEqualTo(before);
        authority().get("/api/v1/reports?flagged=maybe").then().statusCode(400);
        authority().get("/api/v1/reports?certificate=" + "9".repeat(65)).then().statusCode(400);
    }

    @Test
    void aPhotoIsKeptAndServedOnlyToTheReadersAsAnImage() {
        Api.Issuer a = Api.newIssuer();
        Api.Issuer b = Api.newIssuer();
        String n = a.issue();
        from("127.0.0.15").multiPart("token", token(n)).multiPart("whereBought", "东莞")
                .multiPart("photo", "label.png", PNG, "application/octet-stream")
                .post("/api/v1/reports/form").then().statusCode(201);
        String photo = as(a.token()).get("/api/v1/reports?certificate=" + n).jsonPath().getString("items[0].photoUrl");
        assertThat(photo).startsWith("/api/v1/reports/");
        byte[] got = as(a.token()).get(photo).then().statusCode(200).contentType("image/png")
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("Cache-Control", containsString("no-store")).header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertThat(got).isEqualTo(PNG);
        // a phone's photo of a few megabytes is taken; more than szmark.reports.max-photo-size is a 413 problem,
        // and the larger limit is the report upload's alone
        byte[] large = java.util.Arrays.copyOf(PNG, 2_500_000);
        from("127.0.0.15").multiPart("token", token(n)).multiPart("photo", "big.png", large, "image/png")
                .post("/api/v1/reports/form").then().statusCode(201);
        byte[] tooLarge = java.util.Arrays.copyOf(PNG, 3 * 1024 * 1024 + 70 * 1024);
        from("127.0.0.15").multiPart("token", token(n)).multiPart("photo", "huge.png", tooLarge, "image/png")
                .post("/api/v1/reports/form").then().statusCode(413).contentType("application/problem+json");
        as(a.token()).contentType("application/json").body("{\"x\":\"" + "a".repeat(1_100_000) + "\"}")
                .post("/api/v1/certificates").then().statusCode(413).contentType("application/problem+json");
        authority().get(photo).then().statusCode(200);
        as(b.token()).get(photo).then().statusCode(404);
        anonymous().get(photo).then().statusCode(401);
    }

    @Test
    void theFormOnThePageSendsAReportAndTheBudgetStopsFloods() {
        Api.Issuer a = Api.newIssuer();
        String n = a.issue();
        String t = token(n);
        String verifyPage = given().get("/V/" + t + "?lang=zh").then().statusCode(200).extract().asString();
        assertThat(verifyPage).contains("href=\"/V/" + t + "/report?lang=zh\"");
        String form = given().get("/V/" + t + "/report?lang=zh").then().statusCode(200).extract().asString();
        assertThat(form).contains("id=\"report-form\"").contains("enctype=\"multipart/form-data\"").contains("举报可疑标识");

        String address = "127.0.0.16";
        // the first five go through (szmark.reports.per-client), each answered by a redirect to the thank-you page
        for (int i = 0; i < 5; i++) {
            from(address).redirects().follow(false)
                    .multiPart("whereBought", "深圳 " + i).multiPart("contact", "secret-" + i).multiPart("lang", "zh")
                    .post("/V/" + t + "/report").then().statusCode(303)
                    .header("Location", endsWith("/V/" + t + "/report?sent=1&lang=zh"));
        }
        String refused = from(address).multiPart("whereBought", "深圳").multiPart("lang", "en")
                .post("/V/" + t + "/report").then().statusCode(429).header("Retry-After", notNullValue())
                .contentType(containsString("text/html")).extract().asString();
        assertThat(refused).contains("Too many reports").contains("id=\"report-form\"");
        // another address is not limited by the first
        from("127.0.0.17").redirects().follow(false).multiPart("whereBought", "深圳")
                .post("/V/" + t + "/report").then().statusCode(303);
        assertThat(given().get("/V/" + t + "/report?sent=1&lang=zh").then().statusCode(200).extract().asString())
                .contains("id=\"report-sent\"");
        assertThat(as(a.token()).get("/api/v1/reports?certificate=" + n).jsonPath().getInt("total")).isEqualTo(6);
        // a bad input is answered with the form again, in words, not a problem document
        String bad = from("127.0.0.18").multiPart("note", "x".repeat(2001)).multiPart("lang", "en")
                .post("/V/" + t + "/report").then().statusCode(400).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(bad).contains("Not sent").doesNotContain("Exception");
    }
}
