-- Staff insight (issue 11, item 5): what happened to each credential after it was issued, an issuance
-- dashboard, and reminders before a credential expires. ADR 27.

-- credential_history (V6) also records the earner's and the public's steps: Claimed, Viewed, Shared,
-- Downloaded, Added to a wallet, Verified, Expiry reminder. The dashboard counts them by action and time.
CREATE INDEX credential_history_action ON credential_history (action, occurred_at);

-- Readers already counted, so that a reader who reloads a page within the window is one view (or one
-- verification). The reader is an HMAC of their address and browser with a server key and the window:
-- it cannot be reversed to the address, and it changes every window, so it follows nobody over time.
-- Rows older than a day are deleted.
CREATE TABLE credential_reader (
  credential_id  uuid NOT NULL REFERENCES issued_credential (id),
  kind           varchar(12) NOT NULL,
  reader         varchar(64) NOT NULL,
  time_window    bigint NOT NULL,
  seen_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT credential_reader_once PRIMARY KEY (credential_id, kind, reader, time_window)
);
CREATE INDEX credential_reader_seen ON credential_reader (seen_at);

-- The server key of those HMACs: one row, created by the first node that needs it, shared by all nodes.
CREATE TABLE credential_reader_key (
  id          integer PRIMARY KEY,
  secret      varchar(64) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How many days before a credential expires its earner is reminded; no row means the default (30),
-- a row with days_before NULL means reminders are off.
CREATE TABLE credential_reminder_setting (
  organization_id  uuid PRIMARY KEY REFERENCES organization (id),
  days_before      integer,
  changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by       varchar(200) NOT NULL,
  CONSTRAINT credential_reminder_days CHECK (days_before IS NULL OR (days_before BETWEEN 1 AND 365))
);

-- One reminder per credential, end of validity and window. The job inserts the row first, in the same
-- transaction as the email it enqueues: a second node (or a second run) finds the row and sends nothing.
CREATE TABLE credential_reminder (
  credential_id    uuid NOT NULL REFERENCES issued_credential (id),
  valid_until      TIMESTAMP WITH TIME ZONE NOT NULL,
  days_before      integer NOT NULL,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  queued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  dedup_key        varchar(200) NOT NULL,
  CONSTRAINT credential_reminder_once PRIMARY KEY (credential_id, valid_until, days_before)
);

-- The expiry reminder is worded per organization like the claim email.
ALTER TABLE credential_template DROP CONSTRAINT credential_template_kind;
ALTER TABLE credential_template ADD CONSTRAINT credential_template_kind
  CHECK (kind IN ('CLAIM_EMAIL', 'CERTIFICATE', 'EXPIRY_REMINDER'));

-- The reminder job looks for credentials whose validity ends soon.
CREATE INDEX issued_credential_valid_until ON issued_credential (valid_until);
