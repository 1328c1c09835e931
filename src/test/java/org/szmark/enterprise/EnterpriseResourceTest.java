package org.szmark.enterprise;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;
import static org.szmark.support.Api.enterpriseToken;
import static org.szmark.support.Api.newBody;
import static org.szmark.support.Api.newCreditCode;
import static org.szmark.support.Api.newEnterprise;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnterpriseResourceTest {

    @Test
    void certifierCreatesEnterpriseWithUpperCasedCode() {
        String code = newCreditCode();
        as(newBody().certifierToken())
                .body(Map.of("creditCode", " " + code.toLowerCase() + " ", "nameZh", "深圳市翼擎智能航空科技有限公司",
                        "nameEn", "Shenzhen Yiqing", "addressZh", "深圳市南山区"))
                .post("/api/v1/enterprises").then().statusCode(201)
                .body("creditCode", equalTo(code));
        anonymous().get("/api/v1/enterprises/" + code).then().statusCode(200)
                .body("nameZh", equalTo("深圳市翼擎智能航空科技有限公司")).body("products", hasSize(0));
        anonymous().queryParam("q", "翼擎").get("/api/v1/enterprises").then().statusCode(200)
                .body("items.creditCode", hasItem(code));
    }

    @Test
    void rejectsInvalidCreditCodes() {
        String valid = newCreditCode();
        char wrongCheck = valid.charAt(17) == '0' ? '1' : '0';
        String[] bad = {
            valid.substring(0, 17) + wrongCheck,          // wrong check character
            "91440300MA5DRN7KIG",                          // forbidden letter I
            valid.substring(0, 8) + "O" + valid.substring(9), // forbidden letter O
            valid.substring(0, 8) + "S" + valid.substring(9),
            valid.substring(0, 8) + "V" + valid.substring(9),
            valid.substring(0, 8) + "Z" + valid.substring(9),
            valid.substring(0, 17),                        // 17 characters
            valid + "0",                                   // 19 characters
            "' OR 1=1 --"
        };
        for (String code : bad) {
            authority().body(Map.of("creditCode", code, "nameZh", "某公司")).post("/api/v1/enterprises").then()
                    .statusCode(400).body("errors.field", hasItem("creditCode"));
        }
        anonymous().get("/api/v1/enterprises/" + valid.substring(0, 17) + wrongCheck).then().statusCode(404);
    }

    @Test
    void legacyCodesOnlyByTheAuthorityWithAWarning() {
        String valid = newCreditCode();
        String legacy = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        as(newBody().certifierToken()).body(Map.of("creditCode", legacy, "nameZh", "老企业", "legacyCode", true))
                .post("/api/v1/enterprises").then().statusCode(400).body("errors.field", hasItem("legacyCode"));
        authority().body(Map.of("creditCode", legacy, "nameZh", "老企业", "legacyCode", true))
                .post("/api/v1/enterprises").then().statusCode(201)
                .body("legacyCode", equalTo(true)).body("warnings[0]", notNullValue());
        authority().body(Map.of("creditCode", "91440300MA5DRN7KI", "nameZh", "老企业", "legacyCode", true))
                .post("/api/v1/enterprises").then().statusCode(400);
    }

    @Test
    void rejectsDuplicateCreditCode() {
        String code = newEnterprise();
        authority().body(Map.of("creditCode", code, "nameZh", "冒名公司")).post("/api/v1/enterprises").then()
                .statusCode(409).body("type", equalTo("urn:szmark:problem:duplicate-enterprise"));
        anonymous().get("/api/v1/enterprises/" + code).then().body("nameZh", equalTo("深圳测试企业" + code));
    }

    @Test
    void productsWithGtinCheck() {
        String code = newEnterprise();
        String certifier = newBody().certifierToken();
        as(certifier).body(Map.of("nameZh", "儿童智能手表", "nameEn", "Kids watch", "model", "ZW-K3", "gtin", "6901234567892"))
                .post("/api/v1/enterprises/" + code + "/products").then().statusCode(201)
                .body("model", equalTo("ZW-K3")).body("id", notNullValue());
        as(certifier).body(Map.of("nameZh", "手表", "model", "ZW-K4", "gtin", "6901234567893"))
                .post("/api/v1/enterprises/" + code + "/products").then().statusCode(400).body("errors.field", hasItem("gtin"));
        as(certifier).body(Map.of("nameZh", "手表", "model", "ZW-K3"))
                .post("/api/v1/enterprises/" + code + "/products").then().statusCode(409);
        anonymous().get("/api/v1/enterprises/" + code + "/products").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].gtin", equalTo("6901234567892"));
        as(enterpriseToken(code)).body(Map.of("nameZh", "手表", "model", "ZW-K5"))
                .post("/api/v1/enterprises/" + code + "/products").then().statusCode(403);
        anonymous().body(Map.of("nameZh", "手表", "model", "ZW-K5"))
                .post("/api/v1/enterprises/" + newCreditCode() + "/products").then().statusCode(401);
        authority().body(Map.of("nameZh", "手表", "model", "ZW-K5"))
                .post("/api/v1/enterprises/" + newCreditCode() + "/products").then().statusCode(404);
    }

    @Test
    void enterpriseAccountSeesItself() {
        String code = newEnterprise();
        String token = enterpriseToken(code);
        as(token).get("/api/v1/accounts/me").then().statusCode(200).body("role", equalTo("ENTERPRISE"));
        as(token).body(Map.of("creditCode", newCreditCode(), "nameZh", "x")).post("/api/v1/enterprises").then().statusCode(403);
        as(newBody().certifierToken()).body(Map.of("name", "x"))
                .post("/api/v1/enterprises/" + code + "/accounts").then().statusCode(403);
    }

    /** Registrations of one code racing each other: one is created, the others are conflicts, none a 500. */
    @Test
    void concurrentDuplicatesAreConflicts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                String code = newCreditCode();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return authority().body(Map.of("creditCode", code, "nameZh", "并发公司"))
                                .post("/api/v1/enterprises").statusCode();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> a : answers) {
                    statuses.add(a.get());
                }
                assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
