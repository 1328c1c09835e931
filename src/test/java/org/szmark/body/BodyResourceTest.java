package org.szmark.body;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;
import static org.szmark.support.Api.enterpriseToken;
import static org.szmark.support.Api.newBody;
import static org.szmark.support.Api.newEnterprise;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api.BodyWithCertifier;

@QuarkusTest
class BodyResourceTest {

    @Test
    void createsBodyAndCertifierAccount() {
        BodyWithCertifier b = newBody();
        anonymous().get("/api/v1/bodies/" + b.code()).then().statusCode(200)
                .body("code", equalTo(b.code()))
                .body("approvalNumber", equalTo(b.approvalNumber()))
                .body("status", equalTo("ACTIVE"));
        anonymous().get("/api/v1/bodies").then().statusCode(200).body("code", hasItem(b.code()));
        as(b.certifierToken()).get("/api/v1/accounts/me").then().statusCode(200)
                .body("role", equalTo("CERTIFIER"))
                .body("tokens[0].prefix", startsWith("szmk_"));
    }

    @Test
    void normalisesApprovalNumbersAndRejectsMalformedOnes() {
        for (String bad : new String[] {"CNCA-R-02-001", "CNCA-2002-001", "", "CNCA-R-2002-001; drop table"}) {
            authority().body(Map.of("code", "ZZ" + (bad.length() % 10), "nameZh", "机构", "approvalNumber", bad))
                    .post("/api/v1/bodies").then().statusCode(400).body("errors.field", hasItem("approvalNumber"));
        }
        authority().body(Map.of("code", "lower", "nameZh", "机构", "approvalNumber", "CNCA-R-2010-123"))
                .post("/api/v1/bodies").then().statusCode(400).body("errors.field", hasItem("code"));
    }

    @Test
    void rejectsDuplicateCodeOrApprovalNumber() {
        BodyWithCertifier b = newBody();
        authority().body(Map.of("code", b.code(), "nameZh", "另一个", "approvalNumber", "CNCA-RF-2019-77"))
                .post("/api/v1/bodies").then().statusCode(409).body("type", equalTo("urn:szmark:problem:duplicate-body"));
        authority().body(Map.of("code", "DUP" + b.code().substring(1, 4), "nameZh", "另一个", "approvalNumber", b.approvalNumber()))
                .post("/api/v1/bodies").then().statusCode(409);
        anonymous().get("/api/v1/bodies/" + b.code()).then().body("nameZh", equalTo("测试认证机构" + b.code()));
    }

    @Test
    void suspensionAndFinalWithdrawal() {
        BodyWithCertifier b = newBody();
        authority().body(Map.of("status", "SUSPENDED", "reason", "年度监督不合格"))
                .post("/api/v1/bodies/" + b.code() + "/status").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("年度监督不合格"));
        authority().body(Map.of("status", "SUSPENDED", "reason", "again"))
                .post("/api/v1/bodies/" + b.code() + "/status").then().statusCode(409);
        authority().body(Map.of("status", "WITHDRAWN", "reason", "资质撤销"))
                .post("/api/v1/bodies/" + b.code() + "/status").then().statusCode(200);
        authority().body(Map.of("status", "ACTIVE", "reason", "restore"))
                .post("/api/v1/bodies/" + b.code() + "/status").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:body-withdrawn"));
        authority().body(Map.of("name", "late certifier"))
                .post("/api/v1/bodies/" + b.code() + "/accounts").then().statusCode(409);
        authority().body(Map.of("status", "ACTIVE"))
                .post("/api/v1/bodies/" + b.code() + "/status").then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void onlyTheAuthorityManagesBodies() {
        BodyWithCertifier b = newBody();
        String enterprise = enterpriseToken(newEnterprise());
        Map<String, Object> body = Map.of("code", "NOPE", "nameZh", "x", "approvalNumber", "CNCA-R-2011-001");
        anonymous().body(body).post("/api/v1/bodies").then().statusCode(401);
        as(b.certifierToken()).body(body).post("/api/v1/bodies").then().statusCode(403);
        as(enterprise).body(body).post("/api/v1/bodies").then().statusCode(403);
        as(b.certifierToken()).body(Map.of("status", "SUSPENDED", "reason", "self"))
                .post("/api/v1/bodies/" + b.code() + "/status").then().statusCode(403);
        as(b.certifierToken()).body(Map.of("name", "extra"))
                .post("/api/v1/bodies/" + b.code() + "/accounts").then().statusCode(403);
        anonymous().get("/api/v1/bodies/NOPE").then().statusCode(404);
    }

    @Test
    void updatesNamesAndContact() {
        BodyWithCertifier b = newBody();
        authority().body(Map.of("nameZh", "新名称", "nameEn", "New name",
                        "contact", Map.of("email", "cert@example.org", "phone", "+86 755 1234 5678", "website", "https://example.org")))
                .put("/api/v1/bodies/" + b.code()).then().statusCode(200)
                .body("nameZh", equalTo("新名称")).body("contact.email", equalTo("cert@example.org"));
        authority().body(Map.of("nameZh", "x", "contact", Map.of("email", "not-an-email", "website", "ftp://x")))
                .put("/api/v1/bodies/" + b.code()).then().statusCode(400)
                .body("errors.field", hasItem("contact.email")).body("errors.field", hasItem("contact.website"));
        anonymous().get("/api/v1/bodies/" + b.code()).then().body("nameZh", equalTo("新名称"));
    }
}
