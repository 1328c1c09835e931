package org.szmark.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/**
 * Imports through the API: a dry run, an import and its repetition, refusals that leave nothing written, bad
 * files, another body's holders, two imports of one file at once, and who may see a job.
 */
@QuarkusTest
class ImportTest {

    static final String HEADER = "creditCode,holderNameZh,holderNameEn,productModel,productNameZh,certificateNumber,standard,scope,"
            + "certificationMode,siteName,siteAddress,issueDate";
    static final String CSV = "text/csv";

    /** A body with a certifier, an eligible standard, and rows for new holders to import. */
    record Fixture(Api.BodyWithCertifier body, String standard) {
        String row(String creditCode, String nameZh, String model, String number) {
            return String.join(",", creditCode, nameZh, "Test Co " + creditCode, model, "测试产品 " + model, number == null ? "" : number,
                    standard, "\"产品的设计, 生产\"", "型式试验+初始工厂检查", "一号工厂", "深圳市宝安区 1 号", "2026-01-05");
        }

        String token() {
            return body.certifierToken();
        }
    }

    static Fixture fixture() {
        return new Fixture(Api.newBody(), Api.newEligibleStandard());
    }

    static byte[] csv(String... rows) {
        return (HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static Response post(String token, byte[] file, String type, boolean dryRun) {
        return given().header("Authorization", "Bearer " + token).contentType(type).body(file)
                .queryParam("dryRun", dryRun).post("/api/v1/imports");
    }

    /** Starts an import and waits for its end; the job as then reported. */
    static JsonPath run(String token, byte[] file, boolean dryRun) {
        Response r = post(token, file, CSV, dryRun);
        r.then().statusCode(202).header("Location", containsString("/api/v1/imports/"));
        return finished(token, r.jsonPath().getString("id"));
    }

    static JsonPath finished(String token, String id) {
        for (int i = 0; i < 600; i++) {
            JsonPath job = as(token).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) return job;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static int status(String path) {
        return anonymous().get(path).statusCode();
    }

    static int certificatesOf(String body) {
        return anonymous().queryParam("body", body).get("/api/v1/certificates").then().statusCode(200).extract().path("total");
    }

    @Test
    void aDryRunSaysWhatEachRowWouldComeToAndWritesNothing() {
        Fixture f = fixture();
        String a = Api.newCreditCode();
        String b = Api.newCreditCode();
        JsonPath job = run(f.token(), csv(f.row(a, "深圳甲公司", "A-1", null), f.row(a, "深圳甲公司", "A-2", null),
                f.row(b, "深圳乙公司", "B-1", null)), true);
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getBoolean("dryRun")).isTrue();
        assertThat(job.getBoolean("written")).isFalse();
        assertThat(job.getInt("rows.total")).isEqualTo(3);
        assertThat(job.getInt("rows.done")).isEqualTo(3);
        assertThat(job.getList("results.outcome")).containsExactly("CREATED", "CREATED", "CREATED");
        assertThat(job.getList("results.row")).containsExactly(2, 3, 4);
        assertThat(job.getList("results.holder")).containsExactly("CREATED", "CREATED", "CREATED");
        assertThat(job.getInt("summary.holdersCreated")).isEqualTo(2);
        assertThat(job.getInt("summary.productsCreated")).isEqualTo(3);
        assertThat(status("/api/v1/enterprises/" + a)).isEqualTo(404);
        assertThat(status("/api/v1/enterprises/" + b)).isEqualTo(404);
        assertThat(certificatesOf(f.body().code())).isZero();
    }

    @Test
    void anImportWritesEverythingAndTheSameFileAgainCreatesNothing() {
        Fixture f = fixture();
        String a = Api.newCreditCode();
        String b = Api.newCreditCode();
        byte[] file = csv(f.row(a, "深圳甲公司", "A-1", null), f.row(a, "深圳甲公司", "A-2", "OWN-" + Api.uniqueSuffix()),
                f.row(b, "深圳乙公司", "B-1", null));
        JsonPath first = run(f.token(), file, false);
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getBoolean("written")).isTrue();
        assertThat(first.getList("results.outcome")).containsExactly("CREATED", "CREATED", "CREATED");
        List<String> numbers = first.getList("results.certificateNumber");
        assertThat(numbers.get(0)).startsWith("SZBZ-" + f.body().code() + "-2026-");
        assertThat(numbers.get(1)).startsWith("OWN-");
        anonymous().get("/api/v1/certificates/" + numbers.get(2)).then().statusCode(200)
                .body("status", equalTo("VALID")).body("holder.creditCode", equalTo(b)).body("product.model", equalTo("B-1"))
                .body("scope", equalTo("产品的设计, 生产")).body("issueDate", equalTo("2026-01-05"));
        anonymous().get("/api/v1/enterprises/" + a).then().statusCode(200).body("nameZh", equalTo("深圳甲公司"))
                .body("products.model", org.hamcrest.Matchers.contains("A-1", "A-2"));
        // Written with the real actor in the audit trail.
        long certifier = ((Number) as(f.token()).get("/api/v1/accounts/me").then().extract().path("id")).longValue();
        Api.authority().queryParam("targetId", a).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("enterprise.create", "product.create"))
                .body("items.actorRole", org.hamcrest.Matchers.everyItem(equalTo("CERTIFIER")))
                .body("items.actorAccount", org.hamcrest.Matchers.everyItem(equalTo((int) certifier)));

        JsonPath again = run(f.token(), file, false);
        assertThat(again.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(again.getList("results.outcome")).containsExactly("PRESENT", "PRESENT", "PRESENT");
        assertThat(again.getList("results.holder")).containsExactly("PRESENT", "PRESENT", "PRESENT");
        assertThat(again.getList("results.certificateNumber")).isEqualTo(numbers);
        assertThat(again.getInt("summary.created")).isZero();
        assertThat(certificatesOf(f.body().code())).isEqualTo(3);

        // A row saying something else about a present certificate is refused, and nothing else of its file is written.
        String c = Api.newCreditCode();
        JsonPath changed = run(f.token(), csv(f.row(a, "深圳甲公司", "A-1", null).replace("一号工厂", "二号工厂"),
                f.row(c, "深圳丙公司", "C-1", null)), false);
        assertThat(changed.getString("status")).isEqualTo("REFUSED");
        assertThat(changed.getList("results.outcome")).containsExactly("REFUSED", "CREATED");
        assertThat(changed.getString("results[0].problems[0].message")).contains("says other siteName");
        assertThat(status("/api/v1/enterprises/" + c)).isEqualTo(404);
        assertThat(certificatesOf(f.body().code())).isEqualTo(3);
    }

    @Test
    void oneRefusedRowLeavesTheWholeFileUnwrittenAndTheErrorReportNamesIt() {
        Fixture f = fixture();
        String a = Api.newCreditCode();
        String b = Api.newCreditCode();
        String bad = f.row(b, "深圳乙公司", "B-1", null).replace(f.standard(), "T/NOPE 001-2020").replace("2026-01-05", "2026-1-5");
        String badDate = f.row(Api.newCreditCode(), "深圳丙公司", "C-1", null).replace("2026-01-05", "05.01.2026");
        JsonPath job = run(f.token(), csv(f.row(a, "深圳甲公司", "A-1", null), bad, badDate), false);
        assertThat(job.getString("status")).isEqualTo("REFUSED");
        assertThat(job.getBoolean("written")).isFalse();
        assertThat(job.getList("results.outcome")).containsExactly("CREATED", "REFUSED", "REFUSED");
        assertThat(job.getString("results[1].problems[0].column")).isEqualTo("standard");
        assertThat(job.getString("results[1].problems[0].type")).isEqualTo("unknown-standard");
        assertThat(job.getString("results[2].problems[0].column")).isEqualTo("issueDate");
        assertThat(status("/api/v1/enterprises/" + a)).isEqualTo(404);
        assertThat(certificatesOf(f.body().code())).isZero();

        String report = given().header("Authorization", "Bearer " + f.token()).get(job.getString("errorsUrl")).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(report).startsWith("\uFEFFrow,column,message");
        assertThat(report).contains("3,standard,").contains("4,issueDate,\"must be a date, YYYY-MM-DD\"").doesNotContain("\n2,");
    }

    @Test
    void chineseHeadersAByteOrderMarkAndGb18030AreRead() {
        Fixture f = fixture();
        String a = Api.newCreditCode();
        String zh = "统一社会信用代码,企业名称,企业英文名称,产品型号,产品名称,证书编号,认证依据,认证范围,认证模式,生产场所名称,生产场所地址,发证日期";
        String text = zh + "\r\n" + f.row(a, "深圳市龙华精密电子有限公司", "L-1", null) + "\r\n";
        JsonPath bom = run(f.token(), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8), true);
        assertThat(bom.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(bom.getString("encoding")).isEqualTo("UTF-8");

        JsonPath gb = run(f.token(), text.getBytes(CsvReader.GB18030), false);
        assertThat(gb.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(gb.getString("encoding")).isEqualTo("GB18030");
        assertThat(gb.getList("warnings").get(0).toString()).contains("GB18030");
        anonymous().get("/api/v1/enterprises/" + a).then().body("nameZh", equalTo("深圳市龙华精密电子有限公司"));

        // Said to be UTF-8 but is not: refused, naming what it is.
        post(f.token(), text.getBytes(CsvReader.GB18030), CSV + "; charset=UTF-8", false).then().statusCode(400)
                .body("type", equalTo("urn:szmark:problem:import-encoding")).body("detail", containsString("GB18030"));
    }

    @Test
    void filesOfTheWrongShapeAreRefusedBeforeAnyJob() {
        Fixture f = fixture();
        int jobs = as(f.token()).get("/api/v1/imports").then().statusCode(200).extract().path("total");
        String row = f.row(Api.newCreditCode(), "深圳甲公司", "A-1", null);
        post(f.token(), (HEADER.replace(",scope", "") + "\n" + row).getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(400)
                .body("type", equalTo("urn:szmark:problem:import-columns")).body("errors.field", org.hamcrest.Matchers.hasItem("scope"));
        post(f.token(), (HEADER + ",颜色\n" + row + ",红").getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(400)
                .body("errors[0].field", equalTo("column M"));
        post(f.token(), (HEADER + "\n").getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(400)
                .body("detail", containsString("no rows of data"));
        StringBuilder many = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= 10_000; i++) many.append(row).append('\n');
        post(f.token(), many.toString().getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(400)
                .body("type", equalTo("urn:szmark:problem:import-too-many-rows"));
        post(f.token(), "PK\u0003\u0004rest".getBytes(StandardCharsets.ISO_8859_1), CSV, false).then().statusCode(400)
                .body("type", equalTo("urn:szmark:problem:import-format"));
        post(f.token(), csv(row), "text/plain", false).then().statusCode(415);
        post(f.token(), csv(row), CSV, false).then().statusCode(202);
        given().header("Authorization", "Bearer " + f.token()).contentType(CSV).body(csv(row)).queryParam("dryRun", "maybe")
                .post("/api/v1/imports").then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
        // Past the import's own size limit (8M), refused by the HTTP layer's check before the body is read.
        byte[] huge = new byte[(8 << 20) + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        post(f.token(), huge, CSV, false).then().statusCode(413).body("type", equalTo("urn:szmark:problem:payload-too-large"));
        assertThat((int) as(f.token()).get("/api/v1/imports").then().extract().path("total")).isEqualTo(jobs + 1);
    }

    @Test
    void contradictoryAndRepeatedRowsAreRefused() {
        Fixture f = fixture();
        String a = Api.newCreditCode();
        JsonPath job = run(f.token(), csv(f.row(a, "深圳甲公司", "A-1", null), f.row(a, "深圳甲公司", "A-1", null),
                f.row(a, "深圳甲有限公司", "A-2", null), f.row(a, "深圳甲公司", "A-3", "N-1"), f.row(a, "深圳甲公司", "A-4", "N-1")), false);
        assertThat(job.getString("status")).isEqualTo("REFUSED");
        assertThat(job.getList("results.outcome")).containsExactly("CREATED", "REFUSED", "REFUSED", "CREATED", "REFUSED");
        assertThat(job.getString("results[1].problems[0].message")).contains("is the certificate of row 2 again");
        assertThat(job.getString("results[2].problems[0].message")).contains("otherwise than row 2 (holderNameZh)");
        assertThat(job.getString("results[4].problems[0].message")).contains("certificate number of row 5");
        assertThat(status("/api/v1/enterprises/" + a)).isEqualTo(404);
    }

    @Test
    void formulaLikeCellsAreStoredAsTextAndAnXlsxWithAFormulaIsReadByItsStoredValue() throws IOException {
        Fixture f = fixture();
        String a = Api.newCreditCode();
        String row = f.row(a, "深圳甲公司", "=HYPERLINK(A1)", null)
                .replace("Test Co " + a, "+86 Co").replace("一号工厂", "@SUM(A1)");
        JsonPath job = run(f.token(), csv(row), false);
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        anonymous().get("/api/v1/enterprises/" + a).then().body("nameEn", equalTo("+86 Co"))
                .body("products[0].model", equalTo("=HYPERLINK(A1)"))
                .body("products[0].nameZh", equalTo("测试产品 =HYPERLINK(A1)"));

        String b = Api.newCreditCode();
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet();
            String[] h = HEADER.split(",");
            String[] v = f.row(b, "深圳乙公司", "B-1", null).replace("\"产品的设计, 生产\"", "产品的设计").split(",", -1);
            Row hr = s.createRow(0);
            Row vr = s.createRow(1);
            for (int i = 0; i < h.length; i++) {
                hr.createCell(i).setCellValue(h[i]);
                if (!v[i].isEmpty()) vr.createCell(i).setCellValue(v[i]);
            }
            vr.getCell(3).setCellFormula("\"B-\"&\"1\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(vr.getCell(3));
            wb.write(out);
            book = out.toByteArray();
        }
        Response r = post(f.token(), book, ImportService.XLSX, false);
        r.then().log().ifValidationFails().statusCode(202).body("format", equalTo("XLSX"));
        JsonPath x = finished(f.token(), r.jsonPath().getString("id"));
        assertThat(x.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(x.getList("warnings").get(0).toString()).contains("1 cells hold formulas");
        anonymous().get("/api/v1/enterprises/" + b).then().body("products[0].model", equalTo("B-1"));

        // A workbook sent as CSV, and a zip bomb, are refused unread.
        post(f.token(), book, CSV, false).then().statusCode(400).body("detail", containsString("zip"));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(bomb)) {
            z.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(new byte[30 << 20]);
        }
        post(f.token(), bomb.toByteArray(), ImportService.XLSX, false).then().statusCode(400)
                .body("type", equalTo("urn:szmark:problem:import-too-large"));
    }

    @Test
    void anotherBodysHolderIsNeverChangedByAnImport() {
        Fixture a = fixture();
        String h = Api.newCreditCode();
        assertThat(run(a.token(), csv(a.row(h, "深圳甲公司", "A-1", null)), false).getString("status")).isEqualTo("SUCCEEDED");
        String before = anonymous().get("/api/v1/enterprises/" + h).then().extract().asString();

        Fixture b = fixture();
        // A new product for a holder body A certifies, and the holder described otherwise: both refused.
        JsonPath job = run(b.token(), csv(b.row(h, "深圳甲公司", "B-9", null)), false);
        assertThat(job.getString("status")).isEqualTo("REFUSED");
        assertThat(job.getString("results[0].product")).isEqualTo("REFUSED");
        assertThat(job.getString("results[0].problems[0].type")).isEqualTo("certified-by-another-body");
        JsonPath renamed = run(b.token(), csv(b.row(h, "冒名公司", "A-1", null)), false);
        assertThat(renamed.getString("results[0].holder")).isEqualTo("REFUSED");
        assertThat(renamed.getString("results[0].problems[0].type")).isEqualTo("duplicate-enterprise");
        assertThat(anonymous().get("/api/v1/enterprises/" + h).then().extract().asString()).isEqualTo(before);
        // Body B may certify the product as it is registered, as a single issuance may.
        JsonPath same = run(b.token(), csv(b.row(h, "深圳甲公司", "A-1", null)), false);
        assertThat(same.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(same.getList("results.holder")).containsExactly("PRESENT");
        assertThat(same.getList("results.certificate")).containsExactly("CREATED");
    }

    @Test
    void twoImportsOfOneFileAtOnceCreateItOnce() throws Exception {
        Fixture f = fixture();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) rows.add(f.row(Api.newCreditCode(), "深圳并发公司" + i, "P-" + i, null));
        byte[] file = csv(rows.toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> jobs = new ArrayList<>();
            for (int i = 0; i < 2; i++) jobs.add(pool.submit((Callable<JsonPath>) () -> run(f.token(), file, false)));
            List<JsonPath> done = new ArrayList<>();
            for (Future<JsonPath> j : jobs) done.add(j.get());
            assertThat(done).allSatisfy(j -> assertThat(j.getString("status")).isEqualTo("SUCCEEDED"));
            assertThat(done.stream().map(j -> j.getInt("summary.created")).toList()).containsExactlyInAnyOrder(20, 0);
            assertThat(done.stream().map(j -> j.getInt("summary.present")).toList()).containsExactlyInAnyOrder(0, 20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(certificatesOf(f.body().code())).isEqualTo(20);
    }

    @Test
    void onlyTheImportingBodysCertifiersSeeAJobAndAKeyAnswersTheSameJob() {
        Fixture f = fixture();
        byte[] file = csv(f.row(Api.newCreditCode(), "深圳甲公司", "A-1", null));
        given().contentType(CSV).body(file).post("/api/v1/imports").then().statusCode(401);
        given().header("Authorization", "Bearer " + Api.AUTHORITY_TOKEN).contentType(CSV).body(file).post("/api/v1/imports")
                .then().statusCode(403);
        String key = "import-" + Api.uniqueSuffix();
        Response first = given().header("Authorization", "Bearer " + f.token()).header("Idempotency-Key", key).contentType(CSV)
                .body(file).queryParam("dryRun", true).post("/api/v1/imports");
        first.then().statusCode(202);
        String id = first.jsonPath().getString("id");
        given().header("Authorization", "Bearer " + f.token()).header("Idempotency-Key", key).contentType(CSV).body(file)
                .queryParam("dryRun", true).post("/api/v1/imports").then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        given().header("Authorization", "Bearer " + f.token()).header("Idempotency-Key", key).contentType(CSV)
                .body(csv(f.row(Api.newCreditCode(), "深圳乙公司", "B-1", null))).queryParam("dryRun", true).post("/api/v1/imports")
                .then().statusCode(409).body("type", equalTo("urn:szmark:problem:idempotency-key-reused"));
        finished(f.token(), id);

        Api.BodyWithCertifier other = Api.newBody();
        as(other.certifierToken()).get("/api/v1/imports/" + id).then().statusCode(404);
        given().header("Authorization", "Bearer " + other.certifierToken()).get("/api/v1/imports/" + id + "/errors.csv").then()
                .statusCode(404).contentType("application/problem+json");
        assertThat((List<?>) as(other.certifierToken()).get("/api/v1/imports").then().extract().path("items")).isEmpty();
        as(f.token()).get("/api/v1/imports").then().body("items[0].id", equalTo(id)).body("items[0].results", equalTo(null));
    }

    @Test
    void theTemplatesAreServedInBothLanguages() {
        String zh = given().get("/api/v1/imports/template.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertThat(zh).startsWith("\uFEFF统一社会信用代码,企业名称,企业英文名称");
        String en = given().queryParam("lang", "en").get("/api/v1/imports/template.csv").then().statusCode(200).extract().asString();
        assertThat(en).startsWith("\uFEFFcreditCode,holderNameZh,holderNameEn");
        byte[] book = given().queryParam("lang", "en").get("/api/v1/imports/template.xlsx").then().statusCode(200)
                .contentType(ImportService.XLSX).extract().asByteArray();
        assertThat(book[0]).isEqualTo((byte) 'P');
        given().queryParam("lang", "fr").get("/api/v1/imports/template.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
    }
}
