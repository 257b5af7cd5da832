-- The wallet's sign-in and address confirmation emails become templates an organization can word (ADR 33).
ALTER TABLE credential_template DROP CONSTRAINT credential_template_kind;
ALTER TABLE credential_template ADD CONSTRAINT credential_template_kind
  CHECK (kind IN ('CLAIM_EMAIL', 'CERTIFICATE', 'EXPIRY_REMINDER', 'EARNER_SIGN_IN', 'EARNER_ADDRESS'));
