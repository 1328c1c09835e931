package org.szmark.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.as;
import static org.szmark.surveillance.SurveillanceTest.certificate;
import static org.szmark.surveillance.SurveillanceTest.issued;
import static org.szmark.surveillance.SurveillanceTest.issuedForDue;
import static org.szmark.surveillance.SurveillanceTest.today;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** The body dashboard, and the scheme rules' actions: offered by one call, applied only by another. */
@QuarkusTest
class SchemeActionsTest {

    static final Period YEAR = Period.ofMonths(12);

    /** Suspends {@code n} from {@code from} to its last day {@code until}. */
    static void suspend(Api.Issuer i, String n, LocalDate from, LocalDate until) {
        Map<String, Object> r = new HashMap<>(Map.of("reasonCode", "CORRECTABLE_NONCONFORMITY", "reasonText", "不符合项待整改"));
        r.put("effectiveAt", from.atStartOfDay().atOffset(ZoneOffset.UTC).toString());
        r.put("suspendedUntil", until.toString());
        as(i.token()).body(r).post("/api/v1/certificates/" + n + "/suspend").then().statusCode(200);
    }

    static JsonPath apply(Api.Issuer i, Object... numberAndAction) {
        List<Map<String, String>> actions = new ArrayList<>();
        for (int k = 0; k < numberAndAction.length; k += 2) {
            actions.add(Map.of("certificate", (String) numberAndAction[k], "action", (String) numberAndAction[k + 1]));
        }
        return as(i.token()).body(Map.of("actions", actions)).post("/api/v1/surveillance/actions")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theDashboardCountsAndListsWhatNeedsTheBody() {
        Api.Issuer i = Api.newIssuer();
        LocalDate today = today();
        String valid = issued(i, today.minusMonths(2));
        String revoked = i.issue();
        as(i.token()).body(Api.statusReason("revoke")).post("/api/v1/certificates/" + revoked + "/revoke").then().statusCode(200);
        String cancelled = i.issue();
        as(i.token()).body(Api.statusReason("cancel")).post("/api/v1/certificates/" + cancelled + "/cancel").then().statusCode(200);
        issued(i, today.minusYears(4));
        // Due dates around the 30-day window, and one overdue by a day.
        String overdue = issued(i, issuedForDue(today.minusDays(1), YEAR));
        String dueToday = issued(i, issuedForDue(today, YEAR));
        String dueIn30 = issued(i, issuedForDue(today.plusDays(30), YEAR));
        String dueIn31 = issued(i, issuedForDue(today.plusDays(31), YEAR));
        // Suspensions: last day today (ends, not ended), in 14 and 15 days, and yesterday (ended).
        LocalDate start = today.minusMonths(3);
        String endsToday = issued(i, today.minusMonths(4));
        suspend(i, endsToday, start, today);
        String endsIn14 = issued(i, today.minusMonths(4));
        suspend(i, endsIn14, start, today.plusDays(14));
        String endsIn15 = issued(i, today.minusMonths(4));
        suspend(i, endsIn15, start, today.plusDays(15));
        String ended = issued(i, today.minusMonths(4));
        suspend(i, ended, start, today.minusDays(1));

        JsonPath d = as(i.token()).get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("body")).isEqualTo(i.body());
        assertThat(d.getString("asOf")).isEqualTo(today.toString());
        assertThat(d.getMap("certificatesByStatus")).isEqualTo(Map.of("VALID", 5, "SUSPENDED", 4, "REVOKED", 1,
                "CANCELLED", 1, "EXPIRED", 1));
        assertThat(d.getInt("auditsDue.withinDays")).isEqualTo(30);
        assertThat(d.getList("auditsDue.items.certificate.number")).containsExactly(overdue, dueToday, dueIn30);
        assertThat(d.getList("auditsDue.items.overdue")).containsExactly(true, false, false);
        assertThat(d.getString("auditsDue.items[2].nextDue")).isEqualTo(today.plusDays(30).toString());
        assertThat(d.getString("auditsDue.items[0].certificate.holderCreditCode")).isEqualTo(i.holder());
        assertThat(d.getInt("auditsDue.total")).isEqualTo(3);
        assertThat(d.getInt("auditsDue.overdue")).isEqualTo(1);
        assertThat(d.getList("suspensionsEnding.items.certificate.number")).containsExactly(endsToday, endsIn14);
        assertThat(d.getString("suspensionsEnding.items[1].suspendedUntil")).isEqualTo(today.plusDays(14).toString());
        assertThat(d.getList("suspensionsEnded.items.certificate.number")).containsExactly(ended);
        assertThat(d.getString("suspensionsEnded.items[0].reasonCode")).isEqualTo("CORRECTABLE_NONCONFORMITY");
        assertThat(d.getList("auditsDue.items.certificate.number")).doesNotContain(valid, dueIn31);

        // Windows from the query; the authority reads the same under the body's path.
        JsonPath narrow = Api.authority().get("/api/v1/bodies/" + i.body() + "/dashboard?dueWithinDays=0&suspensionEndsWithinDays=15&limit=1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(narrow.getList("auditsDue.items.certificate.number")).containsExactly(overdue);
        assertThat(narrow.getInt("auditsDue.total")).isEqualTo(2);
        assertThat(narrow.getInt("suspensionsEnding.total")).isEqualTo(3);
        assertThat(narrow.getList("suspensionsEnding.items")).hasSize(1);
        for (String bad : List.of("dueWithinDays=-1", "dueWithinDays=367", "suspensionEndsWithinDays=x", "limit=0",
                "limit=201", "dueWithinDays=1e3")) {
            as(i.token()).get("/api/v1/dashboard?" + bad).then().statusCode(400)
                    .body("errors[0].field", equalTo(bad.substring(0, bad.indexOf('='))));
        }
    }

    @Test
    void candidatesAreOfferedAndNothingChangesUntilTheyAreApplied() {
        Api.Issuer i = Api.newIssuer();
        LocalDate today = today();
        String overdue = issued(i, issuedForDue(today.minusDays(1), YEAR));
        String onTime = issued(i, issuedForDue(today, YEAR));
        String ended = issued(i, today.minusMonths(4));
        suspend(i, ended, today.minusMonths(3), today.minusDays(1));
        String endsToday = issued(i, today.minusMonths(4));
        suspend(i, endsToday, today.minusMonths(3), today);
        // Overdue but suspended: a suspension is no candidate for another one.
        String overdueSuspended = issued(i, issuedForDue(today.minusDays(5), YEAR));
        suspend(i, overdueSuspended, today.minusDays(2), today.plusDays(30));

        Map<String, Integer> histories = new HashMap<>();
        for (String n : List.of(overdue, onTime, ended, endsToday, overdueSuspended)) histories.put(n, certificate(n).getList("history").size());
        for (int k = 0; k < 2; k++) {
            JsonPath c = as(i.token()).get("/api/v1/surveillance/candidates").then().statusCode(200).extract().jsonPath();
            assertThat(c.getList("suspend.items.certificate.number")).containsExactly(overdue);
            assertThat(c.getString("suspend.items[0].action")).isEqualTo("SUSPEND");
            assertThat(c.getString("suspend.items[0].reasonCode")).isEqualTo("SURVEILLANCE_OVERDUE");
            assertThat(c.getString("suspend.items[0].nextDue")).isEqualTo(today.minusDays(1).toString());
            assertThat(c.getList("revoke.items.certificate.number")).containsExactly(ended);
            assertThat(c.getString("revoke.items[0].reasonCode")).isEqualTo("NOT_CORRECTED");
            assertThat(c.getInt("suspend.total") + c.getInt("revoke.total")).isEqualTo(2);
            as(i.token()).get("/api/v1/dashboard").then().statusCode(200);
        }
        // Listing candidates and reading the dashboard changed nothing.
        histories.forEach((n, size) -> assertThat(certificate(n).getList("history")).as(n).hasSize(size));
        assertThat(certificate(overdue).getString("status")).isEqualTo("VALID");
        assertThat(certificate(ended).getString("status")).isEqualTo("SUSPENDED");

        JsonPath r = apply(i, overdue, "SUSPEND", ended, "REVOKE", onTime, "SUSPEND", endsToday, "REVOKE",
                overdueSuspended, "SUSPEND");
        assertThat(r.getInt("applied")).isEqualTo(2);
        assertThat(r.getInt("skipped")).isEqualTo(3);
        assertThat(r.getList("results.outcome")).containsExactly("APPLIED", "APPLIED", "SKIPPED", "SKIPPED", "SKIPPED");
        assertThat(r.getString("results[2].detail")).contains("not overdue");
        assertThat(r.getString("results[3].detail")).contains("lasts until " + today);
        assertThat(r.getString("results[4].detail")).contains("SUSPENDED, not VALID");

        JsonPath s = certificate(overdue);
        assertThat(s.getString("status")).isEqualTo("SUSPENDED");
        assertThat(s.getString("statusReason.code")).isEqualTo("SURVEILLANCE_OVERDUE");
        assertThat(s.getString("statusReason.text")).contains(today.minusDays(1).toString());
        assertThat(s.getList("history")).hasSize(histories.get(overdue) + 1);
        // The ordinary status change: signed and logged like any other.
        assertThat(s.getString("history[-1].signed.signature")).isNotBlank();
        assertThat(s.getString("history[-1].event")).isEqualTo("SUSPENDED");
        JsonPath v = certificate(ended);
        assertThat(v.getString("status")).isEqualTo("REVOKED");
        assertThat(v.getString("statusReason.code")).isEqualTo("NOT_CORRECTED");
        assertThat(v.getString("history[-1].event")).isEqualTo("REVOKED");
        assertThat(v.getLong("logIndex")).isNotNull();
        Api.anonymous().get("/api/v1/notices?body=" + i.body()).then().statusCode(200);

        // Sending it again applies nothing twice.
        JsonPath again = apply(i, overdue, "SUSPEND", ended, "REVOKE");
        assertThat(again.getList("results.outcome")).containsExactly("SKIPPED", "SKIPPED");
        assertThat(certificate(overdue).getList("history")).hasSize(histories.get(overdue) + 1);
        as(i.token()).get("/api/v1/surveillance/candidates").then().statusCode(200)
                .body("suspend.total", equalTo(0)).body("revoke.total", equalTo(0));
    }

    @Test
    void anAuditOrReinstatementSinceTheListWins() {
        Api.Issuer i = Api.newIssuer();
        LocalDate today = today();
        String overdue = issued(i, issuedForDue(today.minusDays(10), YEAR));
        String ended = issued(i, today.minusMonths(4));
        suspend(i, ended, today.minusMonths(3), today.minusDays(1));
        JsonPath c = as(i.token()).get("/api/v1/surveillance/candidates").then().statusCode(200).extract().jsonPath();
        assertThat(c.getList("suspend.items.certificate.number")).contains(overdue);
        assertThat(c.getList("revoke.items.certificate.number")).contains(ended);

        SurveillanceTest.audit(i.token(), overdue, SurveillanceTest.audit(today, "PASSED", null)).then().statusCode(201);
        as(i.token()).body(Api.statusReason("reinstate")).post("/api/v1/certificates/" + ended + "/reinstate").then().statusCode(200);

        JsonPath r = apply(i, overdue, "SUSPEND", ended, "REVOKE");
        assertThat(r.getList("results.outcome")).containsExactly("SKIPPED", "SKIPPED");
        assertThat(r.getList("results.status")).containsExactly("VALID", "VALID");
        assertThat(certificate(overdue).getString("status")).isEqualTo("VALID");
        assertThat(certificate(ended).getString("status")).isEqualTo("VALID");
    }

    /**
     * Reinstatements and the revocations of the same ended suspensions, sent at once: the certificate's lock
     * orders each pair, and whichever comes second sees the other's result. Never both, never an error.
     */
    @Test
    void applyRacingAReinstatementEndsOneWayOrTheOther() throws Exception {
        Api.Issuer i = Api.newIssuer();
        LocalDate today = today();
        List<String> numbers = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            String n = issued(i, today.minusMonths(4));
            suspend(i, n, today.minusMonths(3), today.minusDays(1 + k));
            numbers.add(n);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> reinstated = new ArrayList<>();
        List<Future<String>> applied = new ArrayList<>();
        for (String n : numbers) {
            Callable<Integer> reinstate = () -> {
                go.await();
                return as(i.token()).body(Api.statusReason("reinstate")).post("/api/v1/certificates/" + n + "/reinstate").statusCode();
            };
            Callable<String> revoke = () -> {
                go.await();
                return apply(i, n, "REVOKE").getString("results[0].outcome");
            };
            reinstated.add(pool.submit(reinstate));
            applied.add(pool.submit(revoke));
        }
        go.countDown();
        for (int k = 0; k < numbers.size(); k++) {
            int status = reinstated.get(k).get();
            String outcome = applied.get(k).get();
            JsonPath c = certificate(numbers.get(k));
            if (status == 200) {
                assertThat(outcome).as(numbers.get(k)).isEqualTo("SKIPPED");
                assertThat(c.getString("status")).isEqualTo("VALID");
            } else {
                assertThat(status).as(numbers.get(k)).isEqualTo(409);
                assertThat(outcome).as(numbers.get(k)).isEqualTo("APPLIED");
                assertThat(c.getString("status")).isEqualTo("REVOKED");
            }
            // Issued, suspended, then exactly one of the two.
            assertThat(c.getList("history")).hasSize(3);
        }
        pool.shutdown();
    }

    @Test
    void badOrForeignActionsAreRefusedItemByItemOrWhole() {
        Api.Issuer i = Api.newIssuer();
        Api.Issuer other = Api.newIssuer();
        String foreign = issued(other, issuedForDue(today().minusDays(3), YEAR));
        JsonPath r = apply(i, foreign, "SUSPEND", "SZBZ-NONE-2020-00001", "REVOKE");
        assertThat(r.getList("results.outcome")).containsExactly("REFUSED", "REFUSED");
        assertThat(r.getInt("refused")).isEqualTo(2);
        assertThat(r.getInt("results[0].problem.status")).isEqualTo(404);
        assertThat(r.getString("results[0].problem.type")).isEqualTo("urn:szmark:problem:not-found");
        assertThat(certificate(foreign).getString("status")).isEqualTo("VALID");

        for (Object bad : List.of(Map.of(), Map.of("actions", List.of()),
                Map.of("actions", List.of(Map.of("certificate", foreign, "action", "CANCEL"))),
                Map.of("actions", List.of(Map.of("action", "SUSPEND"))),
                Map.of("actions", List.of(Map.of("certificate", foreign))),
                Map.of("actions", List.of(Map.of("certificate", "", "action", "SUSPEND"))),
                Map.of("actions", List.of(Map.of("certificate", foreign, "action", "SUSPEND")), "reasonText", "x".repeat(1001)),
                Map.of("actions", List.of(Map.of("certificate", foreign, "action", "SUSPEND")), "extra", 1))) {
            as(i.token()).body(bad).post("/api/v1/surveillance/actions").then().statusCode(400);
        }
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int k = 0; k < 1001; k++) tooMany.add(Map.of("certificate", foreign, "action", "SUSPEND"));
        as(i.token()).body(Map.of("actions", tooMany)).post("/api/v1/surveillance/actions").then().statusCode(400)
                .body("errors[0].field", equalTo("actions"));
        assertThat(certificate(foreign).getString("status")).isEqualTo("VALID");

        // A withdrawn body's certifiers change nothing, item by item.
        String own = issued(i, issuedForDue(today().minusDays(3), YEAR));
        Api.authority().body(Map.of("status", "WITHDRAWN", "reason", "撤销批准")).post("/api/v1/bodies/" + i.body() + "/status")
                .then().statusCode(200);
        JsonPath w = as(i.token()).body(Map.of("actions", List.of(Map.of("certificate", own, "action", "SUSPEND"))))
                .post("/api/v1/surveillance/actions").then().statusCode(200).extract().jsonPath();
        assertThat(w.getString("results[0].outcome")).isEqualTo("REFUSED");
        assertThat(w.getString("results[0].problem.type")).isEqualTo("urn:szmark:problem:body-not-active");
        assertThat(certificate(own).getString("status")).isEqualTo("VALID");
    }

    @Test
    void aGivenReasonTextGoesIntoTheSignedEvent() {
        Api.Issuer i = Api.newIssuer();
        String overdue = issued(i, issuedForDue(today().minusDays(2), YEAR));
        as(i.token()).body(Map.of("actions", List.of(Map.of("certificate", overdue, "action", "SUSPEND")),
                        "reasonText", "年度监督未按期进行\n已通知获证组织"))
                .post("/api/v1/surveillance/actions").then().statusCode(200).body("applied", equalTo(1));
        JsonPath c = certificate(overdue);
        assertThat(c.getString("statusReason.text")).isEqualTo("年度监督未按期进行\n已通知获证组织");
        assertThat(c.getString("history[-1].reasonText")).isEqualTo("年度监督未按期进行\n已通知获证组织");
    }
}
