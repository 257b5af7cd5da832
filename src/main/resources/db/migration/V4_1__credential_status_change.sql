-- When a credential was revoked or suspended, for public verification ("Revoked on <date>").
-- Written by credentials.verification when the lifecycle events are published, in the same transaction.
CREATE TABLE credential_status_change (
  id              uuid PRIMARY KEY,
  credential_id   uuid NOT NULL REFERENCES issued_credential (id),
  purpose         varchar(12) NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX credential_status_change_credential ON credential_status_change (credential_id, changed_at);
