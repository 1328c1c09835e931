-- Ownership of shared records (docs/trust-model.md, "Who may change an enterprise"): the body whose
-- certifier registered a holder, and the contact data the holder's own account keeps. Holders registered
-- before this migration, by the authority or by the demo seeder have no registering body.
ALTER TABLE enterprise ADD COLUMN registered_by_body_id BIGINT REFERENCES certification_body (id);
ALTER TABLE enterprise ADD COLUMN website VARCHAR(300);
ALTER TABLE enterprise ADD COLUMN contact_email VARCHAR(254);
ALTER TABLE enterprise ADD COLUMN contact_phone VARCHAR(40);

-- Whether a body other than the caller's has certified a holder is read as the lowest and highest body id
-- of the holder's certificates, which this index answers without visiting the certificate rows.
CREATE INDEX ix_certificate_holder_body ON certificate (holder_id, body_id);
