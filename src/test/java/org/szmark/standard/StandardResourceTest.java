package org.szmark.standard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;
import static org.szmark.support.Api.newBody;
import static org.szmark.support.Api.newStandardNumber;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StandardResourceTest {

    private static Map<String, Object> standard(String number) {
        Map<String, Object> m = new HashMap<>();
        m.put("number", number);
        m.put("titleZh", "儿童智能手表");
        m.put("titleEn", "Children's smart watches");
        m.put("issuingOrganisation", "深圳市可穿戴设备标准化促进会");
        m.put("publishedOn", "2019-05-01");
        m.put("implementedOn", "2019-06-01");
        m.put("selfDeclaration", Map.of("declaredOn", "2019-05-10", "disclosedAt", "https://std.example.org/d/42"));
        m.put("evaluation", Map.of("catalogueItem", "可穿戴设备", "passedOn", "2019-12-01"));
        return m;
    }

    @Test
    void createsNormalisedEligibleStandardAndReadsItBack() {
        String number = newStandardNumber();
        String withEmDash = number.replace("-", "—").replace(" ", "   ");
        authority().body(standard(withEmDash)).post("/api/v1/standards").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/standards/"))
                .body("number", equalTo(number))
                .body("kind", equalTo("GROUP"))
                .body("status", equalTo("CURRENT"))
                .body("eligible", equalTo(true))
                .body("selfDeclaration.disclosedAt", equalTo("https://std.example.org/d/42"))
                .body("evaluation.passedOn", equalTo("2019-12-01"));

        anonymous().get("/api/v1/standards/" + number).then().statusCode(200)
                .body("number", equalTo(number)).body("titleZh", equalTo("儿童智能手表"));
        // any spelling that normalises finds it
        anonymous().get("/api/v1/standards/" + withEmDash).then().statusCode(200).body("number", equalTo(number));
        anonymous().queryParam("eligible", "true").queryParam("q", number).queryParam("size", 200)
                .get("/api/v1/standards").then().statusCode(200)
                .body("items.number", hasItem(number)).body("items.eligible", everyItem(equalTo(true)));
    }

    @Test
    void notEligibleWithoutPassedEvaluationOrWhenAbolished() {
        String number = newStandardNumber();
        Map<String, Object> s = standard(number);
        s.put("evaluation", Map.of("catalogueItem", "可穿戴设备"));
        authority().body(s).post("/api/v1/standards").then().statusCode(201).body("eligible", equalTo(false));

        s.put("evaluation", Map.of("catalogueItem", "可穿戴设备", "passedOn", "2019-12-01"));
        authority().body(s).put("/api/v1/standards/" + number).then().statusCode(200).body("eligible", equalTo(true));

        s.put("status", Map.of("status", "ABOLISHED", "abolishedOn", "2024-01-01", "notice", "深市监公告〔2024〕1号"));
        authority().body(s).put("/api/v1/standards/" + number).then().statusCode(200)
                .body("status", equalTo("ABOLISHED")).body("eligible", equalTo(false))
                .body("abolitionNotice", equalTo("深市监公告〔2024〕1号"));
        anonymous().queryParam("eligible", "true").queryParam("q", number)
                .get("/api/v1/standards").then().statusCode(200).body("items.number", not(hasItem(number)));
    }

    @Test
    void replacedNeedsAValidReplacement() {
        String number = newStandardNumber();
        authority().body(standard(number)).post("/api/v1/standards").then().statusCode(201);
        Map<String, Object> s = standard(number);
        s.put("status", Map.of("status", "REPLACED"));
        authority().body(s).put("/api/v1/standards/" + number).then().statusCode(400)
                .body("errors.field", hasItem("status.replacedBy"));
        s.put("status", Map.of("status", "REPLACED", "replacedBy", "T/ 004-2019"));
        authority().body(s).put("/api/v1/standards/" + number).then().statusCode(400)
                .body("errors.field", hasItem("status.replacedBy"));
        s.put("status", Map.of("status", "REPLACED", "replacedBy", "GB/T 20004.1—2016"));
        authority().body(s).put("/api/v1/standards/" + number).then().statusCode(200)
                .body("replacedBy", equalTo("GB/T 20004.1-2016")).body("eligible", equalTo(false));
    }

    @Test
    void rejectsMalformedNumbers() {
        for (String bad : new String[] {"T/SZWD 4-19", "GB/T", "T/ 004-2019", "X/ABC 1-2020", "<script>"}) {
            authority().body(standard(bad)).post("/api/v1/standards").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:szmark:problem:validation"))
                    .body("errors.field", hasItem("number"));
        }
    }

    @Test
    void rejectsDuplicatesWithConflictAndKeepsTheFirst() {
        String number = newStandardNumber();
        authority().body(standard(number)).post("/api/v1/standards").then().statusCode(201);
        Map<String, Object> again = standard(number.replace("-", "–"));
        again.put("titleZh", "另一个标题");
        authority().body(again).post("/api/v1/standards").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:szmark:problem:duplicate-standard"));
        anonymous().get("/api/v1/standards/" + number).then().body("titleZh", equalTo("儿童智能手表"));
    }

    @Test
    void rejectsMissingFieldsAndInconsistentDatesNamingTheFields() {
        authority().body(Map.of("number", newStandardNumber())).post("/api/v1/standards").then()
                .statusCode(400)
                .body("errors.field", hasItem("titleZh"))
                .body("errors.field", hasItem("issuingOrganisation"));
        String number = newStandardNumber();
        Map<String, Object> s = standard(number);
        s.put("implementedOn", "2019-01-01");
        authority().body(s).post("/api/v1/standards").then().statusCode(400).body("errors.field", hasItem("implementedOn"));
        anonymous().get("/api/v1/standards/" + number).then().statusCode(404);
    }

    @Test
    void onlyTheAuthorityWrites() {
        String number = newStandardNumber();
        anonymous().body(standard(number)).post("/api/v1/standards").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        as(newBody().certifierToken()).body(standard(number)).post("/api/v1/standards").then().statusCode(403);
        anonymous().get("/api/v1/standards/" + number).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsBadListParameters() {
        anonymous().queryParam("size", 0).get("/api/v1/standards").then().statusCode(400).body("errors.field", hasItem("size"));
        anonymous().queryParam("size", 201).get("/api/v1/standards").then().statusCode(400);
        anonymous().queryParam("page", "x").get("/api/v1/standards").then().statusCode(400);
        anonymous().queryParam("status", "DELETED").get("/api/v1/standards").then().statusCode(400);
        anonymous().queryParam("eligible", "maybe").get("/api/v1/standards").then().statusCode(400);
        anonymous().queryParam("q", "x".repeat(201)).get("/api/v1/standards").then().statusCode(400);
        // LIKE metacharacters are matched literally
        anonymous().queryParam("q", "%").get("/api/v1/standards").then().statusCode(200).body("total", equalTo(0));
    }
}
