package org.szmark.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.szmark.imports.ImportViews.RowProblem;
import org.szmark.imports.ImportViews.RowResult;

/**
 * The files the registry writes for imports: the template (CSV or XLSX, headed in Chinese or English) and a job's
 * error report. CSV is written as UTF-8 with a byte order mark, which Excel needs to read Chinese from it, and every
 * cell passes through {@link CsvCells#neutral} so no cell is taken for a formula.
 */
public final class ImportDocuments {
    private ImportDocuments() {}

    static byte[] templateCsv(boolean chinese) {
        return csv(List.of(ImportColumn.values()).stream().map(c -> c.header(chinese)).toList(), List.of());
    }

    /** Sheet 1 is the one an import reads: the header row, every column formatted as text; sheet 2 describes the columns. */
    static byte[] templateXlsx(boolean chinese) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setDataFormat(text.getDataFormat());
            Sheet sheet = book.createSheet(chinese ? "导入" : "Import");
            Row header = sheet.createRow(0);
            ImportColumn[] columns = ImportColumn.values();
            for (int i = 0; i < columns.length; i++) {
                var cell = header.createCell(i);
                cell.setCellValue(columns[i].header(chinese));
                cell.setCellStyle(head);
                // Text, so that credit codes, GTINs and dates stay as typed rather than turning into numbers.
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, 20 * 256);
            }
            sheet.createFreezePane(0, 1);
            Sheet notes = book.createSheet(chinese ? "说明" : "Columns");
            Row h = notes.createRow(0);
            String[] titles = chinese ? new String[] {"列名", "英文列名", "必填", "说明"} : new String[] {"column", "Chinese header", "required", "meaning"};
            for (int i = 0; i < titles.length; i++) {
                h.createCell(i).setCellValue(titles[i]);
                h.getCell(i).setCellStyle(head);
            }
            for (int i = 0; i < columns.length; i++) {
                ImportColumn c = columns[i];
                Row r = notes.createRow(i + 1);
                r.createCell(0).setCellValue(chinese ? c.zh : c.en);
                r.createCell(1).setCellValue(chinese ? c.en : c.zh);
                r.createCell(2).setCellValue(c.required ? (chinese ? "是" : "yes") : (chinese ? "否" : "no"));
                r.createCell(3).setCellValue(chinese ? c.descriptionZh : c.descriptionEn);
            }
            notes.setColumnWidth(0, 22 * 256);
            notes.setColumnWidth(1, 22 * 256);
            notes.setColumnWidth(3, 70 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per problem of a refused row: the row's number, the column as the file heads it, and why. */
    static byte[] errorsCsv(List<RowResult> results, String jobDetail) {
        List<List<String>> lines = new java.util.ArrayList<>();
        if (jobDetail != null && results.stream().noneMatch(r -> ImportPlan.REFUSED.equals(r.outcome()))) {
            lines.add(java.util.Arrays.asList("", "", jobDetail));
        }
        for (RowResult r : results) {
            if (!ImportPlan.REFUSED.equals(r.outcome())) continue;
            for (RowProblem p : r.problems()) {
                lines.add(java.util.Arrays.asList(String.valueOf(r.row()), p.column() == null ? "" : p.column(), p.message()));
            }
        }
        return csv(List.of("row", "column", "message"), lines);
    }

    /**
     * A CSV file for spreadsheets: UTF-8 with a byte order mark (so they read the Chinese), RFC 4180, every cell
     * that a spreadsheet would run as a formula neutralised ({@link CsvCells}).
     */
    public static byte[] csv(List<String> header, List<List<String>> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(CsvCells::neutral).toList());
            for (List<String> line : lines) printer.printRecord(line.stream().map(CsvCells::neutral).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
