package org.szmark.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import java.util.function.Predicate;
import org.szmark.imports.ImportTestFiles;
import org.szmark.support.Api;
import org.szmark.support.Browser;

/**
 * A body's staff member at work in Chromium, as a person would: signs in, issues a certificate through the form,
 * suspends it with a reason and sees its verification page say so, renews another, imports a 500-row file (dry run,
 * import, the same file again: nothing new) and downloads the error report of a file with bad rows. An enterprise's
 * staff and another body's staff can neither see nor post to these pages.
 */
@QuarkusTest
class ConsoleBrowserTest {

    static final String PASSWORD = "correct horse battery staple";

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    private static long bodyIdOf(String certifierToken) {
        return ((Number) as(certifierToken).get("/api/v1/accounts/me").then().statusCode(200).extract().path("bodyId")).longValue();
    }

    /** A staff user with a password set through the link the authority's API gave. */
    static String staff(String role, Long bodyId, Long enterpriseId) {
        String name = "c" + Api.uniqueSuffix().toLowerCase().replaceAll("[^a-z0-9]", "");
        Map<String, Object> body = new HashMap<>();
        body.put("userName", name);
        body.put("name", "测试人员 " + name);
        body.put("role", role);
        if (bodyId != null) body.put("bodyId", bodyId);
        if (enterpriseId != null) body.put("enterpriseId", enterpriseId);
        body.put("admin", false);
        String link = Api.authority().body(body).post("/api/v1/staff").then().statusCode(201).extract().path("passwordLink");
        String token = link.substring(link.indexOf("token=") + 6);
        String page = given().queryParam("token", token).get("/sign-in/password").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        given().contentType("application/x-www-form-urlencoded").formParam("token", token).formParam("csrf-token", m.group(1))
                .formParam("password", PASSWORD).formParam("repeat", PASSWORD).post("/sign-in/password").then().statusCode(200);
        return name;
    }

    private void signIn(ChromeDriver d, String user) {
        d.manage().deleteAllCookies();
        d.get(base + "sign-in?lang=en");
        d.findElement(By.id("j_username")).sendKeys(user);
        d.findElement(By.id("j_password")).sendKeys(PASSWORD);
        d.findElement(By.id("sign-in-submit")).click();
    }

    /** Waits up to a minute for the page to be what the condition says. */
    private static void until(ChromeDriver d, Predicate<ChromeDriver> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (condition.test(d)) return;
            } catch (org.openqa.selenium.WebDriverException retry) {
                // the page was being replaced; look again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("page did not get there: " + d.getCurrentUrl() + "\n" + d.getPageSource());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void select(ChromeDriver d, String id, String value) {
        WebElement e = d.findElement(By.id(id));
        setValue(d, e, value);
        assertThat(e.getAttribute("value")).as(id).isEqualTo(value);
    }

