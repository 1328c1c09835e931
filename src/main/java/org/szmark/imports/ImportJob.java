package org.szmark.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One import of a file (V17): its progress while it runs and its report once it is done. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, REFUSED, FAILED }

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "body_id", nullable = false)
    public Long bodyId;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "file_format", nullable = false, length = 8)
    public String format;

    @Column(name = "file_encoding", length = 16)
    public String encoding;

    @Column(name = "file_sha256", nullable = false, length = 64)
    public String sha256;

    @Column(name = "rows_total", nullable = false)
    public int rowsTotal;

    @Column(name = "rows_done", nullable = false)
    public int rowsDone;

    @Column(name = "rows_created", nullable = false)
    public int rowsCreated;

    @Column(name = "rows_present", nullable = false)
    public int rowsPresent;

    @Column(name = "rows_refused", nullable = false)
    public int rowsRefused;

    @Column(name = "holders_created", nullable = false)
    public int holdersCreated;

    @Column(name = "products_created", nullable = false)
    public int productsCreated;

    @Column(nullable = false)
    public boolean written;

    @Column(length = 2000)
    public String detail;

    /** JSON array of the file's warnings (its encoding, formulas read by their stored values). */
    @Column(columnDefinition = "text")
    public String warnings;

    /** JSON array of the row results, once the job is finished. */
    @Column(columnDefinition = "text")
    public String report;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
