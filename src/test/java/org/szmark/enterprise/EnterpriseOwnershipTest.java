package org.szmark.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.szmark.account.Actor;
import org.szmark.account.Role;
import org.szmark.body.BodyRepository;
import org.szmark.enterprise.EnterpriseViews.EnterpriseUpdate;
import org.szmark.enterprise.EnterpriseViews.ProductRequest;
import org.szmark.support.Api;

/**
 * Who may change an enterprise and its products (docs/trust-model.md): the authority always; a certifier
 * while its body is ACTIVE and the holder is its body's alone; the holder's own account its contact data.
 * Every refusal is a 403 problem naming the reason, and leaves the enterprise exactly as it was.
 */
@QuarkusTest
class EnterpriseOwnershipTest {

    @Inject EnterpriseService service;
    @Inject BodyRepository bodies;

    static Map<String, Object> names(String nameZh) {
        Map<String, Object> m = new HashMap<>();
        m.put("nameZh", nameZh);
        m.put("nameEn", "Renamed " + nameZh);
        m.put("addressZh", "深圳市福田区 " + nameZh);
        return m;
    }

    static Response rename(String token, String code, String nameZh) {
        return as(token).body(names(nameZh)).put("/api/v1/enterprises/" + code);
    }

    static Response addProduct(String token, String code, String model) {
        return as(token).body(Map.of("nameZh", "新产品", "model", model)).post("/api/v1/enterprises/" + code + "/products");
    }

    /** The enterprise and its products as anyone reads them. */
    static String snapshot(String code) {
        return anonymous().get("/api/v1/enterprises/" + code).then().statusCode(200).extract().asString();
    }

    static void refused(Response r, String type) {
        r.then().statusCode(403).contentType("application/problem+json").body("type", equalTo("urn:szmark:problem:" + type));
    }

    static Api.BodyWithCertifier bodyWithStatus(String status) {
        Api.BodyWithCertifier b = Api.newBody();
        if (!status.equals("ACTIVE")) {
            authority().body(Map.of("status", status, "reason", "监督检查 " + status)).post("/api/v1/bodies/" + b.code() + "/status")
                    .then().statusCode(200);
        }
        return b;
    }

    @Test
    void anotherBodyNeverChangesAHolderThatABodyCertified() {
        Api.Issuer a = Api.newIssuer();
        a.issue();
        String h = a.holder();
        for (String status : List.of("ACTIVE", "SUSPENDED", "WITHDRAWN")) {
            Api.BodyWithCertifier b = bodyWithStatus(status);
            String before = snapshot(h);
            Response put = rename(b.certifierToken(), h, "冒名公司" + status);
            Response product = addProduct(b.certifierToken(), h, "FAKE-" + status);
            if (status.equals("ACTIVE")) {
                refused(put, "certified-by-another-body");
                put.then().body("detail", containsString(a.body()));
                refused(product, "certified-by-another-body");
            } else {
                // A body that is not active may lose its certifiers' write access before this rule is reached.
                assertThat(put.statusCode()).as("PUT by a certifier of a %s body", status).isIn(401, 403);
                assertThat(product.statusCode()).as("product by a certifier of a %s body", status).isIn(401, 403);
            }
            assertThat(snapshot(h)).as("after the refused changes of a %s body", status).isEqualTo(before);
        }
        // The body that certified it may, and so may the authority.
        rename(a.token(), h, "深圳市真实名称有限公司").then().statusCode(200).body("nameZh", equalTo("深圳市真实名称有限公司"));
        addProduct(a.token(), h, "A-2").then().statusCode(201);
        rename(Api.AUTHORITY_TOKEN, h, "深圳市主管更正有限公司").then().statusCode(200);
        addProduct(Api.AUTHORITY_TOKEN, h, "AUTH-2").then().statusCode(201);
        anonymous().get("/api/v1/enterprises/" + h).then().body("nameZh", equalTo("深圳市主管更正有限公司"))
                .body("products.model", hasItem("A-2")).body("products.model", hasItem("AUTH-2"));
    }

    @Test
    void endedCertificatesStillCountAndTwoCertifyingBodiesLockEachOtherOut() {
        Api.Issuer a = Api.newIssuer();
        String number = a.issue();
        as(a.token()).body(Map.of("reasonCode", "FRAUD")).post("/api/v1/certificates/" + number + "/revoke").then().statusCode(200);
        Api.BodyWithCertifier b = Api.newBody();
        refused(rename(b.certifierToken(), a.holder(), "冒名公司"), "certified-by-another-body");

        // Body B certifies the same holder too (its product is registered by the authority): now neither body may change it.
        as(b.certifierToken()).body(new Api.Issuer(b.code(), b.certifierToken(), a.holder(), a.model(), a.standard()).request())
                .post("/api/v1/certificates").then().statusCode(201);
        String before = snapshot(a.holder());
        refused(rename(a.token(), a.holder(), "甲方改名"), "certified-by-another-body");
        refused(rename(b.certifierToken(), a.holder(), "乙方改名"), "certified-by-another-body");
        refused(addProduct(a.token(), a.holder(), "A-9"), "certified-by-another-body");
        assertThat(snapshot(a.holder())).isEqualTo(before);
        rename(Api.AUTHORITY_TOKEN, a.holder(), "主管更正").then().statusCode(200);
    }

