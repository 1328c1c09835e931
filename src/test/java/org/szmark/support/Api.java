package org.szmark.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.szmark.enterprise.CreditCode;

/** Shared test helpers: callers with each role, and fresh unique records so tests never collide. */
public final class Api {
    private Api() {}

    /** Matches {@code %test.szmark.bootstrap-token} in application.properties. */
    public static final String AUTHORITY_TOKEN = "szmk_test-authority-token-0123456789abcdefghijklmn";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicInteger SEQ = new AtomicInteger(RANDOM.nextInt(1000));

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification authority() {
        return as(AUTHORITY_TOKEN);
    }

    /** A credit code with a correct GB 32100-2015 check character, unique per call in practice. */
    public static String newCreditCode() {
        StringBuilder b = new StringBuilder("91440300");
        for (int i = 0; i < 9; i++) b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        return b.append(CreditCode.checkCharacter(b.toString())).toString();
    }

    public static String uniqueSuffix() {
        return String.format("%03d", SEQ.incrementAndGet() % 1000) + RANDOM.nextInt(10);
    }

    /** A fresh body and a certifier token for it. */
    public record BodyWithCertifier(String code, String approvalNumber, String certifierToken) {}

    /**
     * Bodies of one test run count up from a random start, so their codes and approval numbers never
     * collide (random ones did, by the birthday bound, once a run created a few hundred bodies).
     */
    private static final AtomicInteger BODY_SEQ = new AtomicInteger(RANDOM.nextInt(36 * 36 * 36 * 36 / 2));

    /** A code and approval number for a body that no other test uses. */
    public record BodyIdentity(String code, String approvalNumber) {}

    public static BodyIdentity nextBodyIdentity() {
        int n = BODY_SEQ.incrementAndGet();
        return new BodyIdentity("B" + Integer.toString(n % (36 * 36 * 36 * 36), 36).toUpperCase(),
                "CNCA-R-" + (2001 + (n / 10000) % 25) + "-" + String.format("%04d", n % 10000));
    }

    public static BodyWithCertifier newBody() {
        BodyIdentity id = nextBodyIdentity();
        String code = id.code();
        String approval = id.approvalNumber();
        authority().body(Map.of("code", code, "nameZh", "测试认证机构" + code, "nameEn", "Test body " + code,
                        "approvalNumber", approval))
                .post("/api/v1/bodies").then().statusCode(201);
        String token = authority().body(Map.of("name", "certifier of " + code))
                .post("/api/v1/bodies/" + code + "/accounts").then().statusCode(201)
                .extract().path("token");
        return new BodyWithCertifier(code, approval, token);
    }

    public static String newEnterprise() {
        String code = newCreditCode();
        authority().body(Map.of("creditCode", code, "nameZh", "深圳测试企业" + code, "nameEn", "Test Co " + code))
                .post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    public static String enterpriseToken(String creditCode) {
        return authority().body(Map.of("name", "holder " + creditCode))
                .post("/api/v1/enterprises/" + creditCode + "/accounts").then().statusCode(201)
                .extract().path("token");
    }

    /** A group standard number that no other test uses. */
    public static String newStandardNumber() {
        String group = "ZT" + Integer.toString(RANDOM.nextInt(36 * 36 * 36), 36).toUpperCase();
        return "T/" + group + " " + String.format("%03d", RANDOM.nextInt(1000)) + "-20" + (10 + RANDOM.nextInt(15));
    }

    /** An eligible standard (current, evaluation passed); returns its normalised number. */
    public static String newEligibleStandard() {
        String number = newStandardNumber();
        authority().body(Map.of("number", number, "titleZh", "测试标准", "issuingOrganisation", "测试协会",
                        "selfDeclaration", Map.of("declaredOn", "2020-01-02", "disclosedAt", "https://example.org/d/1"),
                        "evaluation", Map.of("catalogueItem", "测试目录项", "passedOn", "2020-06-01")))
                .post("/api/v1/standards").then().statusCode(201);
        return number;
    }

    public static void newProduct(String creditCode, String model) {
        authority().body(Map.of("nameZh", "测试产品", "nameEn", "Test product", "model", model))
                .post("/api/v1/enterprises/" + creditCode + "/products").then().statusCode(201);
    }

    /** Everything a certifier needs to issue: its body, a holder with a product, an eligible standard. */
    public record Issuer(String body, String token, String holder, String model, String standard) {
        public Map<String, Object> request() {
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("holder", holder);
            m.put("productModel", model);
            m.put("productionSite", Map.of("name", "一号工厂", "address", "深圳市宝安区福永街道 1 号"));
            m.put("standard", standard);
            m.put("scope", "儿童智能手表的设计和生产");
            m.put("certificationMode", "型式试验+初始工厂检查+获证后监督");
            return m;
        }

        public String issue() {
            return as(token).body(request()).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
        }
    }

    /** A valid reason for a certificate status change: {@code suspend}, {@code reinstate}, {@code revoke} or {@code cancel}. */
    public static Map<String, Object> statusReason(String action) {
        return switch (action) {
            case "suspend" -> Map.of("reasonCode", "SPOT_CHECK_FAILED", "reasonText", "抽查不合格");
            case "reinstate" -> Map.of("reasonCode", "CORRECTION_VERIFIED");
            case "revoke" -> Map.of("reasonCode", "NOT_CORRECTED");
            default -> Map.of("reasonCode", "PRODUCT_DISCONTINUED");
        };
    }

    public static Issuer newIssuer() {
        BodyWithCertifier b = newBody();
        String holder = newEnterprise();
        newProduct(holder, "M-1");
        return new Issuer(b.code(), b.certifierToken(), holder, "M-1", newEligibleStandard());
    }
}
