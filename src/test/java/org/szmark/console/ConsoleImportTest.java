package org.szmark.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.szmark.imports.ImportTestFiles;
import org.szmark.support.Api;

/** The console's import page: a file sent from the form becomes the API's import job, shown with its progress. */
@QuarkusTest
class ConsoleImportTest {

    static String send(String token, byte[] file, String name, boolean dryRun) {
        var r = ConsoleTest.page(token).multiPart("file", name, file, name.endsWith(".csv") ? "text/csv" : "application/octet-stream");
        if (dryRun) r = r.multiPart("dryRun", "on");
        Response answer = r.post("/console/import");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(303);
        Matcher m = Pattern.compile("/console/import/([0-9a-f-]{36})").matcher(answer.header("Location"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String finished(String token, String id) {
        for (int i = 0; i < 600; i++) {
            Response page = ConsoleTest.page(token).get("/console/import/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            String html = page.asString();
            if (!html.contains("data-status=\"QUEUED\"") && !html.contains("data-status=\"RUNNING\"")) {
                assertThat(page.header("Refresh")).isNull();
                return html;
            }
            assertThat(page.header("Refresh")).isEqualTo("1");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static String count(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([0-9]+)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1);
    }

    @Test
    void aFileIsTriedThenImportedThenFoundPresent() {
        ImportTestFiles f = ImportTestFiles.fixture();
        byte[] file = f.csv(f.row(Api.newCreditCode(), "深圳甲公司", "A-1", null), f.row(Api.newCreditCode(), "深圳乙公司", "B-1", null));
        String dry = finished(f.token(), send(f.token(), file, "certificates.csv", true));
        assertThat(dry).contains("id=\"job-status\" data-status=\"SUCCEEDED\">Done<").contains("Nothing was written").contains("id=\"import-for-real\"");
        assertThat(count(dry, "count-created")).isEqualTo("2");
        String real = finished(f.token(), send(f.token(), file, "certificates.csv", false));
        assertThat(real).contains("Written to the registry");
        assertThat(count(real, "count-created")).isEqualTo("2");
        String again = finished(f.token(), send(f.token(), file, "certificates.csv", false));
        assertThat(count(again, "count-created")).isEqualTo("0");
        assertThat(count(again, "count-present")).isEqualTo("2");
    }

    @Test
    void refusedRowsComeWithAnErrorReportAndNothingIsWritten() {
        ImportTestFiles f = ImportTestFiles.fixture();
        String bad = f.row(Api.newCreditCode(), "深圳丙公司", "C-1", null).replace(f.standard(), "T/NOPE 001-2020");
        byte[] file = f.csv(f.row(Api.newCreditCode(), "深圳甲公司", "A-1", null), bad);
        String id = send(f.token(), file, "certificates.csv", false);
        String html = finished(f.token(), id);
        assertThat(html).contains("Nothing was written").contains("id=\"error-report\"");
        byte[] report = ConsoleTest.page(f.token()).get("/console/import/" + id + "/errors.csv").then().statusCode(200)
                .extract().asByteArray();
        String text = new String(report, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFrow,column,message").contains("3,");
        // another body cannot see the job or its report
        Api.BodyWithCertifier other = Api.newBody();
        assertThat(ConsoleTest.page(other.certifierToken()).get("/console/import/" + id).statusCode()).isEqualTo(404);
        assertThat(ConsoleTest.page(other.certifierToken()).get("/console/import/" + id + "/errors.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNotAnImportIsRefusedOnTheForm() {
        ImportTestFiles f = ImportTestFiles.fixture();
        Response r = ConsoleTest.page(f.token()).multiPart("file", "notes.csv", "just,some\nwords,here\n".getBytes(StandardCharsets.UTF_8),
                "text/csv").post("/console/import");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("id=\"refusal\"").contains("import-columns");
        Response none = ConsoleTest.page(f.token()).multiPart("dryRun", "on").post("/console/import");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.asString()).contains("Choose a file");
        // an enterprise account may not import
        String enterprise = Api.enterpriseToken(Api.newEnterprise());
        assertThat(ConsoleTest.page(enterprise).get("/console/import").statusCode()).isEqualTo(403);
    }
}
