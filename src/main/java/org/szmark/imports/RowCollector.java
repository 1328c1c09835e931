package org.szmark.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.szmark.common.DomainException.FieldError;
import org.szmark.text.TextRule;

/**
 * Turns the header and the rows of a file, as CSV or XLSX gives them (lists of cell texts), into {@link ImportFile}
 * rows: the one place where headers are matched to columns, the row limit is kept and cells meet the text rule, so
 * both formats read alike.
 */
final class RowCollector {
    private final int maxRows;
    private ImportColumn[] columns;
    private final Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
    private final List<ImportFile.Row> rows = new ArrayList<>();

    RowCollector(int maxRows) {
        this.maxRows = maxRows;
    }

    boolean hasHeader() {
        return columns != null;
    }

    /** The column of the cell at this index (0-based), null when its header is blank or absent. */
    ImportColumn columnAt(int index) {
        return columns == null || index >= columns.length ? null : columns[index];
    }

    /**
     * Reads the header row. Every header must name a column (English or Chinese), none twice, and every required
     * column must be there; otherwise the file is refused naming each of them.
     */
    void header(List<String> cells) {
        List<FieldError> errors = new ArrayList<>();
        Map<ImportColumn, Integer> seen = new LinkedHashMap<>();
        columns = new ImportColumn[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i) == null ? "" : cells.get(i).strip();
            if (i == 0 && h.startsWith("\uFEFF")) h = h.substring(1).strip();
            if (h.isEmpty()) continue;
            ImportColumn c = ImportColumn.byHeader(h);
            String where = "column " + columnLetters(i);
            if (c == null) {
                errors.add(new FieldError(where, "unknown column header" + (TextRule.accepts(h, TextRule.Kind.ONE_LINE)
                        && h.length() <= 100 ? " '" + CsvCells.neutral(h) + "'" : "") + "; the columns are listed in docs/import.md"));
            } else if (seen.containsKey(c)) {
                errors.add(new FieldError(where, "names the column " + c.en + " (" + c.zh + ") a second time, first in column "
                        + columnLetters(seen.get(c))));
            } else {
                seen.put(c, i);
                columns[i] = c;
                headers.put(c, h);
            }
        }
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required && !seen.containsKey(c)) {
                errors.add(new FieldError(c.en, "required column missing: " + c.en + " (" + c.zh + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused("import-columns", "The file's header row does not fit the import: " + errors.size()
                    + (errors.size() == 1 ? " problem" : " problems") + " (see errors); nothing was imported", errors);
        }
    }

    /** One data row by its number (the header is row 1). Blank rows are skipped; one past the limit refuses the file. */
    void row(int number, List<String> cells, List<ImportFile.Problem> noticed) {
        boolean blank = noticed.isEmpty();
        for (String c : cells) blank &= c == null || c.isBlank();
        if (blank) return;
        if (rows.size() == maxRows) {
            throw new ImportRefused("import-too-many-rows", "The file has more than " + maxRows + " rows of data (row "
                    + number + " is one too many; szmark.imports.max-rows); nothing was imported. Split it into files of at most "
                    + maxRows + " rows");
        }
        EnumMap<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
        List<ImportFile.Problem> problems = new ArrayList<>(noticed);
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value == null || value.isBlank()) continue;
            ImportColumn c = columnAt(i);
            if (c == null) {
                problems.add(new ImportFile.Problem(null, "import-cell",
                        "column " + columnLetters(i) + " has a value but no known header"));
                continue;
            }
            if (value.length() > ImportColumn.MAX_CELL_LENGTH) {
                problems.add(new ImportFile.Problem(c, "validation", "must be at most " + ImportColumn.MAX_CELL_LENGTH + " characters"));
                continue;
            }
            Optional<TextRule.Refusal> refused = TextRule.check(value, c.kind());
            if (refused.isPresent()) {
                problems.add(new ImportFile.Problem(c, "validation", refused.get().message()));
                continue;
            }
            values.put(c, value.strip());
        }
        rows.add(new ImportFile.Row(number, values, problems));
    }

    List<ImportFile.Row> rows() {
        return rows;
    }

    Map<ImportColumn, String> headers() {
        return headers;
    }

    /** A, B, ..., Z, AA, ... as spreadsheets name columns. */
    static String columnLetters(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) b.insert(0, (char) ('A' + (n - 1) % 26));
        return b.toString();
    }
}
