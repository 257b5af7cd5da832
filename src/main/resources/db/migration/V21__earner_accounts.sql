-- Earner accounts (ADR 0025): an earner keeps access to the wallet with a password or an emailed sign-in
-- link, owns one or more verified email addresses, and may publish a profile of chosen credentials.

-- The earner. The home organization is the one whose credential (or membership) opened the account; its
-- outbox sends the earner's sign-in and verification emails.
CREATE TABLE earner_account (
  id                    uuid PRIMARY KEY,
  display_name          varchar(200) NOT NULL,
  home_organization_id  uuid NOT NULL REFERENCES organization (id),
  password_hash         varchar(200),
  failed_sign_ins       integer NOT NULL DEFAULT 0,
  paused_until          TIMESTAMP WITH TIME ZONE,
  handle                varchar(40),
  profile_enabled       boolean NOT NULL DEFAULT false,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT earner_account_handle UNIQUE (handle)
);

-- A verified address: the primary key makes one address belong to one earner, even when two verify at once.
CREATE TABLE earner_email (
  email        varchar(320) PRIMARY KEY,
  account_id   uuid NOT NULL REFERENCES earner_account (id),
  verified_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX earner_email_account ON earner_email (account_id);

-- Single-use emailed links: SIGN_IN opens the wallet of the address, VERIFY adds the address to an account.
-- Only the SHA-256 of the token is kept.
CREATE TABLE earner_link (
  id           uuid PRIMARY KEY,
  purpose      varchar(10) NOT NULL,
  email        varchar(320) NOT NULL,
  account_id   uuid REFERENCES earner_account (id),
  token_hash   varchar(64) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT earner_link_token UNIQUE (token_hash)
);
CREATE INDEX earner_link_email ON earner_link (email, created_at);

-- The credentials an earner chose to show on the public profile.
CREATE TABLE earner_profile_credential (
  account_id     uuid NOT NULL REFERENCES earner_account (id),
  credential_id  uuid NOT NULL REFERENCES issued_credential (id),
  added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_id, credential_id)
);
