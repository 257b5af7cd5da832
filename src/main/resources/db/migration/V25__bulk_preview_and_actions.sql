-- Bulk work is safe: an upload is previewed before anything is issued, and bulk suspend, reinstate,
-- revoke and claim-email resends are planned, reviewed and then applied once.

-- A valid upload now waits as a PREVIEW until the registrar confirms it (then QUEUED as before);
-- an unconfirmed preview lapses (EXPIRED) and issues nothing.
ALTER TABLE bulk_job DROP CONSTRAINT bulk_job_status;
ALTER TABLE bulk_job ADD CONSTRAINT bulk_job_status
  CHECK (status IN ('VALIDATING', 'PREVIEW', 'EXPIRED', 'REJECTED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED'));
ALTER TABLE bulk_job ADD COLUMN preview_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bulk_job ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bulk_job ADD COLUMN confirmed_by varchar(200);

-- A planned change to many credentials: what was asked (items), what is wrong with it (errors), and,
-- once applied, what happened (outcome). Applying moves PREVIEW to APPLIED in one statement, so a
-- plan is applied at most once however often it is confirmed.
CREATE TABLE credential_bulk_action (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  source           varchar(12) NOT NULL,
  idempotency_key  varchar(200),
  file_name        varchar(300),
  status           varchar(10) NOT NULL,
  -- JSON: [{credentialId, action, reason}], the changes to make.
  items            text NOT NULL,
  -- JSON: [{row, credentialId, message}], why the plan cannot be applied.
  errors           text NOT NULL,
  -- JSON: [{credentialId, message}], left out without blocking (a claim email sent a moment ago).
  skipped          text NOT NULL,
  outcome          text,
  created_by       varchar(200) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  applied_by       varchar(200),
  applied_at       TIMESTAMP WITH TIME ZONE,
  CONSTRAINT credential_bulk_action_status CHECK (status IN ('PREVIEW', 'APPLIED')),
  CONSTRAINT credential_bulk_action_key UNIQUE (organization_id, idempotency_key)
);
CREATE INDEX credential_bulk_action_org ON credential_bulk_action (organization_id, created_at);

-- Resends look for the newest claim link of a credential (one is made per claim email).
CREATE INDEX credential_claim_created ON credential_claim (credential_id, created_at);
