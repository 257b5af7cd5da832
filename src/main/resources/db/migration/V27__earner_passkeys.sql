-- Passkeys of earner accounts (ADR 33): platform's relying party checks them (ADR 5), the wallet keeps them here,
-- apart from staff passkeys (user_credentials), so that a passkey signs in either an earner or a person, never both.
-- `bytea` works on PostgreSQL and on H2 in PostgreSQL mode (where it means VARBINARY), as in V3.
-- The WebAuthn user handle of an account is the 16 bytes of its id, so no user table is needed.
CREATE TABLE earner_passkey (
  credential_id       varchar(1000) PRIMARY KEY,
  account_id          uuid NOT NULL REFERENCES earner_account (id) ON DELETE CASCADE,
  label               varchar(100) NOT NULL,
  public_key          bytea NOT NULL,
  signature_count     bigint NOT NULL,
  uv_initialized      boolean NOT NULL,
  backup_eligible     boolean NOT NULL,
  backup_state        boolean NOT NULL,
  transports          varchar(200),
  -- The verifier reads the credential's key data from the attestation object at every sign-in.
  attestation_object  bytea NOT NULL,
  client_data_json    bytea,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX earner_passkey_account ON earner_passkey (account_id);
