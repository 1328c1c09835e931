package org.szmark.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** Public pages in both languages: names, statuses, reasons and errors in the page's words. */
@QuarkusTest
class PublicPagesTest {

    private static String html(String path) {
        return given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void englishPagesShowEnglishNamesAndChinesePagesChineseOnes() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String en = html("/search?q=" + n + "&lang=en");
        assertThat(en).contains(">Test Co " + i.holder() + "</a>").contains("?lang=en\">" + n + "</a>");
        String zh = html("/search?q=" + n + "&lang=zh");
        assertThat(zh).contains(">深圳测试企业" + i.holder() + "</a>").contains("?lang=zh\">" + n + "</a>");
        assertThat(html("/e/" + i.holder() + "?lang=en")).contains("<h1 id=\"enterprise-name\">Test Co " + i.holder() + "</h1>");
        assertThat(html("/bodies?lang=en")).contains("Test body " + i.body() + " <span class=\"muted\">测试认证机构" + i.body());
    }

    @Test
    void bodyStatusesAreTranslatedAndColouredByWhatTheyMean() {
        Api.Issuer i = Api.newIssuer();
        String active = html("/bodies?lang=zh");
        assertThat(active).contains("<span class=\"status body-status-ACTIVE\" id=\"status-" + i.body() + "\">正常</span>");
        authority().body(Map.of("status", "SUSPENDED", "reason", "监督检查")).post("/api/v1/bodies/" + i.body() + "/status")
                .then().statusCode(200);
        try {
            assertThat(html("/bodies?lang=en")).contains("<span class=\"status body-status-SUSPENDED\" id=\"status-" + i.body()
                    + "\">suspended</span>");
            assertThat(html("/bodies?lang=zh")).contains("id=\"status-" + i.body() + "\">已暂停</span>");
        } finally {
            authority().body(Map.of("status", "ACTIVE", "reason", "整改完成")).post("/api/v1/bodies/" + i.body() + "/status")
                    .then().statusCode(200);
        }
        // every body's status badge is a translated word, never the raw status (other tests' bodies included)
        Matcher badges = Pattern.compile("<span class=\"status body-status-([A-Z]+)\" id=\"status-[^\"]+\">([^<]+)</span>")
                .matcher(html("/bodies?lang=zh"));
        int seen = 0;
        while (badges.find()) {
            seen++;
            assertThat(badges.group(2)).isIn("正常", "已暂停", "已撤销批准");
        }
        assertThat(seen).isPositive();
    }

    @Test
    void noticesGiveTheirReasonInWordsNotCodes() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        as(i.token()).body(Map.of("reasonCode", "SPOT_CHECK_FAILED")).post("/api/v1/certificates/" + n + "/suspend")
                .then().statusCode(200);
        String zh = html("/notices?body=" + i.body() + "&lang=zh");
        assertThat(zh).contains("监督抽查不合格").doesNotContain("SPOT_CHECK_FAILED");
        assertThat(html("/notices?body=" + i.body() + "&lang=en")).contains("A spot check was failed");
    }

    @Test
    void theLandingPageSearchesAndStatisticsCountChangesByTheirDate() {
        assertThat(html("/?lang=zh")).contains("id=\"landing-search\"").contains("action=\"/search\"");
        Api.Issuer i = Api.newIssuer();
        String before = html("/stats?lang=en");
        long changes = monthCount(before, "chart-changes", YearMonth.now().toString());
        // a certificate issued today with an issue date four years back counts as today's change, not in its issue month
        Map<String, Object> old = i.request();
        old.put("issueDate", LocalDate.now().minusYears(4).withDayOfMonth(1).toString());
        as(i.token()).body(old).post("/api/v1/certificates").then().statusCode(201);
        String after = html("/stats?lang=en");
        assertThat(monthCount(after, "chart-changes", YearMonth.now().toString())).isEqualTo(changes + 1);
        assertThat(after).contains("<ol class=\"bars\"").doesNotContain("<svg");
    }

    /** The value of one bar of a chart, by its label. */
    private static long monthCount(String page, String chart, String label) {
        int at = page.indexOf("id=\"" + chart + "\"");
        assertThat(at).as(chart).isPositive();
        Matcher m = Pattern.compile("<span class=\"bar-label\">" + Pattern.quote(label)
                + "</span>.*?<span class=\"bar-value\">(\\d+)</span>").matcher(page.substring(at));
        assertThat(m.find()).as(label + " in " + chart).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void browsersGetErrorPagesAndProgramsProblemDocuments() {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").header("Accept-Language", "zh-CN").get("/no/such/page")
                .then().statusCode(404).contentType(containsString("text/html")).body(containsString("页面不存在"))
                .body(containsString("action=\"/search\""));
        given().accept("text/html").get("/search?page=abc&lang=en").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("Bad request"));
        given().accept("application/json").get("/api/v1/no/such/page").then().statusCode(404)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.equalTo("urn:szmark:problem:not-found"));
        // the API answers problem documents even to a browser
        given().accept("text/html,*/*;q=0.8").get("/api/v1/certificates/NO-SUCH-NUMBER").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