    @Test
    void aHolderWithoutCertificatesBelongsToTheBodyThatRegisteredIt() {
        Api.BodyWithCertifier registrar = Api.newBody();
        String code = Api.newCreditCode();
        as(registrar.certifierToken()).body(Map.of("creditCode", code, "nameZh", "深圳市新登记有限公司"))
                .post("/api/v1/enterprises").then().statusCode(201);
        Api.BodyWithCertifier other = Api.newBody();
        String before = snapshot(code);
        refused(rename(other.certifierToken(), code, "冒名公司"), "registered-by-another-body");
        refused(addProduct(other.certifierToken(), code, "X-1"), "registered-by-another-body");
        assertThat(snapshot(code)).isEqualTo(before);
        rename(registrar.certifierToken(), code, "深圳市新登记更名有限公司").then().statusCode(200);
        addProduct(registrar.certifierToken(), code, "R-1").then().statusCode(201);
        rename(Api.AUTHORITY_TOKEN, code, "主管更正").then().statusCode(200);

        // One the authority registered, still uncertified, is open to any active body's certifier.
        String open = Api.newEnterprise();
        addProduct(other.certifierToken(), open, "O-1").then().statusCode(201);
        rename(registrar.certifierToken(), open, "深圳市开放登记有限公司").then().statusCode(200);
    }

