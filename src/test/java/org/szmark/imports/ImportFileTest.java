package org.szmark.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.szmark.imports.ImportViews.RowProblem;
import org.szmark.imports.ImportViews.RowResult;

/**
 * Reading import files without the registry: encodings, headers, the row limit, the text rule on cells, XLSX
 * formulas and zip bombs, and the CSV the registry writes back (templates, error reports).
 */
class ImportFileTest {

    static final String HEADER = "creditCode,holderNameZh,productModel,productNameZh,standard,scope,certificationMode,siteAddress,issueDate";
    static final String ROW = "91440300MA5FXK3Q21,深圳市南山精工表业有限公司,NS-8200,机械手表,T/SZWD 012-2020,机械手表的设计,型式试验,深圳市南山区,2024-03-05";
    static final XlsxReader.Limits LIMITS = new XlsxReader.Limits(64L << 20, 100, 10_000);

    static RowCollector csv(byte[] bytes, String charset) {
        RowCollector rows = new RowCollector(10_000);
        CsvReader.read(CsvReader.decode(bytes, charset).text(), rows);
        return rows;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCsvWithAByteOrderMarkReadsAsWithout() {
        byte[] plain = utf8(HEADER + "\r\n" + ROW + "\r\n");
        byte[] bom = utf8("\uFEFF" + HEADER + "\r\n" + ROW + "\r\n");
        RowCollector a = csv(plain, null);
        RowCollector b = csv(bom, null);
        assertThat(b.rows()).hasSize(1);
        assertThat(b.rows().get(0).cells()).isEqualTo(a.rows().get(0).cells());
        assertThat(b.rows().get(0).cell(ImportColumn.CREDIT_CODE)).isEqualTo("91440300MA5FXK3Q21");
        assertThat(b.rows().get(0).number()).isEqualTo(2);
    }

    @Test
    void gb18030IsRecognisedOrNamedWhenTheRequestSaysOtherwise() {
        byte[] gb = (HEADER + "\n" + ROW + "\n").getBytes(CsvReader.GB18030);
        CsvReader.Decoded d = CsvReader.decode(gb, null);
        assertThat(d.encoding()).isEqualTo("GB18030");
        assertThat(d.warning()).contains("GB18030");
        assertThat(d.text()).contains("深圳市南山精工表业有限公司");
        assertThat(CsvReader.decode(gb, "GBK").text()).contains("机械手表");
        assertThatThrownBy(() -> CsvReader.decode(gb, "utf-8")).isInstanceOf(ImportRefused.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("charset=GB18030");
        assertThatThrownBy(() -> CsvReader.decode(utf8("a"), "latin-9")).isInstanceOf(ImportRefused.class)
                .extracting(e -> ((ImportRefused) e).type()).isEqualTo("import-encoding");
        byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0};
        assertThatThrownBy(() -> CsvReader.decode(utf16, null)).hasMessageContaining("UTF-16");
        // Bytes no Chinese encoding reads: a lone lead byte at the end.
        assertThatThrownBy(() -> CsvReader.decode(new byte[] {'a', (byte) 0x81}, null)).hasMessageContaining("neither UTF-8 nor GB18030");
    }

    @Test
    void headersAreMatchedInEitherLanguageAndRefusedWhenUnknownTwiceOrMissing() {
        String zh = "统一社会信用代码,企业名称,产品型号,产品名称,认证依据,认证范围,认证模式,生产场所地址,发证日期";
        assertThat(csv(utf8(zh + "\n" + ROW), null).rows().get(0).cell(ImportColumn.HOLDER_NAME_ZH)).isEqualTo("深圳市南山精工表业有限公司");
        String mixed = "CREDITCODE, 企业名称 ,productModel,产品名称,standard,认证范围,certificationMode,生产场所地址,issueDate";
        assertThat(csv(utf8(mixed + "\n" + ROW), null).rows()).hasSize(1);

        assertThatThrownBy(() -> csv(utf8(HEADER + ",colour\n" + ROW + ",red"), null)).isInstanceOfSatisfying(ImportRefused.class, e -> {
            assertThat(e.type()).isEqualTo("import-columns");
            assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("column J");
                assertThat(f.message()).contains("unknown column header 'colour'");
            });
        });
        assertThatThrownBy(() -> csv(utf8(HEADER + ",统一社会信用代码\n" + ROW + ",x"), null)).isInstanceOfSatisfying(ImportRefused.class,
                e -> assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.message()).contains("a second time, first in column A")));
        String missing = HEADER.replace(",scope", "").replace("issueDate", "expiryDate");
        assertThatThrownBy(() -> csv(utf8(missing + "\n1,2,3,4,5,6,7,8"), null)).isInstanceOfSatisfying(ImportRefused.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("scope", "issueDate"));
        assertThatThrownBy(() -> csv(utf8("\n\n"), null)).hasMessageContaining("no header row");
    }

    @Test
    void malformedCsvIsRefusedWithItsRow() {
        assertThatThrownBy(() -> csv(utf8(HEADER + "\n" + ROW + "\n\"unclosed," + ROW), null))
                .isInstanceOfSatisfying(ImportRefused.class, e -> {
                    assertThat(e.type()).isEqualTo("import-format");
                    assertThat(e.getMessage()).contains("not well-formed CSV");
                });
    }

    @Test
    void cellsMeetTheTextRuleAndOnlyTheScopeMayBreakLines() {
        String bad = ROW.replace("深圳市南山精工表业有限公司", "深圳\u202E公司").replace("机械手表的设计", "\"第一行\n第二行\"")
                .replace("NS-8200", "\"NS\n8200\"");
        ImportFile.Row row = csv(utf8(HEADER + "\n" + bad + ",extra"), null).rows().get(0);
        assertThat(row.problems()).extracting(ImportFile.Problem::column)
                .containsExactly(ImportColumn.HOLDER_NAME_ZH, ImportColumn.PRODUCT_MODEL, null);
        assertThat(row.problems().get(0).message()).contains("U+202E");
        assertThat(row.problems().get(1).message()).contains("one line");
        assertThat(row.problems().get(2).message()).contains("column J has a value but no known header");
        assertThat(row.cell(ImportColumn.SCOPE)).isEqualTo("第一行\n第二行");
        // Formula-like cells are text like any other: nothing is evaluated.
        ImportFile.Row formula = csv(utf8(HEADER + "\n" + ROW.replace("NS-8200", "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")), null).rows().get(0);
        assertThat(formula.problems()).isEmpty();
        assertThat(formula.cell(ImportColumn.PRODUCT_MODEL)).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
    }

    @Test
    void theRowAfterTheLimitRefusesTheFileAndBlankRowsDoNotCount() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 10_000; i++) b.append(ROW).append('\n');
        b.append(",,,,\n\n");
        assertThat(csv(utf8(b.toString()), null).rows()).hasSize(10_000);
        b.append(ROW).append('\n');
        assertThatThrownBy(() -> csv(utf8(b.toString()), null)).isInstanceOfSatisfying(ImportRefused.class, e -> {
            assertThat(e.type()).isEqualTo("import-too-many-rows");
            assertThat(e.getMessage()).contains("more than 10000 rows").contains("row 10004");
        });
    }

    // ---- XLSX ----

    static byte[] workbook(java.util.function.Consumer<Sheet> fill) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("import");
            Row h = sheet.createRow(0);
            String[] header = HEADER.split(",");
            for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
            fill.accept(sheet);
            book.write(out);
            return out.toByteArray();
        }
    }

    static void textRow(Sheet sheet, int index) {
        Row r = sheet.createRow(index);
        String[] cells = ROW.split(",");
        for (int i = 0; i < cells.length; i++) r.createCell(i).setCellValue(cells[i]);
    }

    static RowCollector xlsx(byte[] bytes) {
        RowCollector rows = new RowCollector(10_000);
        XlsxReader.read(bytes, LIMITS, rows);
        return rows;
    }

    @Test
    void anXlsxReadsLikeTheCsvWithNumbersAndDatesAsShown() throws IOException {
        byte[] book = workbook(sheet -> {
            textRow(sheet, 1);
            Row r = sheet.getRow(1);
            r.createCell(2).setCellValue(8200);             // a model typed as a number
            r.createCell(8).setCellValue(45356);            // 2024-03-05 as Excel stores a date
        });
        ImportFile.Row row = xlsx(book).rows().get(0);
        assertThat(row.problems()).isEmpty();
        assertThat(row.cell(ImportColumn.PRODUCT_MODEL)).isEqualTo("8200");
        assertThat(row.cell(ImportColumn.ISSUE_DATE)).isEqualTo("2024-03-05");
        assertThat(row.cell(ImportColumn.HOLDER_NAME_ZH)).isEqualTo("深圳市南山精工表业有限公司");
    }

    @Test
    void formulasAreNeverEvaluatedTheirStoredValueIsReadOrTheRowRefused() throws IOException {
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook(sheet -> {
            textRow(sheet, 1);
            textRow(sheet, 2);
            sheet.getRow(1).getCell(2).setCellFormula("\"NS-\"&\"8300\"");
            // A fresh cell: a formula set on a cell with a value would keep that value as its stored one.
            sheet.getRow(2).removeCell(sheet.getRow(2).getCell(3));
            sheet.getRow(2).createCell(3).setCellFormula("HYPERLINK(\"http://example.org\",\"点击\")");
        }))); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // Only row 2's formula gets a stored value; row 3's is saved without one.
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(wb.getSheetAt(0).getRow(1).getCell(2));
            wb.write(out);
            book = out.toByteArray();
        }
        RowCollector rows = new RowCollector(10_000);
        XlsxReader.Read read = XlsxReader.read(book, LIMITS, rows);
        assertThat(read.formulaCells()).isEqualTo(1);
        assertThat(rows.rows().get(0).cell(ImportColumn.PRODUCT_MODEL)).isEqualTo("NS-8300");
        assertThat(rows.rows().get(0).problems()).isEmpty();
        assertThat(rows.rows().get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo(ImportColumn.PRODUCT_NAME_ZH);
            assertThat(p.message()).contains("formula with no stored value");
        });
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(utf8("<Types/>"));
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
        }
        return out.toByteArray();
    }

    @Test
    void zipBombsAreRefusedFromTheirDirectoryBeforeAnyPartIsInflated() throws IOException {
        byte[] dense = zip("xl/worksheets/sheet1.xml", new byte[20 << 20]);   // 20 MiB of zeros pack a thousandfold
        assertThat(dense.length).isLessThan(100_000);
        assertThatThrownBy(() -> XlsxReader.checkZip(dense, LIMITS)).isInstanceOfSatisfying(ImportRefused.class, e -> {
            assertThat(e.type()).isEqualTo("import-too-large");
            assertThat(e.getMessage()).contains("times its packed size");
        });
        byte[] big = zip("xl/sharedStrings.xml", new byte[65 << 20]);
        assertThatThrownBy(() -> XlsxReader.checkZip(big, new XlsxReader.Limits(64L << 20, 100_000, 10_000)))
                .hasMessageContaining("unpacks to more than");
        assertThatThrownBy(() -> xlsx(utf8("PK\u0003\u0004 not a zip at all"))).isInstanceOfSatisfying(ImportRefused.class,
                e -> assertThat(e.type()).isEqualTo("import-format"));
    }

    @Test
    void aSheetDeclaringMoreCellsThanAnImportReadsIsRefusedUnread() throws IOException {
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:S1048576\"/>"
                + "<sheetData/></worksheet>";
        byte[] book = workbook(s -> { });
        // Swap the generated sheet for one that declares a used range of a million rows.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(book)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals("xl/worksheets/sheet1.xml") ? utf8(sheet) : in.readAllBytes());
            }
        }
        assertThatThrownBy(() -> xlsx(out.toByteArray())).isInstanceOfSatisfying(ImportRefused.class, e -> {
            assertThat(e.type()).isEqualTo("import-too-large");
            assertThat(e.getMessage()).contains("A1:S1048576");
        });
    }

    // ---- what the registry writes ----

    @Test
    void cellsThatASpreadsheetWouldEvaluateAreWrittenAsText() throws IOException {
        assertThat(CsvCells.neutral("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(List.of("+1", "-2", "@SUM(A1)", "\tx", "\rx", "＝1")).allSatisfy(c -> assertThat(CsvCells.neutral(c)).startsWith("'"));
        assertThat(CsvCells.neutral("深圳")).isEqualTo("深圳");
        byte[] report = ImportDocuments.errorsCsv(List.of(
                new RowResult(2, ImportPlan.CREATED, null, null, null, null, List.of()),
                new RowResult(3, ImportPlan.REFUSED, null, null, null, null,
                        List.of(new RowProblem("=cmd|' /C calc'!A0", "validation", "-1 is not a date"), new RowProblem(null, "x", "@once")))), null);
        assertThat(report[0] & 0xFF).isEqualTo(0xEF);
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.parse(new String(report, 3, report.length - 3, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            records = p.getRecords();
        }
        assertThat(records).hasSize(3);
        assertThat(records.get(0).values()).containsExactly("row", "column", "message");
        assertThat(records.get(1).values()).containsExactly("3", "'=cmd|' /C calc'!A0", "'-1 is not a date");
        assertThat(records.get(2).values()).containsExactly("3", "", "'@once");
    }

    @Test
    void theTemplatesAreImportFilesWithEveryColumn() throws IOException {
        for (boolean zh : List.of(true, false)) {
            byte[] template = ImportDocuments.templateCsv(zh);
            String text = new String(template, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF" + (zh ? "统一社会信用代码,企业名称" : "creditCode,holderNameZh"));
            RowCollector rows = csv(utf8(text + ROW.replace(",2024-03-05", ",,,,,,,,,,,") + "\r\n"), null);
            assertThat(rows.headers()).hasSize(ImportColumn.values().length);
            RowCollector fromBook = new RowCollector(10);
            XlsxReader.read(ImportDocuments.templateXlsx(zh), LIMITS, fromBook);
            assertThat(fromBook.headers()).hasSize(ImportColumn.values().length);
            assertThat(fromBook.rows()).isEmpty();
        }
    }
}
