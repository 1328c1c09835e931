package org.szmark.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** Recording audits, due dates in the certificate view, ownership and refusals (docs/surveillance.md). */
@QuarkusTest
class SurveillanceTest {

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A certificate of the issuer issued on {@code issueDate}. */
    static String issued(Api.Issuer i, LocalDate issueDate) {
        Map<String, Object> r = i.request();
        r.put("issueDate", issueDate.toString());
        return as(i.token()).body(r).post("/api/v1/certificates").then().statusCode(201).extract().path("number");
    }

    /** The issue date whose next audit under {@code interval} is due exactly on {@code due}, if there is one. */
    static LocalDate issuedForDue(LocalDate due, Period interval) {
        for (LocalDate d = due.minus(interval).minusDays(4); !d.isAfter(due.minus(interval).plusDays(4)); d = d.plusDays(1)) {
            if (d.plus(interval).equals(due)) return d;
        }
        Assumptions.assumeTrue(false, "no day is due on " + due + " under " + interval + " (a 29 February)");
        return null;
    }

    static io.restassured.response.Response audit(String token, String number, Object body) {
        return as(token).body(body).post("/api/v1/certificates/" + number + "/audits");
    }

    static Map<String, Object> audit(LocalDate on, String result, String notes) {
        Map<String, Object> m = new HashMap<>();
        m.put("auditedOn", on.toString());
        m.put("result", result);
        if (notes != null) m.put("notes", notes);
        return m;
    }

