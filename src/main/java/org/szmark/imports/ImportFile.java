package org.szmark.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An import file as read: its rows, each a certificate with its holder and product, and what was noticed on the
 * way. Reading checks the form of each cell (the text rule, length); what the cells mean is checked by the same
 * services the API uses, when the file is imported.
 *
 * @param format   CSV or XLSX
 * @param encoding how a CSV file's bytes were read (UTF-8 or GB18030); null for XLSX
 * @param headers  each column's header as the file writes it, for reports that point at the file
 * @param sha256   hex SHA-256 of the file's bytes
 */
public record ImportFile(String format, String encoding, Map<ImportColumn, String> headers, List<Row> rows,
                         List<String> warnings, String sha256) {

    /** One data row: its number as a spreadsheet shows it (the header is row 1), its cells, and refusals of them. */
    public record Row(int number, EnumMap<ImportColumn, String> cells, List<Problem> problems) {
        public String cell(ImportColumn c) {
            return cells.get(c);
        }
    }

    /** Why a row, or one of its cells ({@code column}, null for the row as a whole), is refused. */
    public record Problem(ImportColumn column, String type, String message) {}
}
