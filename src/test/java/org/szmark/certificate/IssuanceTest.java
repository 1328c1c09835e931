package org.szmark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

@QuarkusTest
class IssuanceTest {

    @Test
    void issuesWithGeneratedNumberAndDefaultExpiry() {
        Api.Issuer i = Api.newIssuer();
        LocalDate today = LocalDate.now();
        JsonPath c = as(i.token()).body(i.request()).post("/api/v1/certificates").then().statusCode(201)
                .body("number", matchesPattern("SZBZ-" + i.body() + "-" + today.getYear() + "-\\d{5}"))
                .body("status", equalTo("VALID"))
                .body("markUsable", equalTo(true))
                .body("issuer.code", equalTo(i.body()))
                .body("holder.creditCode", equalTo(i.holder()))
                .body("product.model", equalTo("M-1"))
                .body("standard.number", equalTo(i.standard()))
                .body("productionSite.address", equalTo("深圳市宝安区福永街道 1 号"))
                .body("issueDate", equalTo(today.toString()))
                .body("expiryDate", equalTo(today.plusYears(3).minusDays(1).toString()))
                .body("firstIssueDate", equalTo(today.toString()))
                .body("history[0].event", equalTo("ISSUED"))
                .body("history[0].seq", equalTo(1))
                .extract().jsonPath();
        String second = i.issue();
        int serial1 = Integer.parseInt(c.getString("number").substring(c.getString("number").lastIndexOf('-') + 1));
        int serial2 = Integer.parseInt(second.substring(second.lastIndexOf('-') + 1));
        assertThat(serial2).isEqualTo(serial1 + 1);
        anonymous().get("/api/v1/certificates/" + c.getString("number").toLowerCase()).then().statusCode(200);
    }

    @Test
    void bodySuppliedNumbersAreUnique() {
        Api.Issuer i = Api.newIssuer();
        Map<String, Object> r = i.request();
        String own = "CQC-" + i.body() + "-2026-77";
        r.put("number", own.toLowerCase());
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(201).body("number", equalTo(own));
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:duplicate-certificate"));
        r.put("number", "BAD#NUMBER");
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(400).body("errors.field", hasItem("number"));
        r.put("number", "X".repeat(28));
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(400).body("errors.field", hasItem("number"));
    }