    private static void setValue(ChromeDriver d, WebElement e, String value) {
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1];", e, value);
    }

    /**
     * Keeps what the page looks like now in target/screenshots (docs/console.md shows some of them), so a change of
     * a console page can be looked at after a run.
     */
    private static void shot(ChromeDriver d, String name) throws java.io.IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("console-" + name + ".png"), d.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static String sessionCookie(ChromeDriver d) {
        return d.manage().getCookieNamed("quarkus-credential").getValue();
    }

    private String importFile(ChromeDriver d, Path file, boolean dryRun) {
        d.get(base + "console/import?lang=en");
        d.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        WebElement dry = d.findElement(By.id("dryRun"));
        if (dry.isSelected() != dryRun) dry.click();
        d.findElement(By.id("send-file")).click();
        until(d, x -> {
            String s = x.findElement(By.id("job-status")).getAttribute("data-status");
            return !s.equals("QUEUED") && !s.equals("RUNNING");
        });
        return d.getCurrentUrl();
    }

    @Test
    void aBodysStaffIssuesSuspendsRenewsAndImportsThroughTheConsole() throws Exception {
        Api.Issuer i = Api.newIssuer();
        long bodyId = bodyIdOf(i.token());
        String user = staff("CERTIFIER", bodyId, null);
        ChromeDriver d = Browser.open(1280, 900, "en");
        Path dir = Files.createTempDirectory("console-import");
        try {
            d.get(base + "sign-in?lang=en");
            shot(d, "sign-in");
            signIn(d, user);
            until(d, x -> x.getCurrentUrl().endsWith("/console") || x.getCurrentUrl().contains("/console?"));
            assertThat(d.findElement(By.id("signed-in-user")).getText()).contains(user);

            // issue through the form
            d.get(base + "console/issue?lang=en");
            d.findElement(By.id("holder")).sendKeys(i.holder());
            d.findElement(By.id("productModel")).sendKeys(i.model());
            select(d, "standard", i.standard());
            d.findElement(By.id("scope")).sendKeys("儿童智能手表的设计和生产");
            d.findElement(By.id("certificationMode")).sendKeys("型式试验");
            d.findElement(By.id("siteAddress")).sendKeys("深圳市宝安区福永街道 1 号");
            shot(d, "issue");
            d.findElement(By.id("do-issue")).click();
            until(d, x -> !x.findElements(By.id("signed-event")).isEmpty());
            String number = d.findElement(By.cssSelector("h1")).getText().replaceAll(".*(SZBZ-[A-Z0-9-]+).*", "$1");
            assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getString("status")).isEqualTo("VALID");

            // suspend it with a reason, confirmed
            d.findElement(By.id("action-suspend")).click();
            assertThat(d.findElement(By.id("consequence")).getText()).contains("SUSPENDED");
            select(d, "reasonCode", "SPOT_CHECK_FAILED");
            d.findElement(By.id("reasonText")).sendKeys("抽查不合格");
            setValue(d, d.findElement(By.id("suspendedUntil")), LocalDate.now().plusMonths(1).toString());
            d.findElement(By.id("confirm")).click();
            shot(d, "suspend");
            d.findElement(By.id("do-change")).click();
            until(d, x -> !x.findElements(By.id("signed-payload")).isEmpty());
            assertThat(d.findElement(By.id("status")).getText()).isEqualTo("Suspended");
            shot(d, "suspended");
            d.get(base + "console?lang=en");
            shot(d, "dashboard");
            d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            d.get(base + "console/certificates?lang=zh");
            shot(d, "certificates-phone");
            d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            d.get(base + "console/certificates/" + number + "?lang=en");
            String verify = d.findElement(By.id("verify-link")).getAttribute("href");
            // the label's address names the public base URL; the test registry answers on its own port
            d.get(base + java.net.URI.create(verify).getRawPath().substring(1) + "?lang=en");
            assertThat(d.findElements(By.cssSelector(".verdict-SUSPENDED"))).isNotEmpty();

            // renew another: prefilled, only submitted
            String old = i.issue();
            d.get(base + "console/issue?renew=" + old + "&lang=en");
            assertThat(d.findElement(By.id("holder")).getAttribute("value")).isEqualTo(i.holder());
            d.findElement(By.id("do-issue")).click();
            until(d, x -> !x.findElements(By.id("signed-event")).isEmpty());
            assertThat(as(i.token()).get("/api/v1/certificates/" + old).jsonPath().getString("successor")).isNotNull();

            // import 500 rows: dry run, import, the same file again
            ImportTestFiles f = new ImportTestFiles(new Api.BodyWithCertifier(i.body(), null, i.token()), i.standard());
            List<String> rows = new ArrayList<>();
            for (int k = 0; k < 500; k++) rows.add(f.row(Api.newCreditCode(), "深圳导入企业" + k, "IM-" + k, null));
            Path file = dir.resolve("certificates.csv");
            Files.write(file, f.csv(rows.toArray(String[]::new)));
            importFile(d, file, true);
            assertThat(d.findElement(By.id("count-created")).getText()).isEqualTo("500");
            assertThat(d.findElement(By.id("written")).getText()).contains("Nothing was written");
            importFile(d, file, false);
            assertThat(d.findElement(By.id("count-created")).getText()).isEqualTo("500");
            assertThat(d.findElement(By.id("written")).getText()).contains("Written");
            shot(d, "import");
            importFile(d, file, false);
            assertThat(d.findElement(By.id("count-created")).getText()).isEqualTo("0");
            assertThat(d.findElement(By.id("count-present")).getText()).isEqualTo("500");

            // a file with bad rows: its error report downloads with the session
            Path bad = dir.resolve("bad.csv");
            Files.write(bad, f.csv(f.row(Api.newCreditCode(), "深圳甲公司", "A-1", null),
                    f.row(Api.newCreditCode(), "深圳乙公司", "B-1", null).replace(i.standard(), "T/NOPE 001-2020")));
            importFile(d, bad, false);
            String report = d.findElement(By.id("error-report")).getAttribute("href");
            Response csv = given().cookie("quarkus-credential", sessionCookie(d)).get(report);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(new String(csv.asByteArray(), StandardCharsets.UTF_8)).startsWith("\uFEFFrow,column,message").contains("3,standard,");

            // a form posted in this session without the token its page carries (as another site's page would post it)
            Response forged = given().redirects().follow(false).cookie("quarkus-credential", sessionCookie(d))
                    .header("Sec-Fetch-Site", "same-origin").contentType("application/x-www-form-urlencoded")
                    .formParam("reasonCode", "FRAUD").formParam("confirm", "yes").formParam("expectedSeq", "2")
                    .formParam("formKey", "k-" + Api.uniqueSuffix()).post("/console/certificates/" + number + "/revoke");
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.asString()).contains("form-expired");
            assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getString("status")).isEqualTo("SUSPENDED");

            // an enterprise's staff and another body's staff: nothing of this body's
            String enterpriseUser = staff("ENTERPRISE", null, enterpriseIdOf(i.holder()));
            signIn(d, enterpriseUser);
            until(d, x -> x.getCurrentUrl().contains("/console/account"));
            Response asEnterprise = given().redirects().follow(false).cookie("quarkus-credential", sessionCookie(d)).get("/console");
            assertThat(asEnterprise.statusCode()).isEqualTo(403);
            Api.Issuer other = Api.newIssuer();
            String otherUser = staff("CERTIFIER", bodyIdOf(other.token()), null);
            signIn(d, otherUser);
            until(d, x -> x.getCurrentUrl().contains("/console"));
            d.get(base + "console/certificates/" + number + "?lang=en");
            assertThat(d.getPageSource()).doesNotContain("signed-payload");
            Response post = given().redirects().follow(false).cookie("quarkus-credential", sessionCookie(d))
                    .header("Origin", base.toString().replaceAll("/$", "")).contentType("application/x-www-form-urlencoded")
                    .formParam("reasonCode", "FRAUD").formParam("confirm", "yes").formParam("expectedSeq", "2")
                    .formParam("formKey", "k-" + Api.uniqueSuffix()).post("/console/certificates/" + number + "/revoke");
            assertThat(post.statusCode()).isIn(403, 404);
            assertThat(as(i.token()).get("/api/v1/certificates/" + number).jsonPath().getString("status")).isEqualTo("SUSPENDED");
        } finally {
            d.quit();
        }
    }

    private static long enterpriseIdOf(String creditCode) {
        String token = Api.enterpriseToken(creditCode);
        return ((Number) as(token).get("/api/v1/accounts/me").then().statusCode(200).extract().path("enterpriseId")).longValue();
    }
}
