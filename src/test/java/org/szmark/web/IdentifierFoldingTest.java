package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.szmark.support.Api;

/**
 * Identifiers typed with a Chinese input method come full-width ("９１４４…", "ＳＺＢＺ－…", U+3000 for a space);
 * every place that reads a credit code, body code, certificate number, standard number or label token must
 * find the same record as for the ASCII spelling (IdentifierText.normaliseCode, StandardNumber).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentifierFoldingTest {

    private Api.Issuer issuer;
    private String number;

    /** The full-width spelling of ASCII text, lower-cased first where it has letters, framed in ideographic spaces. */
    static String wide(String ascii) {
        StringBuilder b = new StringBuilder("\u3000");
        for (char c : ascii.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            b.append(c == ' ' ? '\u3000' : (char) (c + 0xFEE0));
        }
        return b.append('\u3000').toString();
    }

    private void setUp() {
        if (issuer == null) {
            issuer = Api.newIssuer();
            number = issuer.issue();
        }
    }

    private static String read(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.asString().replaceAll("\"asOf\":\"[^\"]*\"", "");
    }

    @Test
    void theWideSpellingIsNotAsciiItself() {
        assertThat(wide("91AB-/.")).isEqualTo("\u3000９１ａｂ－／．\u3000");
    }

    @Test
    void enterprisesAreFoundByAWideCreditCode() {
        setUp();
        String code = issuer.holder();
        assertThat(read(anonymous().get("/api/v1/enterprises/" + wide(code))))
                .isEqualTo(read(anonymous().get("/api/v1/enterprises/" + code)));
        assertThat(read(anonymous().get("/api/v1/enterprises/" + wide(code) + "/products")))
                .isEqualTo(read(anonymous().get("/api/v1/enterprises/" + code + "/products")));
        Response page = anonymous().accept("text/html").get("/e/" + wide(code));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(code, number);
    }

    @Test
    void enterprisesAreChangedByAWideCreditCode() {
        String code = Api.newEnterprise();
        authority().body(Map.of("nameZh", "改名企业", "nameEn", "Renamed Co")).put("/api/v1/enterprises/" + wide(code))
                .then().statusCode(200);
        authority().body(Map.of("nameZh", "产品", "model", "W-1")).post("/api/v1/enterprises/" + wide(code) + "/products")
                .then().statusCode(201);
        authority().body(Map.of("name", "企业账户")).post("/api/v1/enterprises/" + wide(code) + "/accounts")
                .then().statusCode(201);
        Response e = anonymous().get("/api/v1/enterprises/" + code);
        assertThat(e.jsonPath().getString("nameZh")).isEqualTo("改名企业");
        assertThat(anonymous().get("/api/v1/enterprises/" + code + "/products").jsonPath().getList("model", String.class))
                .containsExactly("W-1");
    }

    @Test
    void issuanceNamesItsHolderByAWideCreditCode() {
        setUp();
        Map<String, Object> single = issuer.request();
        single.put("holder", wide(issuer.holder()));
        single.put("standard", wide(issuer.standard()));
        Response r = as(issuer.token()).body(single).post("/api/v1/certificates");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        assertThat(r.jsonPath().getString("holder.creditCode")).isEqualTo(issuer.holder());

        Map<String, Object> item = issuer.request();
        item.put("holder", wide(issuer.holder()));
        Response batch = as(issuer.token()).body(Map.of("certificates", List.of(item, issuer.request())))
                .post("/api/v1/certificates:batch");
        assertThat(batch.statusCode()).as(batch.asString()).isEqualTo(200);
        assertThat(batch.jsonPath().getInt("issued")).isEqualTo(2);
        assertThat(batch.jsonPath().getList("results.certificate.holder.creditCode", String.class))
                .containsOnly(issuer.holder());
    }

    @Test
    void certificatesAreFoundByAWideNumber() {
        setUp();
        String wide = wide(number);
        assertThat(read(anonymous().get("/api/v1/certificates/" + wide))).isEqualTo(read(anonymous().get("/api/v1/certificates/" + number)));
        assertThat(read(anonymous().get("/api/v1/certificates/" + wide + "/status")))
                .isEqualTo(read(anonymous().get("/api/v1/certificates/" + number + "/status")));
        assertThat(read(anonymous().get("/api/v1/certificates/" + wide + "/qr")))
                .isEqualTo(read(anonymous().get("/api/v1/certificates/" + number + "/qr")));
        Response badge = anonymous().accept("image/svg+xml").get("/badge/" + wide + ".svg");
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.asString()).isEqualTo(anonymous().accept("image/svg+xml").get("/badge/" + number + ".svg").asString());
    }

    @Test
    void statusChangesNameTheCertificateByAWideNumber() {
        setUp();
        String other = issuer.issue();
        as(issuer.token()).body(Api.statusReason("suspend")).post("/api/v1/certificates/" + wide(other) + "/suspend")
                .then().statusCode(200);
        assertThat(anonymous().get("/api/v1/certificates/" + other).jsonPath().getString("status")).isEqualTo("SUSPENDED");
    }

    @Test
    void filtersAndLookupsByBodyAndStandardFoldToo() {
        setUp();
        String ascii = "/api/v1/certificates?holder=" + issuer.holder() + "&body=" + issuer.body() + "&standard=" + issuer.standard();
        String folded = "/api/v1/certificates?holder=" + wide(issuer.holder()) + "&body=" + wide(issuer.body())
                + "&standard=" + wide(issuer.standard());
        Response a = anonymous().get(ascii);
        assertThat(a.jsonPath().getLong("total")).isGreaterThanOrEqualTo(1);
        assertThat(read(anonymous().get(folded))).isEqualTo(read(a));
        assertThat(read(anonymous().get("/api/v1/bodies/" + wide(issuer.body()))))
                .isEqualTo(read(anonymous().get("/api/v1/bodies/" + issuer.body())));
        assertThat(read(anonymous().get("/api/v1/bodies/" + wide(issuer.body()) + "/keys")))
                .isEqualTo(read(anonymous().get("/api/v1/bodies/" + issuer.body() + "/keys")));
        assertThat(read(anonymous().get("/api/v1/standards/" + wide(issuer.standard()))))
                .isEqualTo(read(anonymous().get("/api/v1/standards/" + issuer.standard())));
        assertThat(read(anonymous().get("/api/v1/notices?body=" + wide(issuer.body()))))
                .isEqualTo(read(anonymous().get("/api/v1/notices?body=" + issuer.body())));
    }

    @Test
    void searchesMatchCodesAndNumbersInTheirWideSpelling() {
        setUp();
        String code = issuer.holder();
        Response ascii = anonymous().get("/api/v1/certificates?q=" + code);
        assertThat(ascii.jsonPath().getLong("total")).isGreaterThanOrEqualTo(1);
        assertThat(read(anonymous().get("/api/v1/certificates?q=" + wide(code)))).isEqualTo(read(ascii));
        assertThat(read(anonymous().get("/api/v1/certificates?q=" + wide(number))))
                .isEqualTo(read(anonymous().get("/api/v1/certificates?q=" + number)));
        Response enterprises = anonymous().get("/api/v1/enterprises?q=" + wide(code.substring(0, 12)));
        assertThat(enterprises.jsonPath().getList("items.creditCode", String.class)).contains(code);
        Response page = anonymous().accept("text/html").get("/search?q=" + wide(number));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(number);
    }

    @Test
    void aLabelTokenInWideOrLowerCaseGivesTheSameVerdict() {
        setUp();
        String url = anonymous().get("/api/v1/certificates/" + number).jsonPath().getString("qrUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);
        Response ascii = anonymous().get("/api/v1/verify/" + token);
        assertThat(ascii.jsonPath().getString("verdict")).isEqualTo("VALID");
        for (String spelling : List.of(wide(token), token.toLowerCase(java.util.Locale.ROOT))) {
            Response r = anonymous().get("/api/v1/verify/" + spelling);
            assertThat(r.jsonPath().getString("verdict")).as(spelling).isEqualTo("VALID");
            assertThat(r.jsonPath().getString("certificate.number")).isEqualTo(number);
        }
    }

    @Test
    void aWideSpellingOfAnUnknownCodeIsStillNotFound() {
        anonymous().get("/api/v1/enterprises/" + wide("91440300MA5DRN7K6X")).then().statusCode(404);
        anonymous().get("/api/v1/certificates/" + wide("SZBZ-NONE-2024-000001")).then().statusCode(404);
        // Dotless i looks like I but is not folded to it (IdentifierText.upperAscii).
        anonymous().get("/api/v1/bodies/B\u0131").then().statusCode(404);
    }
}
