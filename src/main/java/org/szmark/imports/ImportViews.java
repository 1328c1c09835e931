package org.szmark.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** JSON shapes of the imports API (docs/import.md). */
public final class ImportViews {
    private ImportViews() {}

    /**
     * What a row came to. {@code outcome}: CREATED (its certificate was, or in a dry run or a refused file would be,
     * issued), PRESENT (the certificate is registered already with the row's data: nothing to write) or REFUSED
     * ({@code problems} say why). {@code holder} and {@code product} say the same of the row's holder and product.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RowResult(int row, String outcome, String holder, String product, String certificate,
                            String certificateNumber, List<RowProblem> problems) {}

    /** One reason a row is refused: the column as the file heads it (absent for the row as a whole), type and words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowProblem(String column, String type, String message) {}

    public record Rows(int total, int done) {}

    public record Summary(int created, int present, int refused, int holdersCreated, int productsCreated) {}

    /**
     * An import job. {@code status}: QUEUED, RUNNING, SUCCEEDED (every row created or present; written unless a dry
     * run), REFUSED (some row refused, or the whole file: nothing written), FAILED (the registry failed: nothing
     * written). {@code results} once finished, one per data row in file order.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportView(String id, boolean dryRun, String status, String format, String encoding, Rows rows,
                             Summary summary, boolean written, String detail, List<String> warnings,
                             OffsetDateTime createdAt, OffsetDateTime finishedAt, String errorsUrl,
                             List<RowResult> results) {}

    public record ImportPage(List<ImportView> items, int page, int size, long total) {}
}
