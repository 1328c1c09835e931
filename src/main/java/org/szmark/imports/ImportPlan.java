package org.szmark.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierText;
import org.szmark.imports.ImportViews.RowProblem;
import org.szmark.imports.ImportViews.RowResult;
import org.szmark.standard.StandardNumber;

/**
 * The rows of one import and what each came to so far. Built from the file with the checks that need no
 * database: dates, and rows that contradict each other (one holder or product described two ways, one
 * certificate twice); the services decide the rest as the import runs.
 */
final class ImportPlan {

    static final String CREATED = "CREATED";
    static final String PRESENT = "PRESENT";
    static final String REFUSED = "REFUSED";

    /** A row being imported: its cells, parsed dates, and the outcome of its holder, product and certificate. */
    static final class RowState {
        final ImportFile.Row row;
        final String holderKey;
        final String productKey;
        LocalDate issueDate;
        LocalDate expiryDate;
        LocalDate firstIssueDate;
        String holder;
        String product;
        String certificate;
        String number;
        final List<RowProblem> problems = new ArrayList<>();

        RowState(ImportFile.Row row) {
            this.row = row;
            String code = row.cell(ImportColumn.CREDIT_CODE);
            this.holderKey = code == null ? "" : IdentifierText.normaliseCode(code);
            String model = row.cell(ImportColumn.PRODUCT_MODEL);
            this.productKey = holderKey + "\n" + (model == null ? "" : model);
        }

        String cell(ImportColumn c) {
            return row.cell(c);
        }

        boolean refused() {
            return !problems.isEmpty();
        }

        String outcome() {
            if (refused()) return REFUSED;
            return CREATED.equals(certificate) ? CREATED : PRESENT;
        }

        RowResult result() {
            return new RowResult(row.number(), outcome(), holder, product, certificate, number, List.copyOf(problems));
        }
    }

    final ImportFile file;
    final List<RowState> rows = new ArrayList<>();

    ImportPlan(ImportFile file) {
        this.file = file;
        Map<String, RowState> holders = new HashMap<>();
        Map<String, RowState> products = new HashMap<>();
        Map<String, RowState> certificates = new HashMap<>();
        for (ImportFile.Row row : file.rows()) {
            RowState s = new RowState(row);
            rows.add(s);
            for (ImportFile.Problem p : row.problems()) problem(s, p.column(), p.type(), p.message());
            s.issueDate = date(s, ImportColumn.ISSUE_DATE);
            s.expiryDate = date(s, ImportColumn.EXPIRY_DATE);
            s.firstIssueDate = date(s, ImportColumn.FIRST_ISSUE_DATE);
            if (s.refused()) continue;
            RowState first = holders.putIfAbsent(s.holderKey, s);
            if (first != null) {
                List<String> differ = differing(first, s, ImportColumn.HOLDER_NAME_ZH, ImportColumn.HOLDER_NAME_EN,
                        ImportColumn.HOLDER_ADDRESS_ZH, ImportColumn.HOLDER_ADDRESS_EN);
                if (!differ.isEmpty()) {
                    problem(s, null, "import-inconsistent", "describes holder " + s.holderKey + " otherwise than row "
                            + first.row.number() + " (" + String.join(", ", differ) + "); every row of a holder must say the same");
                    continue;
                }
            }
            first = products.putIfAbsent(s.productKey, s);
            if (first != null) {
                List<String> differ = differing(first, s, ImportColumn.PRODUCT_NAME_ZH, ImportColumn.PRODUCT_NAME_EN,
                        ImportColumn.TRADEMARK, ImportColumn.GTIN);
                if (!differ.isEmpty()) {
                    problem(s, null, "import-inconsistent", "describes product " + s.cell(ImportColumn.PRODUCT_MODEL)
                            + " otherwise than row " + first.row.number() + " (" + String.join(", ", differ)
                            + "); every row of a product must say the same");
                    continue;
                }
            }
            first = certificates.putIfAbsent(certificateKey(s), s);
            if (first != null) {
                problem(s, null, "import-duplicate-row", s.cell(ImportColumn.CERTIFICATE_NUMBER) != null
                        ? "has the certificate number of row " + first.row.number()
                        : "is the certificate of row " + first.row.number() + " again (same holder, product, standard and "
                        + "issue date); give each row its certificateNumber if both are meant");
            }
        }
    }

    /** A certificate is its number where the row gives one, else its holder, product, standard and issue date. */
    private static String certificateKey(RowState s) {
        String number = s.cell(ImportColumn.CERTIFICATE_NUMBER);
        if (number != null) return "#" + IdentifierText.normaliseCode(number);
        return s.productKey + "\n" + standardKey(s.cell(ImportColumn.STANDARD)) + "\n" + s.issueDate;
    }

    static String standardKey(String raw) {
        if (raw == null) return "";
        try {
            return StandardNumber.parse(raw).toString();
        } catch (IdentifierException e) {
            return raw;
        }
    }

    private static List<String> differing(RowState a, RowState b, ImportColumn... columns) {
        List<String> differ = new ArrayList<>();
        for (ImportColumn c : columns) {
            if (!Objects.equals(a.cell(c), b.cell(c))) differ.add(c.en);
        }
        return differ;
    }

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-M-d");

    /** YYYY-MM-DD; spreadsheets' 2024/3/5 and 2024-3-5 are read too. */
    private LocalDate date(RowState s, ImportColumn c) {
        String v = s.cell(c);
        if (v == null) return null;
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DASHED, SLASHED)) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        problem(s, c, "validation", "must be a date, YYYY-MM-DD");
        return null;
    }

    void problem(RowState s, ImportColumn column, String type, String message) {
        String header = column == null ? null : file.headers().getOrDefault(column, column.en);
        s.problems.add(new RowProblem(header, type, message));
    }

    List<RowResult> results() {
        return rows.stream().map(RowState::result).toList();
    }

    int count(String outcome) {
        return (int) rows.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