    @Test
    void refusesBadIssuances() {
        Api.Issuer i = Api.newIssuer();
        long before = anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total");

        Map<String, Object> r = i.request();
        r.put("expiryDate", LocalDate.now().plusYears(3).toString());
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(400).body("errors.field", hasItem("expiryDate"));
        r.put("expiryDate", LocalDate.now().minusDays(1).toString());
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(400).body("errors.field", hasItem("expiryDate"));
        // issue dates at the ends of the calendar are refused before any date arithmetic could overflow
        for (String day : new String[] {"+999999999-12-31", "-999999999-01-01", "1999-12-31", LocalDate.now().plusDays(31).toString()}) {
            r = i.request();
            r.put("issueDate", day);
            as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(400).body("errors.field", hasItem("issueDate"));
        }

        r = i.request();
        r.put("holder", Api.newCreditCode());
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(422).body("type", equalTo("urn:szmark:problem:unknown-holder"));
        r = i.request();
        r.put("productModel", "NOPE");
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(422);
        r = i.request();
        r.put("standard", Api.newStandardNumber());
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(422).body("type", equalTo("urn:szmark:problem:unknown-standard"));
        r.put("standard", "T/ 1-2020");
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(400).body("errors.field", hasItem("standard"));

        String ineligible = Api.newStandardNumber();
        authority().body(Map.of("number", ineligible, "titleZh", "未评价标准", "issuingOrganisation", "协会"))
                .post("/api/v1/standards").then().statusCode(201);
        r = i.request();
        r.put("standard", ineligible);
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(422)
                .body("type", equalTo("urn:szmark:problem:standard-not-eligible"));

        r = i.request();
        r.remove("productionSite");
        r.remove("scope");
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(400)
                .body("errors.field", hasItem("productionSite")).body("errors.field", hasItem("scope"));

        r = i.request();
        r.put("predecessor", "SZBZ-NONE-2020-00001");
        as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(422);

        assertThat(anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total")).isEqualTo(before);
        authority().body(i.request()).post("/api/v1/certificates").then().statusCode(403);
        as(Api.enterpriseToken(i.holder())).body(i.request()).post("/api/v1/certificates").then().statusCode(403);
    }

    @Test
    void idempotencyKeyReturnsTheFirstResult() {
        Api.Issuer i = Api.newIssuer();
        String key = "issue-" + System.nanoTime();
        JsonPath first = as(i.token()).header("Idempotency-Key", key).body(i.request()).post("/api/v1/certificates")
                .then().statusCode(201).extract().jsonPath();
        JsonPath retry = as(i.token()).header("Idempotency-Key", key).body(i.request()).post("/api/v1/certificates")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().jsonPath();
        assertThat(retry.getString("number")).isEqualTo(first.getString("number"));
        assertThat(retry.getString("signed.signature")).isEqualTo(first.getString("signed.signature"));
        assertThat(anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total")).isEqualTo(1);

        Map<String, Object> other = i.request();
        other.put("scope", "另一个范围");
        as(i.token()).header("Idempotency-Key", key).body(other).post("/api/v1/certificates").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:idempotency-key-reused"));

        String n = first.getString("number");
        String skey = "suspend-" + System.nanoTime();
        Map<String, Object> s = Map.of("reasonCode", "HOLDER_REQUEST");
        as(i.token()).header("Idempotency-Key", skey).body(s).post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200);
        as(i.token()).header("Idempotency-Key", skey).body(s).post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        anonymous().get("/api/v1/certificates/" + n).then().body("history.size()", equalTo(2));
        as(i.token()).header("Idempotency-Key", "x".repeat(201)).body(s).post("/api/v1/certificates/" + n + "/suspend")
                .then().statusCode(400);
    }

    @Test
    void batchReportsEachItem() {
        Api.Issuer i = Api.newIssuer();
        List<Object> items = new ArrayList<>();
        for (int k = 0; k < 5; k++) items.add(i.request());
        Map<String, Object> bad = new HashMap<>(i.request());
        bad.put("standard", Api.newStandardNumber());
        items.add(2, bad);
        Map<String, Object> dup = new HashMap<>(i.request());
        dup.put("number", "DUP-" + i.body());
        items.add(dup);
        items.add(new HashMap<>(dup));
        Map<String, Object> missing = new HashMap<>(i.request());
        missing.remove("holder");
        items.add(missing);
        JsonPath r = as(i.token()).body(Map.of("certificates", items)).post("/api/v1/certificates:batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("issued")).isEqualTo(6);
        assertThat(r.getInt("failed")).isEqualTo(3);
        assertThat(r.getInt("results[2].status")).isEqualTo(422);
        assertThat(r.getInt("results[7].status")).isEqualTo(409);
        assertThat(r.getInt("results[8].status")).isEqualTo(400);
        assertThat(r.getList("results[8].problem.errors.field", String.class)).contains("holder");
        assertThat(r.getString("results[0].certificate.number")).isNotBlank();
        assertThat(anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total")).isEqualTo(6);
    }

    /**
     * A batch reads its holders, products, standards and chosen numbers up front: what the items name must
     * still be matched item by item, however it is spelled, and generated numbers must step over numbers
     * taken in the registry and numbers chosen earlier in the same batch.
     */
    @Test
    void batchLooksUpEachItemAndStepsOverTakenNumbers() {
        Api.Issuer i = Api.newIssuer();
        String otherModel = "M-2";
        Api.newProduct(i.holder(), otherModel);
        int year = LocalDate.now().getYear();
        String prefix = "SZBZ-" + i.body() + "-" + year + "-";
        Map<String, Object> taken = i.request();
        taken.put("number", prefix + "00002");
        as(i.token()).body(taken).post("/api/v1/certificates").then().statusCode(201);

        List<Object> items = new ArrayList<>();
        Map<String, Object> chosen = i.request();
        chosen.put("number", (prefix + "00003").toLowerCase());
        items.add(chosen);
        for (int k = 0; k < 3; k++) items.add(i.request());
        Map<String, Object> spelled = i.request();
        spelled.put("holder", " " + i.holder().toLowerCase() + " ");
        spelled.put("productModel", " " + otherModel + " ");
        items.add(spelled);
        Map<String, Object> unknownProduct = i.request();
        unknownProduct.put("productModel", "NO-SUCH-MODEL");
        items.add(unknownProduct);
        Map<String, Object> unknownHolder = i.request();
        unknownHolder.put("holder", Api.newCreditCode());
        items.add(unknownHolder);
        Map<String, Object> takenAgain = i.request();
        takenAgain.put("number", prefix + "00002");
        items.add(takenAgain);

        JsonPath r = as(i.token()).body(Map.of("certificates", items)).post("/api/v1/certificates:batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("issued")).isEqualTo(5);
        assertThat(r.getString("results[0].certificate.number")).isEqualTo(prefix + "00003");
        assertThat(List.of(r.getString("results[1].certificate.number"), r.getString("results[2].certificate.number"),
                r.getString("results[3].certificate.number"), r.getString("results[4].certificate.number")))
                .containsExactly(prefix + "00001", prefix + "00004", prefix + "00005", prefix + "00006");
        assertThat(r.getString("results[4].certificate.product.model")).isEqualTo(otherModel);
        assertThat(r.getString("results[4].certificate.holder.creditCode")).isEqualTo(i.holder());
        assertThat(r.getString("results[5].problem.type")).isEqualTo("urn:szmark:problem:unknown-product");
        assertThat(r.getString("results[6].problem.type")).isEqualTo("urn:szmark:problem:unknown-holder");
        assertThat(r.getString("results[7].problem.type")).isEqualTo("urn:szmark:problem:duplicate-certificate");
        // The serial counter went on from the batch's last number.
        assertThat(i.issue()).isEqualTo(prefix + "00007");
        assertThat(anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total")).isEqualTo(7);
    }

    /** A batch sees the registry as it was when it began: a later item cannot renew an earlier item's certificate. */
    @Test
    void aBatchItemCannotRenewACertificateOfTheSameBatch() {
        Api.Issuer i = Api.newIssuer();
        Map<String, Object> first = i.request();
        first.put("number", "SAME-BATCH-" + i.body());
        Map<String, Object> renewal = i.request();
        renewal.put("predecessor", "SAME-BATCH-" + i.body());
        JsonPath r = as(i.token()).body(Map.of("certificates", List.of(first, renewal))).post("/api/v1/certificates:batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("issued")).isEqualTo(1);
        assertThat(r.getString("results[1].problem.type")).isEqualTo("urn:szmark:problem:unknown-predecessor");
        // In a later request the renewal goes through.
        as(i.token()).body(renewal).post("/api/v1/certificates").then().statusCode(201)
                .body("predecessor", equalTo("SAME-BATCH-" + i.body()));
    }

    @Test
    void batchLimits() {
        Api.Issuer i = Api.newIssuer();
        List<Object> items = new ArrayList<>();
        for (int k = 0; k < 1001; k++) items.add(i.request());
        as(i.token()).body(Map.of("certificates", items)).post("/api/v1/certificates:batch").then().statusCode(400)
                .body("errors.field", hasItem("certificates"));
        as(i.token()).body(Map.of("certificates", List.of())).post("/api/v1/certificates:batch").then().statusCode(400);
        assertThat(anonymous().queryParam("body", i.body()).get("/api/v1/certificates").jsonPath().getLong("total")).isZero();
    }

    @Test
    void listingFiltersAndMine() {
        Api.Issuer i = Api.newIssuer();
        String a = i.issue();
        String b = i.issue();
        as(i.token()).body(Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + b + "/revoke").then().statusCode(200);
        anonymous().queryParam("body", i.body()).queryParam("status", "REVOKED").get("/api/v1/certificates").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].number", equalTo(b));
        anonymous().queryParam("holder", i.holder()).queryParam("status", "valid").get("/api/v1/certificates").then()
                .body("items.number", hasItem(a));
        anonymous().queryParam("standard", i.standard()).get("/api/v1/certificates").then().body("total", equalTo(2));
        anonymous().queryParam("body", "NOSUCH").get("/api/v1/certificates").then().statusCode(200).body("total", equalTo(0));
        anonymous().queryParam("status", "GONE").get("/api/v1/certificates").then().statusCode(400);
        as(i.token()).queryParam("mine", "true").get("/api/v1/certificates").then().body("total", equalTo(2));
        as(Api.enterpriseToken(i.holder())).queryParam("mine", "true").get("/api/v1/certificates").then().body("total", equalTo(2));
        anonymous().queryParam("mine", "true").get("/api/v1/certificates").then().statusCode(401);
        anonymous().get("/api/v1/certificates/NOT-A-NUMBER").then().statusCode(404);
    }
}
