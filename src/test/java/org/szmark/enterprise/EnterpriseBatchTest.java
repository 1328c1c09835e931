package org.szmark.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * enterprises:batch and products:batch: a result per item (created, present with the same data, refused with the
 * problem a single write would get), never a change to a registered record, and the ownership rules of the single
 * endpoints.
 */
@QuarkusTest
class EnterpriseBatchTest {

    static Map<String, Object> holder(String code, String nameZh) {
        Map<String, Object> m = new HashMap<>();
        m.put("creditCode", code);
        m.put("nameZh", nameZh);
        return m;
    }

    static Map<String, Object> product(String holder, String model, String nameZh) {
        Map<String, Object> m = new HashMap<>();
        m.put("holder", holder);
        m.put("model", model);
        m.put("nameZh", nameZh);
        return m;
    }

    @Test
    void eachEnterpriseIsCreatedPresentOrRefusedAndNothingRegisteredChanges() {
        String existing = Api.newEnterprise();
        String before = anonymous().get("/api/v1/enterprises/" + existing).then().extract().asString();
        String fresh = Api.newCreditCode();
        String wrongCheck = fresh.substring(0, 17) + (fresh.charAt(17) == '0' ? '1' : '0');
        Api.BodyWithCertifier b = Api.newBody();
        Map<String, Object> same = holder(existing, "深圳测试企业" + existing);
        same.put("nameEn", "Test Co " + existing);
        JsonPath r = as(b.certifierToken()).body(Map.of("enterprises", List.of(holder(fresh, "深圳新公司"),
                        holder(existing, "深圳测试企业" + existing), same, holder(existing, "冒名公司"), holder(wrongCheck, "深圳错码公司"),
                        holder(fresh, "深圳新公司"))))
                .post("/api/v1/enterprises:batch").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("results.outcome")).containsExactly("CREATED", "PRESENT", "PRESENT", "REFUSED", "REFUSED", "PRESENT");
        assertThat(r.getList("results.status")).containsExactly(201, 200, 200, 409, 400, 200);
        assertThat(r.getInt("created")).isEqualTo(1);
        assertThat(r.getInt("present")).isEqualTo(3);
        assertThat(r.getInt("refused")).isEqualTo(2);
        assertThat(r.getString("results[3].problem.type")).isEqualTo("urn:szmark:problem:duplicate-enterprise");
        assertThat(r.getString("results[3].problem.detail")).contains("other nameZh");
        assertThat(r.getString("results[4].problem.errors[0].field")).isEqualTo("creditCode");
        assertThat(r.getString("results[0].enterprise.creditCode")).isEqualTo(fresh);
        assertThat(anonymous().get("/api/v1/enterprises/" + existing).then().extract().asString()).isEqualTo(before);
        // What the body registered is its own to extend, as with the single endpoint.
        Api.BodyWithCertifier other = Api.newBody();
        JsonPath p = as(other.certifierToken()).body(Map.of("products", List.of(product(fresh, "X-1", "产品")))).post("/api/v1/products:batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(p.getString("results[0].problem.type")).isEqualTo("urn:szmark:problem:registered-by-another-body");
    }

    @Test
    void productsOfManyHoldersInOneRequestUnderTheOwnershipRules() {
        Api.Issuer certified = Api.newIssuer();
        certified.issue();
        String open = Api.newEnterprise();
        Api.BodyWithCertifier b = Api.newBody();
        Map<String, Object> gtin = product(open, "G-1", "带条码产品");
        gtin.put("gtin", "06901234567891");
        JsonPath r = as(b.certifierToken()).body(Map.of("products", List.of(product(open, "P-1", "新产品"),
                        product(open, "P-1", "新产品"), product(open, "P-1", "别的名字"), product(certified.holder(), "Z-1", "冒名产品"),
                        product(certified.holder(), certified.model(), "测试产品"), product(Api.newCreditCode(), "U-1", "无主产品"), gtin)))
                .post("/api/v1/products:batch").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("results.outcome")).containsExactly("CREATED", "PRESENT", "REFUSED", "REFUSED", "PRESENT", "REFUSED", "REFUSED");
        assertThat(r.getList("results.status")).containsExactly(201, 200, 409, 403, 200, 404, 400);
        assertThat(r.getString("results[3].problem.type")).isEqualTo("urn:szmark:problem:certified-by-another-body");
        assertThat(r.getString("results[6].problem.errors[0].field")).isEqualTo("gtin");
        assertThat(r.getString("results[0].product.holder")).isEqualTo(open);
        assertThat(r.getString("results[4].product.model")).isEqualTo(certified.model());
        anonymous().get("/api/v1/enterprises/" + certified.holder()).then()
                .body("products.model", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Z-1")));
        anonymous().get("/api/v1/enterprises/" + open).then().body("products.model", org.hamcrest.Matchers.contains("P-1"));
    }

    @Test
    void limitsRolesAndIdempotencyAsForCertificateBatches() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) many.add(holder(Api.newCreditCode(), "深圳公司" + i));
        authority().body(Map.of("enterprises", many)).post("/api/v1/enterprises:batch").then().statusCode(400)
                .body("errors[0].field", equalTo("enterprises"));
        authority().body(Map.of("enterprises", List.of())).post("/api/v1/enterprises:batch").then().statusCode(400);
        authority().body(Map.of("products", List.of())).post("/api/v1/products:batch").then().statusCode(400);
        authority().body(Map.of("enterprises", List.of(Map.of("creditCode", Api.newCreditCode(), "nameZh", "甲\u202E乙"))))
                .post("/api/v1/enterprises:batch").then().statusCode(400).body("errors[0].field", equalTo("enterprises[0].nameZh"));
        anonymous().body(Map.of("enterprises", List.of(holder(Api.newCreditCode(), "深圳公司")))).post("/api/v1/enterprises:batch")
                .then().statusCode(401);
        String h = Api.newEnterprise();
        as(Api.enterpriseToken(h)).body(Map.of("products", List.of(product(h, "E-1", "产品")))).post("/api/v1/products:batch")
                .then().statusCode(403);

        Api.BodyWithCertifier suspended = Api.newBody();
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督检查")).post("/api/v1/bodies/" + suspended.code() + "/status")
                .then().statusCode(200);
        String code = Api.newCreditCode();
        int refused = as(suspended.certifierToken()).body(Map.of("enterprises", List.of(holder(code, "深圳公司"))))
                .post("/api/v1/enterprises:batch").statusCode();
        assertThat(refused).isIn(401, 403);
        anonymous().get("/api/v1/enterprises/" + code).then().statusCode(404);

        String fresh = Api.newCreditCode();
        String key = "batch-" + Api.uniqueSuffix();
        Map<String, Object> body = Map.of("enterprises", List.of(holder(fresh, "深圳幂等公司")));
        authority().header("Idempotency-Key", key).body(body).post("/api/v1/enterprises:batch").then().statusCode(200)
                .body("results[0].outcome", equalTo("CREATED"));
        authority().header("Idempotency-Key", key).body(body).post("/api/v1/enterprises:batch").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("results[0].outcome", equalTo("CREATED"));
        authority().body(body).post("/api/v1/enterprises:batch").then().statusCode(200).body("results[0].outcome", equalTo("PRESENT"));
        authority().header("Idempotency-Key", key).body(Map.of("enterprises", List.of(holder(fresh, "别的")))).post("/api/v1/enterprises:batch")
                .then().statusCode(409).body("detail", containsString("different request"));
    }
}
