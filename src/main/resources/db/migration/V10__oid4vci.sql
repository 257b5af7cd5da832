-- OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow (ADR 0009).
-- Every secret (pre-authorized code, access token, c_nonce) is stored only as its hex SHA-256.

-- A credential offer shown to the earner: its pre-authorized code is single-use and short-lived;
-- a newer offer for the same credential withdraws the older unused ones.
CREATE TABLE oid4vci_offer (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  credential_id    uuid NOT NULL REFERENCES issued_credential (id),
  code_hash        varchar(64) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  redeemed_at      TIMESTAMP WITH TIME ZONE,
  withdrawn_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT oid4vci_offer_code UNIQUE (code_hash)
);
CREATE INDEX oid4vci_offer_credential ON oid4vci_offer (credential_id);

-- The access token a redeemed pre-authorized code became; bound to that one credential.
CREATE TABLE oid4vci_access_token (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  credential_id    uuid NOT NULL REFERENCES issued_credential (id),
  offer_id         uuid NOT NULL REFERENCES oid4vci_offer (id),
  token_hash       varchar(64) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT oid4vci_access_token_hash UNIQUE (token_hash)
);

-- c_nonce values from the nonce endpoint: consumed by deleting the row, so each is used once on any node.
CREATE TABLE oid4vci_nonce (
  nonce_hash       varchar(64) PRIMARY KEY,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oid4vci_nonce_expiry ON oid4vci_nonce (expires_at);

-- A copy of a credential delivered to a wallet, bound to the holder's DID. It is the same credential
-- (same id, dates, claims and status list entries), so revocation and suspension apply to it as well.
CREATE TABLE oid4vci_delivery (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  credential_id    uuid NOT NULL REFERENCES issued_credential (id),
  access_token_id  uuid NOT NULL REFERENCES oid4vci_access_token (id),
  holder_did       varchar(2000) NOT NULL,
  format           varchar(20) NOT NULL,
  delivered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  document         text NOT NULL
);
CREATE INDEX oid4vci_delivery_credential ON oid4vci_delivery (organization_id, credential_id);
