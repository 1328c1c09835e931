-- Imports of holders, products and certificates from CSV or XLSX files (docs/import.md). A job is the file's
-- progress and, once finished, its report: one result per row, kept as JSON text. The file itself is not kept.
-- Only the certifiers of the importing body read a job. Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).
CREATE TABLE import_job (
    id              VARCHAR(36) PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES account (id),
    body_id         BIGINT NOT NULL REFERENCES certification_body (id),
    dry_run         BOOLEAN NOT NULL,
    -- QUEUED, RUNNING, SUCCEEDED, REFUSED (rows refused: nothing written), FAILED (the registry failed: nothing written)
    status          VARCHAR(16) NOT NULL,
    file_format     VARCHAR(8) NOT NULL,
    file_encoding   VARCHAR(16),
    file_sha256     VARCHAR(64) NOT NULL,
    rows_total      INTEGER NOT NULL,
    rows_done       INTEGER NOT NULL,
    rows_created    INTEGER NOT NULL,
    rows_present    INTEGER NOT NULL,
    rows_refused    INTEGER NOT NULL,
    holders_created INTEGER NOT NULL,
    products_created INTEGER NOT NULL,
    -- whether the import's transaction committed: never for a dry run or a job with a refused row
    written         BOOLEAN NOT NULL,
    detail          VARCHAR(2000),
    warnings        TEXT,
    report          TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE
);
-- A body's jobs, newest first.
CREATE INDEX ix_import_job_body ON import_job (body_id, created_at);
