-- Earner portal: claim links emailed at issuance, and the earner's public share switch.

-- A single-use link that signs an earner into the wallet for the credential's email address. Only
-- the SHA-256 of the token is kept; the token itself exists only in the email.
CREATE TABLE credential_claim (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  credential_id    uuid NOT NULL REFERENCES issued_credential (id),
  email            varchar(320) NOT NULL,
  token_hash       varchar(64) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at          TIMESTAMP WITH TIME ZONE,
  CONSTRAINT credential_claim_token UNIQUE (token_hash)
);
CREATE INDEX credential_claim_credential ON credential_claim (credential_id);

-- The wallet lists an earner's credentials across organizations, by email.
CREATE INDEX issued_credential_recipient ON issued_credential (recipient_email);

-- Off until the earner turns it on: /share/{id} shows nothing while it is off.
ALTER TABLE issued_credential ADD COLUMN share_enabled boolean NOT NULL DEFAULT false;
