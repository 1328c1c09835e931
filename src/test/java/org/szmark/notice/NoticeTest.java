package org.szmark.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class NoticeTest {

    @Test
    void suspensionsRevocationsCancellationsAndAbolishedStandardsArePublished() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String s = i.issue();
        String r = i.issue();
        String c = i.issue();
        String quiet = i.issue();
        as(i.token()).body(Map.of("reasonCode", "SPOT_CHECK_FAILED", "reasonText", "抽查<不合格> & 整改")).post("/api/v1/certificates/" + s + "/suspend").then().statusCode(200);
        as(i.token()).body(Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + r + "/revoke").then().statusCode(200);
        as(i.token()).body(Map.of("reasonCode", "PRODUCT_DISCONTINUED")).post("/api/v1/certificates/" + c + "/cancel").then().statusCode(200);

        JsonPath json = anonymous().queryParam("body", i.body()).get("/api/v1/notices").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*").extract().jsonPath();
        assertThat(json.getList("items.certificateNumber", String.class)).containsExactlyInAnyOrder(s, r, c);
        assertThat(json.getList("items.kind", String.class))
                .containsExactlyInAnyOrder("CERTIFICATE_SUSPENDED", "CERTIFICATE_REVOKED", "CERTIFICATE_CANCELLED");
        assertThat(json.getLong("total")).isEqualTo(3);
        assertThat(json.getList("items.certificateNumber", String.class)).doesNotContain(quiet);

        // the feed parses as Atom with one entry per notice of the body
        String xml = given().queryParam("body", i.body()).get("/notices.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(3);
        List<String> titles = new ArrayList<>();
        for (int k = 0; k < entries.getLength(); k++) {
            Element e = (Element) entries.item(k);
            titles.add(e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent());
            assertThat(e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent()).startsWith("urn:szmark:notice:");
            assertThat(((Element) e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0)).getAttribute("href"))
                    .startsWith("http://localhost:8080/v/");
        }
        assertThat(titles).anyMatch(t -> t.contains("Certificate revoked: " + r));
        assertThat(xml).contains("抽查&lt;不合格&gt; &amp; 整改");

        String html = given().queryParam("body", i.body()).get("/notices").then().statusCode(200).extract().asString();
        assertThat(html).contains(s).contains(r).contains(c).doesNotContain(quiet).contains("Certificate revoked")
                .contains("抽查&lt;不合格&gt; &amp; 整改");
    }

    @Test
    void abolishedStandardsAndFilters() {
        String number = Api.newEligibleStandard();
        authority().body(Map.of("number", number, "titleZh", "废止标准", "issuingOrganisation", "协会",
                        "status", Map.of("status", "ABOLISHED", "abolishedOn", "2025-03-01", "notice", "公告〔2025〕3号")))
                .put("/api/v1/standards/" + number).then().statusCode(200);
        JsonPath json = anonymous().queryParam("standard", number).get("/api/v1/notices").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("items.kind", String.class)).containsExactly("STANDARD_ABOLISHED");
        assertThat(json.getString("items[0].reasonText")).isEqualTo("公告〔2025〕3号");
        anonymous().queryParam("body", "NOPE").get("/api/v1/notices").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        anonymous().queryParam("standard", "T/ bad").get("/api/v1/notices").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        anonymous().queryParam("size", "500").get("/api/v1/notices").then().statusCode(400);
        given().queryParam("standard", number).queryParam("lang", "zh").get("/notices").then().statusCode(200)
                .body(containsString("标准废止")).body(containsString(number));
    }
}
