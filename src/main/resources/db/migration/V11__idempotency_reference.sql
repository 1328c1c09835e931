-- An idempotency record holds what a write did (REFERENCE), from which its answer is rendered after the
-- commit, instead of the whole answer: the answer names log indexes, which are handed out only at the commit,
-- and a batch's answer was megabytes. Rows written before hold the whole answer (ANSWER).
ALTER TABLE idempotency_record ADD COLUMN response_kind VARCHAR(16) DEFAULT 'ANSWER' NOT NULL;
