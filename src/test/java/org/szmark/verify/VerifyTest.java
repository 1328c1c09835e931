package org.szmark.verify;

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
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.crypto.Ed25519;
import org.szmark.qr.DecodedToken;
import org.szmark.qr.QrToken;
import org.szmark.support.Api;

@QuarkusTest
class VerifyTest {

    static String token(String number) {
        String url = anonymous().get("/api/v1/certificates/" + number).jsonPath().getString("qrUrl");
        return url.substring(url.indexOf("/V/") + 3);
    }

    static JsonPath verify(String token) {
        return anonymous().get("/api/v1/verify/" + token).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", containsString("no-cache"))
                .extract().jsonPath();
    }

    @Test
    void genuineValidTokenShowsWhatItIsBoundTo() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String t = token(n);
        JsonPath v = verify(t);
        assertThat(v.getString("verdict")).isEqualTo("VALID");
        assertThat(v.getBoolean("genuine")).isTrue();
        assertThat(v.getString("claims.certificateNumber")).isEqualTo(n);
        assertThat(v.getString("claims.creditCode")).isEqualTo(i.holder());
        assertThat(v.getString("certificate.holder.creditCode")).isEqualTo(i.holder());
        assertThat(v.getString("certificate.product.model")).isEqualTo("M-1");
        assertThat(v.getString("certificate.issuer.code")).isEqualTo(i.body());
        assertThat(v.getString("asOf")).isNotBlank();
        assertThat(v.getLong("log.index")).isEqualTo(v.getLong("certificate.logIndex"));
        // once a checkpoint covers the entry, its inclusion is verified against the signed root
        JsonPath logged = null;
        for (int k = 0; k < 50; k++) {
            logged = verify(t);
            if (logged.getBoolean("log.inclusionVerified")) break;
            try { Thread.sleep(200); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
        assertThat(logged.getBoolean("log.inclusionVerified")).isTrue();
        assertThat(logged.getLong("log.checkpointSize")).isGreaterThan(logged.getLong("log.index"));
        given().get("/V/" + t).then().body(containsString("inclusion in the latest signed checkpoint verified"));
        // any case is accepted
        assertThat(verify(t.toLowerCase()).getString("verdict")).isEqualTo("VALID");

        for (String path : new String[] {"/V/" + t, "/v/" + t.toLowerCase()}) {
            given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", containsString("no-cache"))
                    .body(containsString("data-verdict=\"VALID\"")).body(containsString("Genuine and valid"))
                    .body(containsString(n)).body(containsString(i.holder())).body(containsString("M-1"));
        }
        given().header("Accept-Language", "zh-CN").get("/V/" + t).then().statusCode(200)
                .body(containsString("真实有效")).body(containsString("<html lang=\"zh-CN\">"));
    }

    @Test
    void anAnswerFromTheCacheIsTheAnswerOfAFreshCheck() {
        Api.Issuer i = Api.newIssuer();
        String t = token(i.issue());
        String first = null;
        for (int k = 0; k < 50; k++) {
            // a fresh check each time until a checkpoint covers the entry; then the result is kept
            first = anonymous().get("/api/v1/verify/" + t).then().statusCode(200).extract().asString();
            if (first.contains("\"inclusionVerified\":true")) break;
            try { Thread.sleep(200); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
        String again = anonymous().get("/api/v1/verify/" + t).then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        String time = "\"asOf\":\"[0-9T:-]+Z\"";
        assertThat(again.replaceAll(time, "")).isEqualTo(first.replaceAll(time, ""));
        assertThat(again).containsPattern(time).doesNotContain("0001-01-01");
        assertThat(again.split("\"asOf\"", -1)).as("the answer's and the certificate's time").hasSize(3);

        String pageTime = "<time datetime=\"[0-9T:+-]+\">[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}[^<]+</time>";
        for (String lang : new String[] {"en", "zh-CN"}) {
            String page = given().header("Accept-Language", lang).get("/V/" + t).then().statusCode(200).extract().asString();
            String cached = given().header("Accept-Language", lang).get("/V/" + t).then().statusCode(200).extract().asString();
            assertThat(cached.replaceAll(pageTime, "")).isEqualTo(page.replaceAll(pageTime, ""));
            assertThat(cached).containsPattern(pageTime).doesNotContain("0001-01-01").contains("data-verdict=\"VALID\"");
        }
        as(i.token()).body(java.util.Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + number(t) + "/revoke")
                .then().statusCode(200);
        given().get("/V/" + t).then().statusCode(200).body(containsString("data-verdict=\"REVOKED\""));
        assertThat(verify(t).getString("verdict")).isEqualTo("REVOKED");
    }

    private static String number(String token) {
        return verify(token).getString("claims.certificateNumber");
    }

    @Test
    void statusChangesShowOnTheVeryNextVerification() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String t = token(n);
        as(i.token()).body(Map.of("reasonCode", "SPOT_CHECK_FAILED", "reasonText", "抽查不合格"))
                .post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200);
        JsonPath s = verify(t);
        assertThat(s.getString("verdict")).isEqualTo("SUSPENDED");
        assertThat(s.getString("reasonCode")).isEqualTo("SPOT_CHECK_FAILED");
        assertThat(s.getString("reason")).isEqualTo("A spot check was failed");
        assertThat(s.getString("statement")).isEqualTo("抽查不合格");
        given().get("/V/" + t).then().body(containsString("data-verdict=\"SUSPENDED\"")).body(containsString("抽查不合格"));
        as(i.token()).body(Map.of("reasonCode", "NOT_CORRECTED")).post("/api/v1/certificates/" + n + "/revoke").then().statusCode(200);
        assertThat(verify(t).getString("verdict")).isEqualTo("REVOKED");
        assertThat(verify(t).getList("certificate.history")).hasSize(3);

        String c = i.issue();
        as(i.token()).body(Map.of("reasonCode", "PRODUCT_DISCONTINUED")).post("/api/v1/certificates/" + c + "/cancel").then().statusCode(200);
        assertThat(verify(token(c)).getString("verdict")).isEqualTo("CANCELLED");

        Map<String, Object> old = i.request();
        old.put("issueDate", LocalDate.now().minusYears(4).toString());
        String e = as(i.token()).body(old).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
        assertThat(verify(token(e)).getString("verdict")).isEqualTo("EXPIRED");
    }

    @Test
    void bodySuspensionMakesTheVerdictSuspended() {
        Api.Issuer i = Api.newIssuer();
        String t = token(i.issue());
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督检查")).post("/api/v1/bodies/" + i.body() + "/status")
                .then().statusCode(200);
        JsonPath v = verify(t);
        assertThat(v.getString("verdict")).isEqualTo("SUSPENDED");
        assertThat(v.getString("reasonCode")).isEqualTo("BODY_SUSPENDED");
        assertThat(v.getString("statement")).isEqualTo("监督检查");
    }

    @Test
    void badTokensAreNotGenuineNeverErrors() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String t = token(n);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("RANDOMSTRING", "TOKEN_MALFORMED");
        cases.put(t.substring(0, t.length() - 10), "TOKEN_MALFORMED");
        cases.put(t + "AAAA", "TOKEN_MALFORMED");
        cases.put("A".repeat(1100), "TOKEN_TOO_LONG");
        cases.put("%3Cscript%3E", "TOKEN_MALFORMED");
        // flip one character in the middle of the signature: well-formed, but the signature fails
        int k = t.length() - 20;
        char flipped = t.charAt(k) == 'A' ? 'B' : 'A';
        cases.put(t.substring(0, k) + flipped + t.substring(k + 1), "BAD_SIGNATURE");
        for (var c : cases.entrySet()) {
            JsonPath v = verify(c.getKey());
            assertThat(v.getString("verdict")).as(c.getKey()).isEqualTo("NOT_GENUINE");
            assertThat(v.getString("reasonCode")).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(v.getBoolean("genuine")).isFalse();
            given().get("/v/" + c.getKey()).then().statusCode(200).body(containsString("data-verdict=\"NOT_GENUINE\""))
                    .body(containsString("Not genuine"));
        }
        // every single-character change of the claims is caught
        for (int p = 0; p < t.length() - 103; p += 3) {
            char ch = t.charAt(p) == 'Q' ? 'R' : 'Q';
            String v = verify(t.substring(0, p) + ch + t.substring(p + 1)).getString("verdict");
            assertThat(v).as("position %d", p).isEqualTo("NOT_GENUINE");
        }
    }