    static JsonPath certificate(String number) {
        return anonymous().get("/api/v1/certificates/" + number).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAuditIsCountedAndMovesTheNextDueDate() {
        Api.Issuer i = Api.newIssuer();
        LocalDate issue = today().minusMonths(11);
        String n = issued(i, issue);
        JsonPath before = certificate(n);
        assertThat(before.getInt("surveillance.audits")).isZero();
        assertThat(before.getString("surveillance.lastAudit")).isNull();
        assertThat(before.getString("surveillance.nextDue")).isEqualTo(issue.plusMonths(12).toString());
        assertThat(before.getBoolean("surveillance.overdue")).isFalse();

        LocalDate on = today().minusDays(3);
        JsonPath a = audit(i.token(), n, audit(on, "PASSED_WITH_FINDINGS", "两项轻微不符合，已限期整改\n复查通过"))
                .then().statusCode(201).extract().jsonPath();
        assertThat(a.getString("certificate")).isEqualTo(n);
        assertThat(a.getString("auditedOn")).isEqualTo(on.toString());
        assertThat(a.getString("result")).isEqualTo("PASSED_WITH_FINDINGS");
        assertThat(a.getString("notes")).isEqualTo("两项轻微不符合，已限期整改\n复查通过");

        JsonPath after = certificate(n);
        assertThat(after.getInt("surveillance.audits")).isEqualTo(1);
        assertThat(after.getString("surveillance.lastAudit")).isEqualTo(on.toString());
        assertThat(after.getString("surveillance.lastResult")).isEqualTo("PASSED_WITH_FINDINGS");
        assertThat(after.getString("surveillance.nextDue")).isEqualTo(on.plusMonths(12).toString());
        // An audit is no status change: nothing is signed or logged for it.
        assertThat(after.getList("history")).hasSameSizeAs(before.getList("history"));
        assertThat(after.getString("status")).isEqualTo("VALID");

        // An earlier audit entered late counts, and leaves the latest one the latest.
        audit(i.token(), n, audit(issue.plusDays(10), "PASSED", null)).then().statusCode(201);
        JsonPath later = certificate(n);
        assertThat(later.getInt("surveillance.audits")).isEqualTo(2);
        assertThat(later.getString("surveillance.lastAudit")).isEqualTo(on.toString());
        assertThat(later.getString("surveillance.lastResult")).isEqualTo("PASSED_WITH_FINDINGS");

        JsonPath list = as(i.token()).get("/api/v1/certificates/" + n + "/audits").then().statusCode(200).extract().jsonPath();
        assertThat(list.getLong("total")).isEqualTo(2);
        assertThat(list.getList("items.auditedOn")).containsExactly(on.toString(), issue.plusDays(10).toString());
        assertThat(list.getString("items[1].notes")).isNull();
        authority().get("/api/v1/certificates/" + n + "/audits").then().statusCode(200).body("total", equalTo(2));
        as(i.token()).get("/api/v1/certificates/" + n + "/audits?size=1&page=1").then().statusCode(200)
                .body("items.auditedOn", equalTo(List.of(issue.plusDays(10).toString())));
    }

    @Test
    void dueTodayIsOnTimeAndDueYesterdayIsOverdue() {
        Api.Issuer i = Api.newIssuer();
        Period year = Period.ofMonths(12);
        String dueToday = issued(i, issuedForDue(today(), year));
        String dueYesterday = issued(i, issuedForDue(today().minusDays(1), year));
        JsonPath t = certificate(dueToday);
        assertThat(t.getString("surveillance.nextDue")).isEqualTo(today().toString());
        assertThat(t.getBoolean("surveillance.overdue")).isFalse();
        JsonPath y = certificate(dueYesterday);
        assertThat(y.getString("surveillance.nextDue")).isEqualTo(today().minusDays(1).toString());
        assertThat(y.getBoolean("surveillance.overdue")).isTrue();

        // An audit today puts the overdue one back on time.
        audit(i.token(), dueYesterday, audit(today(), "PASSED", null)).then().statusCode(201);
        JsonPath audited = certificate(dueYesterday);
        assertThat(audited.getBoolean("surveillance.overdue")).isFalse();
        assertThat(audited.getString("surveillance.nextDue")).isEqualTo(today().plusMonths(12).toString());
    }

    private static boolean svsixMade;

    /** The body SVSIX, whose scheme audits every six months (%test.szmark.surveillance.schemes.SVSIX.interval). */
    static synchronized Api.Issuer sixMonthly() {
        if (!svsixMade) {
            authority().body(Map.of("code", "SVSIX", "nameZh", "半年监督认证机构", "approvalNumber",
                    Api.nextBodyIdentity().approvalNumber())).post("/api/v1/bodies").then().statusCode(201);
            svsixMade = true;
        }
        String token = authority().body(Map.of("name", "certifier of SVSIX")).post("/api/v1/bodies/SVSIX/accounts")
                .then().statusCode(201).extract().path("token");
        String holder = Api.newEnterprise();
        Api.newProduct(holder, "M-1");
        return new Api.Issuer("SVSIX", token, holder, "M-1", Api.newEligibleStandard());
    }

    @Test
    void aBodysSchemeSetsItsOwnInterval() {
        Api.Issuer six = sixMonthly();
        Api.Issuer other = Api.newIssuer();
        LocalDate issue = today().minusMonths(7);
        String underSix = issued(six, issue);
        String underDefault = issued(other, issue);
        JsonPath s = certificate(underSix);
        assertThat(s.getString("surveillance.nextDue")).isEqualTo(issue.plusMonths(6).toString());
        assertThat(s.getBoolean("surveillance.overdue")).isTrue();
        JsonPath d = certificate(underDefault);
        assertThat(d.getString("surveillance.nextDue")).isEqualTo(issue.plusMonths(12).toString());
        assertThat(d.getBoolean("surveillance.overdue")).isFalse();

        JsonPath dashboard = as(six.token()).get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(dashboard.getString("auditsDue.interval")).isEqualTo("P6M");
        assertThat(dashboard.getList("auditsDue.items.certificate.number", String.class)).contains(underSix);
        as(other.token()).get("/api/v1/dashboard").then().statusCode(200).body("auditsDue.interval", equalTo("P12M"))
                .body("auditsDue.total", equalTo(0));
    }

    @Test
    void onlyTheIssuingBodysCertifiersRecordAndOnlyTheyAndTheAuthorityRead() {
        Api.Issuer i = Api.newIssuer();
        Api.Issuer other = Api.newIssuer();
        String n = issued(i, today().minusMonths(2));
        Map<String, Object> ok = audit(today(), "PASSED", null);
        audit(other.token(), n, ok).then().statusCode(404).body("type", equalTo("urn:szmark:problem:not-found"));
        as(other.token()).get("/api/v1/certificates/" + n + "/audits").then().statusCode(404);
        audit(Api.AUTHORITY_TOKEN, n, ok).then().statusCode(403);
        String holderToken = Api.enterpriseToken(i.holder());
        audit(holderToken, n, ok).then().statusCode(403);
        as(holderToken).get("/api/v1/certificates/" + n + "/audits").then().statusCode(403);
        anonymous().body(ok).post("/api/v1/certificates/" + n + "/audits").then().statusCode(401);
        anonymous().get("/api/v1/certificates/" + n + "/audits").then().statusCode(401);
        audit(i.token(), "SZBZ-NONE-2020-00001", ok).then().statusCode(404);
        assertThat(certificate(n).getInt("surveillance.audits")).isZero();

        as(other.token()).get("/api/v1/bodies/" + i.body() + "/dashboard").then().statusCode(403)
                .body("type", equalTo("urn:szmark:problem:owner-only"));
        as(i.token()).get("/api/v1/bodies/" + i.body() + "/dashboard").then().statusCode(200).body("body", equalTo(i.body()));
        authority().get("/api/v1/bodies/" + i.body() + "/dashboard").then().statusCode(200);
        authority().get("/api/v1/bodies/NOSUCH1/dashboard").then().statusCode(404);
        as(holderToken).get("/api/v1/bodies/" + i.body() + "/dashboard").then().statusCode(403);
        anonymous().get("/api/v1/bodies/" + i.body() + "/dashboard").then().statusCode(401);
        // Certifiers see only their own body's candidates.
        assertThat(as(other.token()).get("/api/v1/surveillance/candidates").then().statusCode(200).extract()
                .jsonPath().getString("body")).isEqualTo(other.body());
    }

    @Test
    void auditsOfEndedCertificatesAreRefused() {
        Api.Issuer i = Api.newIssuer();
        String revoked = i.issue();
        as(i.token()).body(Api.statusReason("revoke")).post("/api/v1/certificates/" + revoked + "/revoke").then().statusCode(200);
        String cancelled = i.issue();
        as(i.token()).body(Api.statusReason("cancel")).post("/api/v1/certificates/" + cancelled + "/cancel").then().statusCode(200);
        String expired = issued(i, today().minusYears(4));
        for (String n : List.of(revoked, cancelled, expired)) {
            audit(i.token(), n, audit(today(), "PASSED", null)).then().statusCode(409)
                    .body("type", equalTo("urn:szmark:problem:certificate-ended"));
            JsonPath c = certificate(n);
            assertThat(c.getInt("surveillance.audits")).isZero();
            assertThat(c.getString("surveillance.nextDue")).as("an ended certificate has no due date").isNull();
            assertThat(c.getBoolean("surveillance.overdue")).isFalse();
        }
        // A suspended certificate is still surveilled: an audit is how a correction is checked.
        String suspended = i.issue();
        as(i.token()).body(Api.statusReason("suspend")).post("/api/v1/certificates/" + suspended + "/suspend").then().statusCode(200);
        audit(i.token(), suspended, audit(today(), "PASSED", null)).then().statusCode(201);
    }

    @Test
    void badAuditsAreRefusedAndWriteNothing() {
        Api.Issuer i = Api.newIssuer();
        LocalDate issue = today().minusMonths(3);
        String n = issued(i, issue);
        audit(i.token(), n, audit(today().plusDays(1), "PASSED", null)).then().statusCode(400)
                .body("errors[0].field", equalTo("auditedOn")).body("detail", containsString("future"));
        audit(i.token(), n, audit(issue.minusDays(1), "PASSED", null)).then().statusCode(400)
                .body("errors[0].field", equalTo("auditedOn")).body("detail", containsString(issue.toString()));
        audit(i.token(), n, audit(today(), "EXCELLENT", null)).then().statusCode(400);
        audit(i.token(), n, Map.of("auditedOn", "2026-13-01", "result", "PASSED")).then().statusCode(400);
        audit(i.token(), n, Map.of("auditedOn", "yesterday", "result", "PASSED")).then().statusCode(400);
        audit(i.token(), n, Map.of("result", "PASSED")).then().statusCode(400).body("errors[0].field", equalTo("auditedOn"));
        audit(i.token(), n, Map.of("auditedOn", today().toString())).then().statusCode(400).body("errors[0].field", equalTo("result"));
        audit(i.token(), n, audit(today(), "PASSED", "x".repeat(2001))).then().statusCode(400)
                .body("errors[0].field", equalTo("notes"));
        audit(i.token(), n, audit(today(), "PASSED", "整改\u202E完成")).then().statusCode(400);
        Map<String, Object> extra = audit(today(), "PASSED", null);
        extra.put("auditor", "someone");
        audit(i.token(), n, extra).then().statusCode(400);
        as(i.token()).body("{\"auditedOn\": ").post("/api/v1/certificates/" + n + "/audits").then().statusCode(400);
        as(i.token()).body("[]").post("/api/v1/certificates/" + n + "/audits").then().statusCode(400);
        JsonPath c = certificate(n);
        assertThat(c.getInt("surveillance.audits")).isZero();
        as(i.token()).get("/api/v1/certificates/" + n + "/audits").then().statusCode(200).body("total", equalTo(0));

        // The longest notes are kept whole; a second audit on the same day is a conflict.
        audit(i.token(), n, audit(today(), "FAILED", "监".repeat(2000))).then().statusCode(201);
        audit(i.token(), n, audit(today(), "PASSED", null)).then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:duplicate-audit"));
        JsonPath after = certificate(n);
        assertThat(after.getInt("surveillance.audits")).isEqualTo(1);
        assertThat(after.getString("surveillance.lastResult")).isEqualTo("FAILED");
        // A failed audit changes no status by itself.
        assertThat(after.getString("status")).isEqualTo("VALID");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswer() {
        Api.Issuer i = Api.newIssuer();
        String n = issued(i, today().minusMonths(5));
        Map<String, Object> body = audit(today(), "PASSED", "复查");
        long first = ((Number) as(i.token()).header("Idempotency-Key", "audit-" + n).body(body)
                .post("/api/v1/certificates/" + n + "/audits").then().statusCode(201).extract().path("id")).longValue();
        long again = ((Number) as(i.token()).header("Idempotency-Key", "audit-" + n).body(body)
                .post("/api/v1/certificates/" + n + "/audits").then().statusCode(201).extract().path("id")).longValue();
        assertThat(again).isEqualTo(first);
        as(i.token()).header("Idempotency-Key", "audit-" + n).body(audit(today().minusDays(1), "PASSED", null))
                .post("/api/v1/certificates/" + n + "/audits").then().statusCode(409)
                .body("type", equalTo("urn:szmark:problem:idempotency-key-reused"));
        assertThat(certificate(n).getInt("surveillance.audits")).isEqualTo(1);
    }

    @Test
    void aSuspendedBodyRecordsNoAudits() {
        Api.Issuer i = Api.newIssuer();
        String n = issued(i, today().minusMonths(5));
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督抽查发现问题"))
                .post("/api/v1/bodies/" + i.body() + "/status").then().statusCode(200);
        audit(i.token(), n, audit(today(), "PASSED", null)).then().statusCode(403)
                .body("type", equalTo("urn:szmark:problem:body-not-active"));
        assertThat(certificate(n).getInt("surveillance.audits")).isZero();
    }
}
