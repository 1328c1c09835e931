package org.szmark.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * A change to a holder or standard never changes what a signed certificate says: after the authority
 * renames the holder and retitles the standard, every public view of the certificate shows the signed
 * names and says plainly what is registered now.
 */
@QuarkusTest
class RenamedHolderTest {

    static final String NEW_ZH = "深圳市更名后科技有限公司";
    static final String NEW_EN = "Renamed Tech Co.";
    static final String NEW_TITLE = "儿童智能手表（修订）";

    static void retitle(String standard, String titleZh) {
        authority().body(Map.of("number", standard, "titleZh", titleZh, "issuingOrganisation", "测试协会",
                        "selfDeclaration", Map.of("declaredOn", "2020-01-02", "disclosedAt", "https://example.org/d/1"),
                        "evaluation", Map.of("catalogueItem", "测试目录项", "passedOn", "2020-06-01")))
                .put("/api/v1/standards/" + standard).then().statusCode(200);
    }

    @Test
    void everyViewShowsTheSignedHolderAndSaysWhatIsRegisteredNow() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        as(i.token()).body(Map.of("reasonCode", "SPOT_CHECK_FAILED")).post("/api/v1/certificates/" + n + "/suspend")
                .then().statusCode(200);
        String signedZh = "深圳测试企业" + i.holder();
        String signedEn = "Test Co " + i.holder();
        String token = VerifyTest.token(n);

        // Before any change: the signed data and no registeredNow anywhere; this also fills the verification cache.
        JsonPath before = VerifyTest.verify(token);
        assertThat(before.getString("certificate.holder.nameZh")).isEqualTo(signedZh);
        assertThat(before.getMap("certificate.holder.registeredNow")).isNull();
        assertThat(before.getMap("certificate.standard.registeredNow")).isNull();
        assertThat(before.getString("certificate.standard.titleEn")).isNull();
        assertThat(given().get("/V/" + token).then().statusCode(200).extract().asString())
                .doesNotContain("registered name now").doesNotContain("id=\"bound-note\"");

        authority().body(Map.of("nameZh", NEW_ZH, "nameEn", NEW_EN, "addressZh", "深圳市福田区新址 8 号"))
                .put("/api/v1/enterprises/" + i.holder()).then().statusCode(200);
        retitle(i.standard(), NEW_TITLE);

        // The JSON verification and the certificate view: signed values, and registeredNow only where they differ.
        for (JsonPath c : new JsonPath[] {
                new JsonPath(VerifyTest.verify(token).prettify()).setRootPath("certificate"),
                anonymous().get("/api/v1/certificates/" + n).then().statusCode(200).extract().jsonPath()}) {
            assertThat(c.getString("holder.nameZh")).isEqualTo(signedZh);
            assertThat(c.getString("holder.nameEn")).isEqualTo(signedEn);
            assertThat(c.getString("holder.creditCode")).isEqualTo(i.holder());
            assertThat(c.getString("holder.address")).isNull();
            assertThat(c.getMap("holder.registeredNow")).containsExactlyInAnyOrderEntriesOf(
                    Map.of("nameZh", NEW_ZH, "nameEn", NEW_EN, "address", "深圳市福田区新址 8 号"));
            assertThat(c.getString("product.model")).isEqualTo("M-1");
            assertThat(c.getMap("product.registeredNow")).isNull();
            assertThat(c.getString("standard.titleZh")).isEqualTo("测试标准");
            assertThat(c.getMap("standard.registeredNow")).containsExactlyEntriesOf(Map.of("titleZh", NEW_TITLE));
        }
        JsonPath verified = VerifyTest.verify(token);
        assertThat(verified.getString("verdict")).isEqualTo("SUSPENDED");
        assertThat(verified.getBoolean("genuine")).isTrue();

