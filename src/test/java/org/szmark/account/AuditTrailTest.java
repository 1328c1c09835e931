package org.szmark.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** The audit trail records each account-level and registry write with the account that really made it. */
@QuarkusTest
class AuditTrailTest {

    static long idOf(String token) {
        return AccountDisableTest.idOf(token);
    }

    static JsonPath trail(String query) {
        return authority().get("/api/v1/audit?" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The newest record of {@code action} on the target, as a map. */
    static Map<String, Object> latest(String targetType, String targetId, String action) {
        List<Map<String, Object>> items = trail("targetType=" + targetType + "&targetId=" + targetId + "&size=200").getList("items");
        return items.stream().filter(m -> action.equals(m.get("action"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " on " + targetType + " " + targetId + " in " + items));
    }

    static void assertActor(Map<String, Object> record, long account, String role) {
        assertThat(((Number) record.get("actorAccount")).longValue()).as("actor of %s", record).isEqualTo(account);
        assertThat(record.get("actorRole")).isEqualTo(role);
        assertThat(record.get("recordedAt")).isNotNull();
    }

    @Test
    void registryWritesRecordTheirRealActor() {
        long authority = AccountDisableTest.authorityId();
        Api.BodyWithCertifier b = Api.newBody();
        long certifier = idOf(b.certifierToken());
        assertActor(latest("body", b.code(), "body.create"), authority, "AUTHORITY");
        assertActor(latest("account", String.valueOf(certifier), "account.create"), authority, "AUTHORITY");

        String code = Api.newCreditCode();
        as(b.certifierToken()).body(Map.of("creditCode", code, "nameZh", "审计测试企业")).post("/api/v1/enterprises")
                .then().statusCode(201);
        assertActor(latest("enterprise", code, "enterprise.create"), certifier, "CERTIFIER");
        as(b.certifierToken()).body(Map.of("nameZh", "审计测试企业（更名）")).put("/api/v1/enterprises/" + code).then().statusCode(200);
        Map<String, Object> update = latest("enterprise", code, "enterprise.update");
        assertActor(update, certifier, "CERTIFIER");
        assertThat(update.get("detail")).isEqualTo("审计测试企业（更名）");
        as(b.certifierToken()).body(Map.of("nameZh", "产品", "model", "AUD-1")).post("/api/v1/enterprises/" + code + "/products")
                .then().statusCode(201);
        assertThat((String) latest("enterprise", code, "product.create").get("detail")).contains("AUD-1");

        String standard = Api.newEligibleStandard();
        assertActor(latest("standard", standard, "standard.create"), authority, "AUTHORITY");

        authority().body(Map.of("status", "SUSPENDED", "reason", "监督不合格")).post("/api/v1/bodies/" + b.code() + "/status")
                .then().statusCode(200);
        Map<String, Object> status = latest("body", b.code(), "body.status");
        assertActor(status, authority, "AUTHORITY");
        assertThat(status.get("detail")).isEqualTo("ACTIVE -> SUSPENDED: 监督不合格");
    }

    @Test
    void accountWritesRecordTheirRealActor() {
        long authority = AccountDisableTest.authorityId();
        String enterprise = Api.enterpriseToken(Api.newEnterprise());
        long id = idOf(enterprise);
        String target = String.valueOf(id);

        as(enterprise).body(Map.of("label", "shop system")).post("/api/v1/accounts/" + id + "/tokens").then().statusCode(201);
        Map<String, Object> issued = latest("account", target, "token.issue");
        assertActor(issued, id, "ENTERPRISE");
        assertThat((String) issued.get("detail")).contains("shop system");

        long tokenId = ((Number) as(enterprise).get("/api/v1/accounts/me").then().extract()
                .path("tokens.find { it.label == 'shop system' }.id")).longValue();
        authority().delete("/api/v1/tokens/" + tokenId).then().statusCode(200);
        assertActor(latest("account", target, "token.revoke"), authority, "AUTHORITY");
        int revokes = trail("targetType=account&targetId=" + target).getList("items.findAll { it.action == 'token.revoke' }").size();
        // revoking again changes nothing and records nothing
        authority().delete("/api/v1/tokens/" + tokenId).then().statusCode(200);
        assertThat(trail("targetType=account&targetId=" + target).getList("items.findAll { it.action == 'token.revoke' }")).hasSize(revokes);

        authority().body(Map.of("reason", "holder left the scheme")).post("/api/v1/accounts/" + id + "/disable").then().statusCode(200);
        Map<String, Object> disabled = latest("account", target, "account.disable");
        assertActor(disabled, authority, "AUTHORITY");
        assertThat(disabled.get("detail")).isEqualTo("holder left the scheme");
        authority().post("/api/v1/accounts/" + id + "/enable").then().statusCode(200);
        assertActor(latest("account", target, "account.enable"), authority, "AUTHORITY");

        // filtering by actor: everything this enterprise account did, and only that
        JsonPath mine = trail("account=" + id);
        assertThat(mine.getList("items.actorAccount", Number.class)).isNotEmpty().allMatch(n -> n.longValue() == id);
        assertThat(mine.getList("items.action", String.class)).contains("token.issue");
    }

    @Test
    void theFirstAuthorityWasCreatedByTheRegistryItself() {
        long authority = AccountDisableTest.authorityId();
        Map<String, Object> created = latest("account", String.valueOf(authority), "account.create");
        assertThat(created.get("actorRole")).isEqualTo("SYSTEM");
        assertThat(created.get("actorAccount")).isNull();
        assertThat((String) created.get("detail")).contains("configured").doesNotContain(Api.AUTHORITY_TOKEN.substring(5, 13));
    }

    @Test
    void aRefusedWriteLeavesNoRecord() {
        Api.BodyWithCertifier b = Api.newBody();
        String code = Api.newEnterprise();
        int before = trail("targetType=enterprise&targetId=" + code).getInt("total");
        as(b.certifierToken()).body(Map.of("creditCode", code, "nameZh", "重复")).post("/api/v1/enterprises").then().statusCode(409);
        authority().body(Map.of("status", "WITHDRAWN", "reason", "资质撤销")).post("/api/v1/bodies/" + b.code() + "/status")
                .then().statusCode(200);
        as(b.certifierToken()).body(Map.of("nameZh", "改名")).put("/api/v1/enterprises/" + code).then().statusCode(403);
        as(b.certifierToken()).body(Map.of("nameZh", "产品", "model", "NO-1")).post("/api/v1/enterprises/" + code + "/products")
                .then().statusCode(403);
        assertThat(trail("targetType=enterprise&targetId=" + code).getInt("total")).isEqualTo(before);
    }

    @Test
    void onlyTheAuthorityReadsTheTrailAndItsQueryIsChecked() {
        Api.BodyWithCertifier b = Api.newBody();
        anonymous().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        as(b.certifierToken()).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        as(Api.enterpriseToken(Api.newEnterprise())).get("/api/v1/audit").then().statusCode(403);
        authority().get("/api/v1/audit?account=abc").then().statusCode(400).body("errors.field", hasItem("account"));
        authority().get("/api/v1/audit?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        authority().get("/api/v1/audit?page=-1").then().statusCode(400).body("errors.field", hasItem("page"));
        authority().get("/api/v1/audit?targetId=" + "x".repeat(65)).then().statusCode(400).body("errors.field", hasItem("targetId"));
        authority().get("/api/v1/audit?targetType=" + "x".repeat(33)).then().statusCode(400);
        authority().get("/api/v1/audit?targetType=nothing-like-this").then().statusCode(200).body("total", equalTo(0));
        // newest first, paged
        JsonPath page = trail("size=2");
        assertThat(page.getList("items")).hasSize(2);
        assertThat(page.getLong("items[0].id")).isGreaterThan(page.getLong("items[1].id"));
        assertThat(trail("size=2&page=1").getLong("items[0].id")).isLessThan(page.getLong("items[1].id"));
    }
}
