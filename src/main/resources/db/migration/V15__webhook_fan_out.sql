-- Webhook deliveries are derived from the log after each change commits (webhook/WebhookFanOut), not written
-- in the change's own transaction: a holder's many endpoints then add no rows to the transaction that holds
-- the log lock. The log is the outbox: an entry's index is assigned under the lock and committed in index order,
-- so "every entry up to last_log_index has its deliveries" is a cursor that never skips a committed change.
CREATE TABLE webhook_fan_out (
    id              INTEGER NOT NULL PRIMARY KEY,
    last_log_index  BIGINT NOT NULL,
    CONSTRAINT ck_webhook_fan_out_single CHECK (id = 1)
);
-- Everything logged so far already has its deliveries (written with its change).
INSERT INTO webhook_fan_out (id, last_log_index) SELECT 1, COALESCE(MAX(log_index), -1) FROM status_event;

-- One delivery per change and endpoint, whoever derives it and however often (a fan-out that ran twice,
-- two instances); pings have no status event, and NULLs never collide.
CREATE UNIQUE INDEX uq_webhook_delivery_event_endpoint ON webhook_delivery (status_event_id, endpoint_id);

-- An endpoint receives the changes logged after its registration: the last index committed when it was
-- registered (log order is commit order). Endpoints registered before this version saw everything up to the
-- cursor's start already.
ALTER TABLE webhook_endpoint ADD COLUMN after_log_index BIGINT;
UPDATE webhook_endpoint SET after_log_index = (SELECT last_log_index FROM webhook_fan_out WHERE id = 1);
ALTER TABLE webhook_endpoint ALTER COLUMN after_log_index SET NOT NULL;
