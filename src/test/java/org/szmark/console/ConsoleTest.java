package org.szmark.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * The body console's pages and forms, driven over HTTP as a browser would post them: each write lands through
 * the API's services, only on the caller's own body's certificates, and a form posted twice or raced by two
 * staff members changes nothing twice.
 */
@QuarkusTest
class ConsoleTest {

    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");
    private static final Pattern EXPECTED_SEQ = Pattern.compile("name=\"expectedSeq\" value=\"([0-9]+)\"");

    static RequestSpecification page(String token) {
        return given().header("Authorization", "Bearer " + token).header("Accept-Language", "en").redirects().follow(false);
    }

    static RequestSpecification form(String token) {
        return page(token).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static String field(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as("form field %s in the page", p).isTrue();
        return m.group(1);
    }

    static String numberFrom(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        String location = r.header("Location");
        Matcher m = Pattern.compile("/console/certificates/([^?]+)\\?event=").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    /** The issue form as a person fills it in, with some fields set otherwise (each field is sent once). */
    private static RequestSpecification issueForm(Api.Issuer i, String key, String... overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("formKey", key);
        fields.put("holder", i.holder());
        fields.put("productModel", i.model());
        fields.put("standard", i.standard());
        fields.put("scope", "智能手表");
        fields.put("certificationMode", "型式试验");
        fields.put("siteAddress", "深圳市南山区 1 号");
        for (int k = 0; k < overrides.length; k += 2) fields.put(overrides[k], overrides[k + 1]);
        RequestSpecification r = form(i.token());
        fields.forEach(r::formParam);
        return r;
    }

    @Test
    void aBodysStaffSeeTheirDashboardAndOthersCannot() {
        Api.Issuer i = Api.newIssuer();
        i.issue();
        String html = page(i.token()).get("/console").then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"count-VALID\"").contains("Dashboard");
        assertThat(page(i.token()).header("Accept-Language", "zh-CN").get("/console?lang=zh").asString()).contains("概览");
        assertThat(page(i.token()).get("/console/audits").then().statusCode(200).extract().asString())
                .contains("id=\"overdue-count\"").contains("id=\"signed-in-user\"");
        // an enterprise account and the anonymous are refused
        String enterprise = Api.enterpriseToken(i.holder());
        assertThat(page(enterprise).get("/console").statusCode()).isEqualTo(403);
        assertThat(given().redirects().follow(false).get("/console").statusCode()).isIn(302, 401);
    }

    @Test
    void theIssueFormIssuesOnceHoweverOftenItIsPosted() {
        Api.Issuer i = Api.newIssuer();
        String formHtml = page(i.token()).get("/console/issue").then().statusCode(200).extract().asString();
        String key = field(FORM_KEY, formHtml);
        // the defaults are shown, not hidden
        assertThat(formHtml).contains(LocalDate.now().plusYears(3).minusDays(1).toString());
        assertThat(formHtml).contains(i.standard());
        String number = numberFrom(issueForm(i, key).post("/console/issue"));
        String again = numberFrom(issueForm(i, key).post("/console/issue"));
        assertThat(again).isEqualTo(number);
        assertThat(as(i.token()).get("/api/v1/certificates?mine=true").jsonPath().getLong("total")).isEqualTo(1);
        String shown = page(i.token()).get("/console/certificates/" + number + "?event=1").then().statusCode(200).extract().asString();
        assertThat(shown).contains("id=\"signed-event\"").contains("Issued and logged");
    }

    @Test
    void aNewHolderAndProductAreRegisteredWithTheIssuanceOrNotAtAll() {
        Api.Issuer i = Api.newIssuer();
        String holder = Api.newCreditCode();
        String key = field(FORM_KEY, page(i.token()).get("/console/issue").asString());
        // refused issuance (unknown standard): neither the holder nor the product stays behind
        Response refused = issueForm(i, key, "newHolder", "on", "holderNameZh", "新企业", "newProduct", "on",
                "productNameZh", "新产品", "holder", holder, "standard", "T/NOPE 999-2020").post("/console/issue");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"refusal\"").contains("unknown-standard");
        assertThat(Api.authority().get("/api/v1/enterprises/" + holder).statusCode()).isEqualTo(404);
        String key2 = field(FORM_KEY, page(i.token()).get("/console/issue").asString());
        String number = numberFrom(form(i.token()).formParam("formKey", key2).formParam("holder", holder)
                .formParam("newHolder", "on").formParam("holderNameZh", "新企业").formParam("newProduct", "on")
                .formParam("productNameZh", "新产品").formParam("productModel", "N-1").formParam("standard", i.standard())
                .formParam("scope", "范围").formParam("certificationMode", "型式试验").formParam("siteAddress", "深圳")
                .post("/console/issue"));
        assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getString("holder.creditCode")).isEqualTo(holder);
    }

    @Test
    void badFormInputIsRefusedOnThePageWithNothingWritten() {
        Api.Issuer i = Api.newIssuer();
        String key = field(FORM_KEY, page(i.token()).get("/console/issue").asString());
        Response bidi = issueForm(i, key, "scope", "范围\u202Eevil").post("/console/issue");
        assertThat(bidi.statusCode()).isEqualTo(400);
        assertThat(bidi.asString()).contains("scope").contains("U+202E");
        Response date = issueForm(i, key, "issueDate", "2026-13-40").post("/console/issue");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.asString()).contains("issueDate");
        Response noKey = issueForm(i, key, "formKey", "").post("/console/issue");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(as(i.token()).get("/api/v1/certificates?mine=true").jsonPath().getLong("total")).isZero();
    }

    @Test
    void aSuspensionStatesItsConsequenceNeedsConfirmationAndShowsTheSignedEvent() {
        Api.Issuer i = Api.newIssuer();
        String number = i.issue();
        String formHtml = page(i.token()).get("/console/certificates/" + number + "/suspend").then().statusCode(200).extract().asString();
        assertThat(formHtml).contains("Labels on shelves will show SUSPENDED");
        String key = field(FORM_KEY, formHtml);
        String seq = field(EXPECTED_SEQ, formHtml);
        String until = LocalDate.now().plusMonths(1).toString();
        // without the confirmation: the form again, with the error, and nothing changed
        Response unconfirmed = form(i.token()).formParam("formKey", key).formParam("expectedSeq", seq)
                .formParam("reasonCode", "SPOT_CHECK_FAILED").formParam("suspendedUntil", until)
                .post("/console/certificates/" + number + "/suspend");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.asString()).contains("Tick the confirmation");
        // a reason that does not fit the change
        Response wrongReason = form(i.token()).formParam("formKey", key).formParam("expectedSeq", seq).formParam("confirm", "yes")
                .formParam("reasonCode", "FRAUD").formParam("suspendedUntil", until)
                .post("/console/certificates/" + number + "/suspend");
        assertThat(wrongReason.statusCode()).isEqualTo(400);
        assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getString("status")).isEqualTo("VALID");
        Response done = form(i.token()).formParam("formKey", key).formParam("expectedSeq", seq).formParam("confirm", "yes")
                .formParam("reasonCode", "SPOT_CHECK_FAILED").formParam("reasonText", "抽查不合格").formParam("suspendedUntil", until)
                .post("/console/certificates/" + number + "/suspend");
        assertThat(done.statusCode()).as(done.asString()).isEqualTo(303);
        assertThat(done.header("Location")).contains("event=2");
        assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getString("status")).isEqualTo("SUSPENDED");
        String after = page(i.token()).get(done.header("Location")).asString();
        assertThat(after).contains("id=\"signed-payload\"").contains("SPOT_CHECK_FAILED");
        // the same form again: the same change, not a second one
        Response twice = form(i.token()).formParam("formKey", key).formParam("expectedSeq", seq).formParam("confirm", "yes")
                .formParam("reasonCode", "SPOT_CHECK_FAILED").formParam("reasonText", "抽查不合格").formParam("suspendedUntil", until)
                .post("/console/certificates/" + number + "/suspend");
        assertThat(twice.statusCode()).isEqualTo(303);
        assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getList("history")).hasSize(2);
    }

    @Test
    void twoStaffRacingOnOneCertificateChangeItOnce() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String number = i.issue();
        String a = page(i.token()).get("/console/certificates/" + number + "/revoke").asString();
        String b = page(i.token()).get("/console/certificates/" + number + "/cancel").asString();
        Callable<Integer> revoke = () -> form(i.token()).formParam("formKey", field(FORM_KEY, a))
                .formParam("expectedSeq", field(EXPECTED_SEQ, a)).formParam("confirm", "yes").formParam("reasonCode", "FRAUD")
                .post("/console/certificates/" + number + "/revoke").statusCode();
        Callable<Integer> cancel = () -> form(i.token()).formParam("formKey", field(FORM_KEY, b))
                .formParam("expectedSeq", field(EXPECTED_SEQ, b)).formParam("confirm", "yes")
                .formParam("reasonCode", "PRODUCT_DISCONTINUED").post("/console/certificates/" + number + "/cancel").statusCode();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> x = pool.submit(revoke);
            Future<Integer> y = pool.submit(cancel);
            assertThat(List.of(x.get(), y.get())).containsExactlyInAnyOrder(303, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getList("history")).hasSize(2);
    }

    @Test
    void anotherBodysCertificateIsNotFoundInTheConsole() {
        Api.Issuer mine = Api.newIssuer();
        Api.Issuer other = Api.newIssuer();
        String theirs = other.issue();
        assertThat(page(mine.token()).get("/console/certificates/" + theirs).statusCode()).isEqualTo(404);
        assertThat(page(mine.token()).get("/console/certificates/" + theirs + "/suspend").statusCode()).isEqualTo(404);
        Response post = form(mine.token()).formParam("formKey", "k-1").formParam("expectedSeq", "1").formParam("confirm", "yes")
                .formParam("reasonCode", "FRAUD").post("/console/certificates/" + theirs + "/revoke");
        assertThat(post.statusCode()).isEqualTo(404);
        Response audit = form(mine.token()).formParam("auditedOn", LocalDate.now().toString()).formParam("result", "PASSED")
                .post("/console/certificates/" + theirs + "/audits");
        assertThat(audit.statusCode()).isEqualTo(404);
        assertThat(as(other.token()).get("/api/v1/certificates/" + theirs).jsonPath().getString("status")).isEqualTo("VALID");
        String mineOnly = page(mine.token()).get("/console/certificates").then().statusCode(200).extract().asString();
        assertThat(mineOnly).contains("id=\"certificates\"").doesNotContain(theirs);
        // the list's search and filters: the other body's number finds nothing here
        assertThat(page(mine.token()).get("/console/certificates?q=" + theirs + "&status=VALID&mine=on").then().statusCode(200)
                .extract().asString()).contains("0 certificates");
        assertThat(page(mine.token()).get("/console/certificates?status=NOPE").statusCode()).isEqualTo(400);
    }

    @Test
    void aRenewalIsPrefilledFromItsPredecessor() {
        Api.Issuer i = Api.newIssuer();
        String old = i.issue();
        String formHtml = page(i.token()).get("/console/issue?renew=" + old).then().statusCode(200).extract().asString();
        assertThat(formHtml).contains("name=\"predecessor\" value=\"" + old + "\"").contains("value=\"" + i.holder() + "\"")
                .contains("儿童智能手表的设计和生产");
        String key = field(FORM_KEY, formHtml);
        String renewed = numberFrom(form(i.token()).formParam("formKey", key).formParam("predecessor", old)
                .formParam("holder", i.holder()).formParam("productModel", i.model()).formParam("standard", i.standard())
                .formParam("scope", "儿童智能手表的设计和生产").formParam("certificationMode", "型式试验")
                .formParam("siteAddress", "深圳市宝安区福永街道 1 号").post("/console/issue"));
        assertThat(as(i.token()).get("/api/v1/certificates/" + old).jsonPath().getString("successor")).isEqualTo(renewed);
    }

    @Test
    void anAuditIsRecordedAndTheExportEscapesFormulas() {
        Api.Issuer i = Api.newIssuer();
        String number = i.issue();
        Response saved = form(i.token()).formParam("auditedOn", LocalDate.now().toString()).formParam("result", "PASSED_WITH_FINDINGS")
                .formParam("notes", "整改两项").post("/console/certificates/" + number + "/audits");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(page(i.token()).get(saved.header("Location")).asString()).contains("id=\"audit-saved\"").contains("整改两项");
        Response bad = form(i.token()).formParam("auditedOn", "yesterday").formParam("result", "PASSED")
                .post("/console/certificates/" + number + "/audits");
        assertThat(bad.statusCode()).isEqualTo(400);
        // a holder whose name a spreadsheet would run as a formula
        String holder = Api.newCreditCode();
        Api.authority().body(Map.of("creditCode", holder, "nameZh", "=HYPERLINK(\"http://x.test\",\"点我\")"))
                .post("/api/v1/enterprises").then().statusCode(201);
        Api.newProduct(holder, "F-1");
        Map<String, Object> request = i.request();
        request.put("holder", holder);
        request.put("productModel", "F-1");
        as(i.token()).body(request).post("/api/v1/certificates").then().statusCode(201);
        byte[] csv = page(i.token()).get("/console/certificates.csv").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFnumber,status,");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"点我\"\")\"").doesNotContain(",=HYPERLINK");
        assertThat(text).contains(number);
    }
}