    @Test
    void aBodyThatIsNotActiveChangesNothingEvenItsOwnHolders() {
        Api.Issuer a = Api.newIssuer();
        a.issue();
        long bodyId = bodies.find("code", a.body()).firstResult().id;
        long accountId = ((Number) as(a.token()).get("/api/v1/accounts/me").then().extract().path("id")).longValue();
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督检查")).post("/api/v1/bodies/" + a.body() + "/status")
                .then().statusCode(200);
        String before = snapshot(a.holder());
        assertThat(rename(a.token(), a.holder(), "暂停期间改名").statusCode()).isIn(401, 403);
        // The rule is the service's own, whatever the resources and the security layer in front of it do.
        Actor certifier = new Actor(accountId, Role.CERTIFIER, bodyId, null, "certifier");
        assertThatThrownBy(() -> service.update(a.holder(), new EnterpriseUpdate("暂停期间改名", null, null, null, null), certifier))
                .isInstanceOfSatisfying(ChangeRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.type()).isEqualTo("certifier-body-not-active");
                    assertThat(e.getMessage()).contains(a.body()).contains("SUSPENDED");
                });
        assertThatThrownBy(() -> service.addProduct(a.holder(), new ProductRequest("产品", null, "S-1", null, null), certifier))
                .isInstanceOfSatisfying(ChangeRefused.class, e -> assertThat(e.type()).isEqualTo("certifier-body-not-active"));
        assertThatThrownBy(() -> service.create(new EnterpriseViews.EnterpriseRequest(Api.newCreditCode(), "暂停期间登记", null, null,
                null, null), certifier))
                .isInstanceOfSatisfying(ChangeRefused.class, e -> assertThat(e.type()).isEqualTo("certifier-body-not-active"));
        assertThat(snapshot(a.holder())).isEqualTo(before);
        authority().body(Map.of("status", "ACTIVE", "reason", "整改完成")).post("/api/v1/bodies/" + a.body() + "/status")
                .then().statusCode(200);
        rename(a.token(), a.holder(), "恢复后改名").then().statusCode(200);
    }

    @Test
    void theEnterpriseAccountChangesItsContactDataOnly() {
        Api.Issuer a = Api.newIssuer();
        a.issue();
        String h = a.holder();
        String own = Api.enterpriseToken(h);
        Map<String, Object> current = anonymous().get("/api/v1/enterprises/" + h).then().extract().jsonPath().getMap("$");
        Map<String, Object> update = new HashMap<>();
        update.put("nameZh", current.get("nameZh"));
        update.put("nameEn", current.get("nameEn"));
        update.put("contact", Map.of("website", "https://example.com/about", "email", "info@example.com", "phone", "+86 755 1234 5678"));
        as(own).body(update).put("/api/v1/enterprises/" + h).then().statusCode(200)
                .body("contact.website", equalTo("https://example.com/about")).body("contact.email", equalTo("info@example.com"))
                .body("contact.phone", equalTo("+86 755 1234 5678")).body("nameZh", equalTo(current.get("nameZh")));
        assertThat(io.restassured.RestAssured.given().queryParam("lang", "en").get("/e/" + h).then().statusCode(200).extract().asString())
                .contains("<a id=\"contact-website\" href=\"https://example.com/about\" rel=\"nofollow noopener noreferrer\">")
                .contains("Contact (given by the enterprise itself)").contains("info@example.com");
        // A certifier's later update without contact data keeps them.
        Map<String, Object> byBody = new HashMap<>(update);
        byBody.remove("contact");
        byBody.put("addressZh", "深圳市南山区 9 号");
        as(a.token()).body(byBody).put("/api/v1/enterprises/" + h).then().statusCode(200)
                .body("contact.website", equalTo("https://example.com/about")).body("addressZh", equalTo("深圳市南山区 9 号"));

        String before = snapshot(h);
        // Its legal name, address and products are not its own to change; its credit code is no one's.
        Map<String, Object> rename = new HashMap<>(byBody);
        rename.put("nameZh", "自行改名有限公司");
        refused(as(own).body(rename).put("/api/v1/enterprises/" + h), "enterprise-contact-only");
        Map<String, Object> move = new HashMap<>(byBody);
        move.put("addressZh", "别处");
        refused(as(own).body(move).put("/api/v1/enterprises/" + h), "enterprise-contact-only");
        addProduct(own, h, "SELF-1").then().statusCode(403);
        Map<String, Object> recode = new HashMap<>(byBody);
        recode.put("creditCode", Api.newCreditCode());
        as(own).body(recode).put("/api/v1/enterprises/" + h).then().statusCode(400);
        as(Api.AUTHORITY_TOKEN).body(recode).put("/api/v1/enterprises/" + h).then().statusCode(400);
        // Another enterprise's account may not touch it at all.
        String stranger = Api.enterpriseToken(Api.newEnterprise());
        refused(as(stranger).body(byBody).put("/api/v1/enterprises/" + h), "not-your-enterprise");
        assertThat(snapshot(h)).isEqualTo(before);
    }

    @Test
    void contactDataIsValidatedAndBounded() {
        String h = Api.newEnterprise();
        String own = Api.enterpriseToken(h);
        String name = anonymous().get("/api/v1/enterprises/" + h).then().extract().path("nameZh");
        String nameEn = anonymous().get("/api/v1/enterprises/" + h).then().extract().path("nameEn");
        String before = snapshot(h);
        List<Map<String, Object>> bad = List.of(
                Map.of("website", "javascript:alert(1)"),
                Map.of("website", "https://example.com/" + "a".repeat(300)),
                Map.of("email", "not an address"),
                Map.of("email", "a".repeat(250) + "@example.com"),
                Map.of("phone", "call me"),
                Map.of("phone", "1".repeat(41)));
        for (Map<String, Object> contact : bad) {
            String field = "contact." + contact.keySet().iterator().next();
            as(own).body(Map.of("nameZh", name, "nameEn", nameEn, "contact", contact)).put("/api/v1/enterprises/" + h)
                    .then().statusCode(400).body("errors.field", hasItem(field));
        }
        assertThat(snapshot(h)).isEqualTo(before);
        // Removing them is a change like any other.
        as(own).body(Map.of("nameZh", name, "nameEn", nameEn, "contact", Map.of("email", "a@example.com")))
                .put("/api/v1/enterprises/" + h).then().statusCode(200);
        as(own).body(Map.of("nameZh", name, "nameEn", nameEn, "contact", Map.of())).put("/api/v1/enterprises/" + h)
                .then().statusCode(200).body("contact", equalTo(null));
    }

    /** Owners racing each other: each answer is a success or a conflict, never a 500, and one name wins whole. */
    @Test
    void concurrentChangesAreWholeOrConflicts() throws Exception {
        Api.Issuer a = Api.newIssuer();
        a.issue();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String token = i % 2 == 0 ? a.token() : Api.AUTHORITY_TOKEN;
                String name = "并发改名" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return rename(token, a.holder(), name).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) statuses.add(f.get());
            assertThat(statuses).isSubsetOf(200, 409).contains(200);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> now = anonymous().get("/api/v1/enterprises/" + a.holder()).then().extract().jsonPath().getMap("$");
        String nameZh = (String) now.get("nameZh");
        assertThat(nameZh).startsWith("并发改名");
        assertThat(now.get("nameEn")).isEqualTo("Renamed " + nameZh);
        assertThat(now.get("addressZh")).isEqualTo("深圳市福田区 " + nameZh);
    }
}
