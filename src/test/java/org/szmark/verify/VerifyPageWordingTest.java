package org.szmark.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.szmark.certificate.ReasonCode;
import org.szmark.certificate.StatusChange;
import org.szmark.support.Api;
import org.szmark.web.Lang;
import org.szmark.web.Messages;
import org.szmark.web.Msg;

/**
 * The verification page speaks the reader's language: every reason code and verdict has a sentence in
 * both, a Chinese page shows no English reason and no raw code, an English page no Chinese-only reason;
 * a renewed certificate leads to its successor; a code that is not genuine says what to do.
 */
@QuarkusTest
class VerifyPageWordingTest {

    @Inject Messages messages;
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    /** A raw code as the API writes it: upper case words joined by underscores, or one of the one-word codes. */
    private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z]+(_[A-Z]+)+\\b|\\b(VALID|SUSPENDED|REVOKED|CANCELLED|EXPIRED|FRAUD|OTHER|RECERTIFIED)\\b");

    private static List<String> allCodes() {
        List<String> codes = new ArrayList<>();
        for (ReasonCode c : ReasonCode.values()) codes.add(c.name());
        for (VerificationCode c : VerificationCode.values()) codes.add(c.name());
        return codes;
    }

    @Test
    void everyReasonCodeAndVerdictHasASentenceInBothLanguages() {
        Msg zh = messages.of(Lang.ZH), en = messages.of(Lang.EN);
        for (String code : allCodes()) {
            assertThat(Reasons.sentence(zh, code, null)).as("zh reason.%s", code).isNotEqualTo(zh.reasonUnknown()).isNotBlank().matches(s -> CJK.matcher(s).find())
                    .matches(s -> !LATIN.matcher(s).find(), "has no Latin letters");
            assertThat(Reasons.sentence(en, code, null)).as("en reason.%s", code).isNotEqualTo(en.reasonUnknown()).isNotBlank().matches(s -> !CJK.matcher(s).find());
        }
        for (Verdict v : Verdict.values()) {
            assertThat(zh.verdict(v)).as("zh verdict %s", v).matches(s -> CJK.matcher(s).find());
            assertThat(en.verdict(v)).as("en verdict %s", v).matches(s -> !CJK.matcher(s).find());
            assertThat(zh.verdictHint(v)).isNotBlank();
        }
        for (StatusChange e : StatusChange.values()) {
            assertThat(zh.event(e)).as("zh event %s", e).matches(s -> CJK.matcher(s).find());
        }
        // a code no text knows reads as a neutral sentence, not as itself
        assertThat(Reasons.sentence(zh, "SOMETHING_NEW", null)).isEqualTo(zh.reasonUnknown());
        assertThat(Reasons.sentence(en, "EXPIRED", LocalDate.of(2024, 9, 14))).isEqualTo("Expired on 2024-09-14");
    }

    /** The text a reader sees: no markup, scripts, styles or attributes. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("(?s)<[^>]*>", " ").replace("&#39;", "'");
    }

    /** A reason as the page words it: an expiry with its date, here left blank. */
    private static String shown(Msg m, String code) {
        return code.equals("EXPIRED") ? m.reasonExpiredOn("") : Reasons.sentence(m, code, null);
    }

    private static String page(String token, String lang) {
        return given().get("/V/" + token + "?lang=" + lang).then().statusCode(200).extract().asString();
    }

    private void assertWording(String token, String code, String label) {
        String zh = visibleText(page(token, "zh"));
        String en = visibleText(page(token, "en"));
        assertThat(RAW_CODE.matcher(zh).find()).as("%s: raw code on the zh page: %s", label, zh).isFalse();
        for (String c : allCodes()) {
            String english = shown(messages.of(Lang.EN), c);
            assertThat(zh).as("%s: English reason on the zh page", label).doesNotContain(english.strip());
            String chinese = shown(messages.of(Lang.ZH), c);
            assertThat(en).as("%s: Chinese reason on the en page", label).doesNotContain(chinese.strip());
        }
        if (code != null && !code.equals("VALID")) {
            assertThat(zh).as(label).contains(shown(messages.of(Lang.ZH), code).split(" ")[0]);
            assertThat(en).as(label).contains(shown(messages.of(Lang.EN), code).split(" ")[0]);
        }
        assertThat(zh).as("%s: times in Beijing time", label).contains("北京时间");
        assertThat(en).as(label).contains("Beijing time").doesNotContain(" UTC");
    }

    @Test
    void pagesForEveryReasonCodeAreWordedInTheirLanguage() {
        Api.Issuer i = Api.newIssuer();
        Map<String, String> cases = new LinkedHashMap<>();
        String valid = VerifyTest.token(i.issue());
        cases.put(valid, "VALID");
        for (ReasonCode rc : ReasonCode.values()) {
            for (StatusChange change : rc.allowedFor) {
                if (change == StatusChange.SUPERSEDED || change == StatusChange.REINSTATED) continue;
                String n = i.issue();
                Map<String, Object> body = new HashMap<>(Map.of("reasonCode", rc.name()));
                if (rc == ReasonCode.OTHER) body.put("reasonText", "其他");
                String action = switch (change) {
                    case SUSPENDED -> "suspend";
                    case REVOKED -> "revoke";
                    default -> "cancel";
                };
                as(i.token()).body(body).post("/api/v1/certificates/" + n + "/" + action).then().statusCode(200);
                cases.put(VerifyTest.token(n), rc.name());
            }
        }
        Map<String, Object> old = i.request();
        old.put("issueDate", LocalDate.now().minusYears(4).toString());
        String expired = as(i.token()).body(old).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
        cases.put(VerifyTest.token(expired), "EXPIRED");
        cases.put("RANDOMSTRING", "TOKEN_MALFORMED");
        cases.put("A".repeat(1100), "TOKEN_TOO_LONG");
        int k = valid.length() - 20;
        cases.put(valid.substring(0, k) + (valid.charAt(k) == 'A' ? 'B' : 'A') + valid.substring(k + 1), "BAD_SIGNATURE");
        for (var c : cases.entrySet()) {
            assertThat(anonymous().get("/api/v1/verify/" + c.getKey()).jsonPath().getString("reasonCode")).isEqualTo(c.getValue());
            assertWording(c.getKey(), c.getValue(), c.getValue());
        }
        // the body's suspension: the authority's words are shown as its statement
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督检查")).post("/api/v1/bodies/" + i.body() + "/status")
                .then().statusCode(200);
        try {
            assertWording(valid, "BODY_SUSPENDED", "body suspended");
            assertThat(page(valid, "zh")).contains("主管部门说明").contains("监督检查");
        } finally {
            authority().body(Map.of("status", "ACTIVE", "reason", "整改完成")).post("/api/v1/bodies/" + i.body() + "/status")
                    .then().statusCode(200);
        }
    }

    @Test
    void aSuspensionShowsItsEndAndTheBodysStatement() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String until = LocalDate.now().plusMonths(2).toString();
        as(i.token()).body(Map.of("reasonCode", "SURVEILLANCE_OVERDUE", "reasonText", "未按期监督", "suspendedUntil", until))
                .post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200);
        String t = VerifyTest.token(n);
        JsonPath v = anonymous().get("/api/v1/verify/" + t).jsonPath();
        assertThat(v.getString("suspendedUntil")).isEqualTo(until);
        assertThat(v.getString("statement")).isEqualTo("未按期监督");
        String zh = page(t, "zh");
        assertThat(zh).contains("id=\"suspended-until\">" + until).contains("未按期接受获证后监督").contains("未按期监督");
        assertThat(zh).containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00\">");
    }

    @Test
    void aRenewedCertificateLeadsToItsSuccessor() {
        Api.Issuer i = Api.newIssuer();
        String old = i.issue();
        String oldToken = VerifyTest.token(old);
        Map<String, Object> renewal = new HashMap<>(i.request());
        renewal.put("predecessor", old);
        String renewed = as(i.token()).body(renewal).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
        String newToken = VerifyTest.token(renewed);

        JsonPath v = anonymous().get("/api/v1/verify/" + oldToken).jsonPath();
        assertThat(v.getString("verdict")).isEqualTo("CANCELLED");
        assertThat(v.getString("reasonCode")).isEqualTo("RECERTIFIED");
        assertThat(v.getString("successor.number")).isEqualTo(renewed);
        assertThat(v.getString("successor.verdict")).isEqualTo("VALID");
        assertThat(v.getString("successor.url")).endsWith("/V/" + newToken);
        String zh = page(oldToken, "zh");
        assertThat(zh).contains("此证书已换发新证书").contains("id=\"successor-number\">" + renewed)
                .contains("data-verdict=\"VALID\">真实有效").contains("/V/" + newToken + "?lang=zh");

        // the successor's own change shows on the old label's page at once
        as(i.token()).body(Map.of("reasonCode", "SPOT_CHECK_FAILED")).post("/api/v1/certificates/" + renewed + "/suspend")
                .then().statusCode(200);
        assertThat(anonymous().get("/api/v1/verify/" + oldToken).jsonPath().getString("successor.verdict")).isEqualTo("SUSPENDED");
        assertThat(page(oldToken, "en")).contains("data-verdict=\"SUSPENDED\">Genuine, but suspended");
        // a certificate that was not renewed has no successor
        assertThat(anonymous().get("/api/v1/verify/" + newToken).jsonPath().getString("successor")).isNull();
    }

    @Test
    void aCodeThatIsNotGenuineSaysWhatToDo() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String t = VerifyTest.token(n);
        int k = t.length() - 20;
        String forged = t.substring(0, k) + (t.charAt(k) == 'A' ? 'B' : 'A') + t.substring(k + 1);
        String zh = page(forged, "zh");
        assertThat(zh).contains("href=\"tel:12315\"").contains("id=\"claimed-number\">" + n)
                .contains("/search?q=" + n + "&amp;lang=zh");
        // a code without claims offers the complaint line but no lookup
        String garbage = page("RANDOMSTRING", "en");
        assertThat(garbage).contains("href=\"tel:12315\"").doesNotContain("claimed-lookup");
        // a genuine code shows no such help
        assertThat(page(t, "zh")).doesNotContain("id=\"help\"");
    }
}
