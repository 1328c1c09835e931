-- Staff sign-in through the authority's OpenID Connect provider (docs/accounts.md, "OpenID Connect").
-- A staff user is linked to the provider's subject (and issuer) at its first sign-in there; from then on the link,
-- not the user-name claim, finds the user, and a token of another subject naming that user is refused.
-- Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

ALTER TABLE staff_user ADD COLUMN oidc_issuer VARCHAR(255);
ALTER TABLE staff_user ADD COLUMN oidc_subject VARCHAR(255);
ALTER TABLE staff_user ADD CONSTRAINT uq_staff_user_oidc UNIQUE (oidc_issuer, oidc_subject);

-- How the session was opened: 'password' (form sign-in) or 'oidc' (the provider, whose second factor is trusted).
ALTER TABLE staff_session ADD COLUMN method VARCHAR(16) DEFAULT 'password' NOT NULL;