    @Test
    void tokensSignedByAnUnknownOrCompromisedKeyAreNotGenuine() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String t = token(n);
        DecodedToken d = QrToken.decode(t);
        // same claims, re-signed by a key no body holds: the prefix must name a key, so also forge the prefix
        var rogue = Ed25519.generate(new SecureRandom());
        var claims = new org.szmark.qr.QrClaims(HexFormat.of().parseHex(rogue.keyId().substring(0, 8)),
                d.claims().certificateNumber(), d.claims().creditCode(), d.claims().standardNumber(), d.claims().expiry());
        String forged = QrToken.encode(claims, Ed25519.sign(rogue.privateKey(), QrToken.claimsBytes(claims)));
        assertThat(verify(forged).getString("reasonCode")).isEqualTo("UNKNOWN_KEY");
        // the body's real key prefix but a rogue signature
        String wrongSig = QrToken.encode(d.claims(), Ed25519.sign(rogue.privateKey(), d.claimsBytes()));
        assertThat(verify(wrongSig).getString("reasonCode")).isEqualTo("BAD_SIGNATURE");

        String keyId = anonymous().get("/api/v1/certificates/" + n).jsonPath().getString("signed.keyId");
        authority().body(Map.of("compromisedAt", "2020-01-01T00:00:00Z", "reason", "key leaked"))
                .post("/api/v1/bodies/" + i.body() + "/keys/" + keyId + "/revoke").then().statusCode(200);
        JsonPath v = verify(t);
        assertThat(v.getString("verdict")).isEqualTo("NOT_GENUINE");
        assertThat(v.getString("reasonCode")).isEqualTo("KEY_COMPROMISED");
        given().get("/V/" + t).then().statusCode(200).body(containsString("data-verdict=\"NOT_GENUINE\""));
    }

    @Test
    void pageHasNoExternalAssetsAndOffersTheInBrowserCheck() {
        Api.Issuer i = Api.newIssuer();
        String t = token(i.issue());
        String html = given().get("/V/" + t).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertThat(html).doesNotContain("src=\"http", "href=\"http");
        assertThat(html).contains("<script src=\"/verify.js\"></script>").contains("data-token=\"" + t + "\"");
        given().get("/verify.js").then().statusCode(200).body(containsString("crypto.subtle.verify"));
        given().get("/V/" + t + "?lang=zh").then().body(containsString("证书查验"));
    }
}
