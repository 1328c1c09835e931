-- The signature of the offline QR claims (docs/qr-token.md), made by the issuing body's key at issuance
-- together with the certificate record, so a certificate's label never changes.
ALTER TABLE certificate ADD COLUMN qr_signature BYTEA;
