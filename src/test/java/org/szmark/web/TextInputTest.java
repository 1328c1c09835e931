package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.szmark.support.Api;

/**
 * Every text member of every write endpoint, fed the characters the text rule refuses (docs/records.md,
 * "What text is accepted"): each must be refused with a 400 problem naming the member, and nothing written.
 * The bad characters travel as JSON escapes in raw request text, as a client would send them; a lone
 * surrogate has no UTF-8 form, so the escape is the only way it can arrive.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@HOLE@@";

    /** Refused in every text member: JSON escape as sent, and the code point the problem must name. */
    private static final Map<String, String> REFUSED_EVERYWHERE = ordered(
            "\\ud800", "U+D800", // lone high surrogate
            "\\udc00", "U+DC00", // lone low surrogate
            "\\u0000", "U+0000",
            "\\u0007", "U+0007",
            "\\u0085", "U+0085", // NEL, a C1 control
            "\\ufffe", "U+FFFE",
            "\\u202e", "U+202E", // right-to-left override
            "\\u2066", "U+2066", // left-to-right isolate
            "\\u200b", "U+200B"); // zero-width space

    /** Refused in names, numbers and codes only. */
    private static final Map<String, String> REFUSED_IN_ONE_LINE = ordered(
            "\\n", "U+000A",
            "\\t", "U+0009",
            "\\u200d", "U+200D");

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    /**
     * One write endpoint: a request that would be accepted, its text members (JSON paths as problems name
     * them), which of those are free text, and what to read before and after to see that nothing changed.
     */
    record Endpoint(String name, String method, String path, String token, Map<String, Object> body,
                    List<String> oneLine, List<String> freeText, Supplier<String> state) {}

    private Api.Issuer issuer;
    private String certificate;
    private String enterpriseToken;
    private long certifierAccount;
    private String keyId;

    private List<Endpoint> endpoints() {
        if (issuer == null) {
            issuer = Api.newIssuer();
            certificate = issuer.issue();
            enterpriseToken = Api.enterpriseToken(issuer.holder());
            certifierAccount = ((Number) as(issuer.token()).get("/api/v1/accounts/me").then().statusCode(200)
                    .extract().path("id")).longValue();
            keyId = authority().get("/api/v1/bodies/" + issuer.body() + "/keys").then().statusCode(200)
                    .extract().path("[0].keyId");
        }
        String auth = Api.AUTHORITY_TOKEN;
        String body = "/api/v1/bodies/" + issuer.body();
        String enterprise = "/api/v1/enterprises/" + issuer.holder();
        String cert = "/api/v1/certificates/" + certificate;
        Map<String, Object> contact = map("email", "info@example.org", "phone", "+86 755 1234", "website", "https://example.org");
        Map<String, Object> standard = map("number", Api.newStandardNumber(), "titleZh", "标准", "titleEn", "Standard",
                "issuingOrganisation", "协会",
                "status", map("status", "CURRENT", "replacedBy", "T/SZWD 004-2019", "notice", "公告"),
                "selfDeclaration", map("declaredOn", "2020-01-02", "disclosedAt", "https://example.org/d"),
                "evaluation", map("catalogueItem", "目录项", "passedOn", "2020-06-01"));
        List<String> standardText = List.of("number", "titleZh", "titleEn", "issuingOrganisation", "status.replacedBy",
                "selfDeclaration.disclosedAt", "evaluation.catalogueItem");
        Map<String, Object> issue = new LinkedHashMap<>(issuer.request());
        issue.put("number", "SZBZ-T-1");
        issue.put("predecessor", certificate);
        List<String> issueText = List.of("number", "holder", "productModel", "productionSite.name", "productionSite.address",
                "standard", "certificationMode", "predecessor");
        List<Object> batch = new ArrayList<>(List.of(issuer.request(), issuer.request(), issuer.request(), issue));
        Supplier<String> certificates = () -> get(auth, "/api/v1/certificates?size=1") + get(auth, cert);
        Supplier<String> audit = () -> get(auth, "/api/v1/audit?size=1");
        return List.of(
                new Endpoint("add a standard", "POST", "/api/v1/standards", auth, standard, standardText,
                        List.of("status.notice"), audit),
                new Endpoint("update a standard", "PUT", "/api/v1/standards/" + issuer.standard(), auth,
                        with(standard, "number", issuer.standard()), standardText, List.of("status.notice"),
                        () -> audit.get() + get(auth, "/api/v1/standards/" + issuer.standard())),
                new Endpoint("approve a body", "POST", "/api/v1/bodies", auth,
                        map("code", "TX1", "nameZh", "机构", "nameEn", "Body", "approvalNumber", "CNCA-R-2002-999", "contact", contact),
                        List.of("code", "nameZh", "nameEn", "approvalNumber", "contact.email", "contact.phone", "contact.website"),
                        List.of(), audit),
                new Endpoint("update a body", "PUT", body, auth, map("nameZh", "机构", "nameEn", "Body", "contact", contact),
                        List.of("nameZh", "nameEn", "contact.email", "contact.phone", "contact.website"), List.of(),
                        () -> audit.get() + get(auth, body)),
                new Endpoint("change a body's status", "POST", body + "/status", auth, map("status", "ACTIVE", "reason", "复核"),
                        List.of(), List.of("reason"), () -> audit.get() + get(auth, body)),
                new Endpoint("add a certifier account", "POST", body + "/accounts", auth, map("name", "审核员", "tokenLabel", "CI"),
                        List.of("name", "tokenLabel"), List.of(), () -> audit.get() + get(auth, "/api/v1/accounts?size=1")),
                new Endpoint("revoke a body key", "POST", body + "/keys/" + keyId + "/revoke", auth, map("reason", "泄露"),
                        List.of(), List.of("reason"), () -> get(auth, body + "/keys")),
                new Endpoint("register an enterprise", "POST", "/api/v1/enterprises", auth,
                        map("creditCode", Api.newCreditCode(), "nameZh", "企业", "nameEn", "Co", "addressZh", "深圳", "addressEn", "Shenzhen"),
                        List.of("creditCode", "nameZh", "nameEn", "addressZh", "addressEn"), List.of(), audit),
                new Endpoint("update an enterprise", "PUT", enterprise, auth,
                        map("nameZh", "企业", "nameEn", "Co", "addressZh", "深圳", "addressEn", "Shenzhen", "contact", contact),
                        List.of("nameZh", "nameEn", "addressZh", "addressEn", "contact.email", "contact.phone", "contact.website"),
                        List.of(), () -> audit.get() + get(auth, enterprise)),
                new Endpoint("add a product", "POST", enterprise + "/products", auth,
                        map("nameZh", "产品", "nameEn", "Product", "model", "TX-1", "trademark", "牌", "gtin", "06901234567892"),
                        List.of("nameZh", "nameEn", "model", "trademark", "gtin"), List.of(),
                        () -> audit.get() + get(auth, enterprise + "/products")),
                new Endpoint("add an enterprise account", "POST", enterprise + "/accounts", auth,
                        map("name", "企业账户", "tokenLabel", "ERP"), List.of("name", "tokenLabel"), List.of(),
                        () -> audit.get() + get(auth, "/api/v1/accounts?size=1")),
                new Endpoint("issue a certificate", "POST", "/api/v1/certificates", issuer.token(), issue, issueText,
                        List.of("scope"), certificates),
                new Endpoint("issue a batch", "POST", "/api/v1/certificates:batch", issuer.token(), map("certificates", batch),
                        issueText.stream().map(f -> "certificates[3]." + f).toList(), List.of("certificates[3].scope"), certificates),
                new Endpoint("suspend", "POST", cert + "/suspend", issuer.token(), map("reasonCode", "SPOT_CHECK_FAILED", "reasonText", "抽查"),
                        List.of(), List.of("reasonText"), certificates),
                new Endpoint("reinstate", "POST", cert + "/reinstate", issuer.token(), map("reasonCode", "CORRECTION_VERIFIED", "reasonText", "整改"),
                        List.of(), List.of("reasonText"), certificates),
                new Endpoint("revoke", "POST", cert + "/revoke", issuer.token(), map("reasonCode", "OTHER", "reasonText", "撤销"),
                        List.of(), List.of("reasonText"), certificates),
                new Endpoint("cancel", "POST", cert + "/cancel", issuer.token(), map("reasonCode", "OTHER", "reasonText", "注销"),
                        List.of(), List.of("reasonText"), certificates),
                new Endpoint("add an authority account", "POST", "/api/v1/accounts", auth, map("name", "管理员", "tokenLabel", "ops"),
                        List.of("name", "tokenLabel"), List.of(), () -> audit.get() + get(auth, "/api/v1/accounts?size=1")),
                new Endpoint("disable an account", "POST", "/api/v1/accounts/" + certifierAccount + "/disable", auth,
                        map("reason", "离职"), List.of(), List.of("reason"),
                        () -> audit.get() + get(auth, "/api/v1/accounts/" + certifierAccount)),
                new Endpoint("mint an own token", "POST", "/api/v1/accounts/" + certifierAccount + "/tokens", issuer.token(),
                        map("label", "laptop"), List.of("label"), List.of(),
                        () -> audit.get() + get(auth, "/api/v1/accounts/" + certifierAccount)),
                new Endpoint("register a webhook", "POST", "/api/v1/webhooks", enterpriseToken,
                        map("url", "http://127.0.0.1:9/hook", "description", "ERP"), List.of("url"), List.of("description"),
                        () -> get(enterpriseToken, "/api/v1/webhooks")));
    }

    @Test
    void everyTextMemberOfEveryWriteRefusesBadCharactersByNameAndWritesNothing() {
        int cases = 0;
        for (Endpoint e : endpoints()) {
            List<String> members = new ArrayList<>(e.oneLine());
            members.addAll(e.freeText());
            assertThat(members).as(e.name()).isNotEmpty();
            for (String member : members) {
                Map<String, String> bad = new LinkedHashMap<>(REFUSED_EVERYWHERE);
                if (e.oneLine().contains(member)) bad.putAll(REFUSED_IN_ONE_LINE);
                String before = e.state().get();
                for (Map.Entry<String, String> b : bad.entrySet()) {
                    String what = e.name() + ", " + member + " with " + b.getKey();
                    Response r = send(e, text(with(e.body(), member, HOLE)).replace(HOLE, "a" + b.getKey() + "b"));
                    assertThat(r.statusCode()).as(what + ": " + r.asString()).isEqualTo(400);
                    assertThat(r.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
                    assertThat(r.jsonPath().getString("type")).as(what).isEqualTo("urn:szmark:problem:validation");
                    assertThat(r.jsonPath().getList("errors.field", String.class)).as(what).containsExactly(member);
                    assertThat(r.jsonPath().getString("errors[0].message")).as(what).contains(b.getValue() + " at character 2");
                    assertThat(r.jsonPath().getString("detail")).as(what).startsWith(member + ": ");
                    assertThat(r.asString()).as(what).doesNotContain("Exception", "org.szmark", "com.fasterxml");
                    cases++;
                }
                assertThat(e.state().get()).as(e.name() + ", " + member + ": nothing written").isEqualTo(before);
            }
        }
        assertThat(cases).isGreaterThan(600);
    }

    @Test
    void theFirstBadMemberIsNamedInsideNestedObjectsAndArrays() {
        endpoints();
        String raw = "{\"certificates\":[{\"holder\":\"" + issuer.holder() + "\"},{\"holder\":\"x\","
                + "\"productionSite\":{\"address\":\"\\udfff\"}}]}";
        Response r = as(issuer.token()).body(raw).post("/api/v1/certificates:batch");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.jsonPath().getList("errors.field", String.class)).containsExactly("certificates[1].productionSite.address");
        assertThat(r.jsonPath().getString("errors[0].message"))
                .isEqualTo("is not well-formed Unicode: it has a lone UTF-16 surrogate U+DFFF at character 1");
    }

    @Test
    void reversedSurrogatePairsAndRawUtf8SurrogatesAreRefused() {
        endpoints();
        Response reversed = authority().body("{\"name\":\"a\\ude00\\ud83db\"}").post("/api/v1/accounts");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.jsonPath().getString("errors[0].message")).contains("U+DE00 at character 2");
        // CESU-style bytes of U+D800 (ED A0 80) are not UTF-8 (RFC 3629 §3): refused by the JSON reader itself.
        byte[] raw = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        Response bytes = authority().body(raw).post("/api/v1/accounts");
        assertThat(bytes.statusCode()).isEqualTo(400);
        assertThat(bytes.contentType()).startsWith(Problem.MEDIA_TYPE);
    }

    @Test
    void namesInAnyScriptWithEmojiAndAccentsAreKept() {
        String code = Api.newCreditCode();
        String nameZh = "深圳市𠀋智能穿戴科技有限公司 ⌚";
        String nameEn = "Société Ångström Ünïcode 😀 🇨🇳";
        authority().body(map("creditCode", code, "nameZh", nameZh, "nameEn", nameEn, "addressZh", "深圳市南山区粤海街道 1 号"))
                .post("/api/v1/enterprises").then().statusCode(201);
        Response r = authority().get("/api/v1/enterprises/" + code);
        assertThat(r.jsonPath().getString("nameZh")).isEqualTo(nameZh);
        assertThat(r.jsonPath().getString("nameEn")).isEqualTo(nameEn);
    }

    @Test
    void freeTextKeepsLineBreaksAndJoinedEmoji() {
        endpoints();
        String number = issuer.issue();
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String reason = "抽查不合格：\n第 1 项\t超标 " + family;
        Response r = as(issuer.token()).body(map("reasonCode", "SPOT_CHECK_FAILED", "reasonText", reason))
                .post("/api/v1/certificates/" + number + "/suspend");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(authority().get("/api/v1/certificates/" + number).jsonPath().getString("statusReason.text")).isEqualTo(reason);
        // The same joiner in a name is refused: it would let two names that look the same differ.
        Response name = authority().body(map("name", "账户" + family)).post("/api/v1/accounts");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(name.jsonPath().getList("errors.field", String.class)).containsExactly("name");
    }

    private static Response send(Endpoint e, String raw) {
        var spec = as(e.token()).body(raw);
        return "PUT".equals(e.method()) ? spec.put(e.path()) : spec.post(e.path());
    }

    private static String get(String token, String path) {
        Response r = as(token).get(path);
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        // The time of the answer is not state.
        return r.asString().replaceAll("\"asOf\":\"[^\"]*\"", "");
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    /** A deep copy of {@code body} with the member at {@code path} ("a.b", "list[3].c") set to {@code value}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = (Map<String, Object>) copy(body);
        Object at = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            boolean last = i == parts.length - 1;
            if (bracket >= 0) {
                List<Object> list = (List<Object>) ((Map<String, Object>) at).get(name);
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                if (last) list.set(index, value); else at = list.get(index);
            } else if (last) {
                ((Map<String, Object>) at).put(name, value);
            } else {
                at = ((Map<String, Object>) at).get(name);
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put((String) k, copy(v)));
            return c;
        }
        if (o instanceof List<?> l) return new ArrayList<>(l.stream().map(TextInputTest::copy).toList());
        return o;
    }

    private static String text(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