        // The verification page, in both languages.
        String en = given().queryParam("lang", "en").get("/V/" + token).then().statusCode(200).extract().asString();
        assertThat(en).contains("<dd id=\"f-holder\">" + signedZh + " / " + signedEn + "<br>")
                .contains("id=\"f-holder-now\">registered name now: " + NEW_ZH + " / " + NEW_EN + "<")
                .contains("registered address now: 深圳市福田区新址 8 号")
                .contains("id=\"f-standard-now\">standard title now: " + NEW_TITLE + "<")
                .contains("id=\"bound-note\"");
        String zh = given().queryParam("lang", "zh").get("/V/" + token).then().statusCode(200).extract().asString();
        assertThat(zh).contains("现登记名称：" + NEW_ZH + " / " + NEW_EN).contains("现行标准名称：" + NEW_TITLE);

        // Notices, their JSON and the Atom feed.
        JsonPath notices = anonymous().queryParam("body", i.body()).get("/api/v1/notices").then().statusCode(200).extract().jsonPath();
        assertThat(notices.getString("items[0].certificateNumber")).isEqualTo(n);
        assertThat(notices.getString("items[0].holderNameZh")).isEqualTo(signedZh);
        assertThat(notices.getMap("items[0].holderRegisteredNow")).containsExactlyInAnyOrderEntriesOf(
                Map.of("nameZh", NEW_ZH, "nameEn", NEW_EN));
        assertThat(notices.getString("items[0].standardTitleZh")).isEqualTo("测试标准");
        assertThat(notices.getMap("items[0].standardRegisteredNow")).containsExactlyEntriesOf(Map.of("titleZh", NEW_TITLE));
        String atom = given().queryParam("body", i.body()).get("/notices.atom").then().statusCode(200).extract().asString();
        assertThat(atom).contains(signedZh + " [现登记名称 registered name now: " + NEW_ZH + " / " + NEW_EN + "] (" + i.holder() + ")");
        String page = given().queryParam("body", i.body()).queryParam("lang", "en").get("/notices").then().statusCode(200)
                .extract().asString();
        // An English page names the holder by its signed English name, with the registered names now beside it.
        assertThat(page).contains(signedEn + " <span class=\"registered-now\">[registered name now: " + NEW_ZH + " / " + NEW_EN + "]</span>");

        // The enterprise page is headed by the registered name and says what each certificate names.
        String e = given().queryParam("lang", "en").get("/e/" + i.holder()).then().statusCode(200).extract().asString();
        // (an English page: the registered English name, with the Chinese one below it)
        assertThat(e).contains("<h1 id=\"enterprise-name\">" + NEW_EN + "</h1>").contains("<p>" + NEW_ZH + "</p>")
                .contains("name on the certificate: " + signedZh + " / " + signedEn);
        // Search results show the signed name with the registered one beside it.
        String search = given().queryParam("q", n).queryParam("lang", "en").get("/search").then().statusCode(200).extract().asString();
        assertThat(search).contains(">" + signedEn + "</a>").contains("registered name now: " + NEW_ZH + " / " + NEW_EN);
    }

    @Test
    void registeringTheSignedNamesAgainEndsTheNote() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String token = VerifyTest.token(n);
        String signedZh = "深圳测试企业" + i.holder();
        authority().body(Map.of("nameZh", NEW_ZH)).put("/api/v1/enterprises/" + i.holder()).then().statusCode(200);
        JsonPath renamed = VerifyTest.verify(token);
        // The English name was removed since signing: the signed one is still shown, the removal marked "".
        assertThat(renamed.getString("certificate.holder.nameEn")).isEqualTo("Test Co " + i.holder());
        assertThat(renamed.getString("certificate.holder.registeredNow.nameEn")).isEmpty();
        assertThat(given().queryParam("lang", "en").get("/V/" + token).then().extract().asString())
                .contains("registered name now: " + NEW_ZH + "<");

        authority().body(Map.of("nameZh", signedZh, "nameEn", "Test Co " + i.holder())).put("/api/v1/enterprises/" + i.holder())
                .then().statusCode(200);
        assertThat(VerifyTest.verify(token).getMap("certificate.holder.registeredNow")).isNull();
        assertThat(given().queryParam("lang", "en").get("/V/" + token).then().extract().asString()).doesNotContain("registered name now");
    }
}
