-- Admissions CRM: staff notes on a person, email campaigns with their recipients, unsubscribed addresses, and the
-- key that signs unsubscribe links. Also lets an outbox email carry extra headers (List-Unsubscribe, RFC 8058).

-- Extra header lines of an outbox email, "Name: value" one per line; erased with the body once sent.
ALTER TABLE email_outbox ADD COLUMN headers text;

-- A staff note on a learner record, shown on the person's timeline. Notes are never edited.
CREATE TABLE admission_note (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  learner_id       uuid NOT NULL,
  body             varchar(4000) NOT NULL,
  author_id        uuid,
  author_name      varchar(200) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admission_note_learner ON admission_note (organization_id, learner_id, created_at);

-- A campaign: whom (the segment columns, each optional), what (subject, body with merge fields) and when.
-- kind: MARKETING or TRANSACTIONAL. status: DRAFT, SCHEDULED, SENT.
CREATE TABLE admission_campaign (
  id                  uuid PRIMARY KEY,
  organization_id     uuid NOT NULL REFERENCES organization (id),
  name                varchar(200) NOT NULL,
  kind                varchar(16) NOT NULL,
  program_id          uuid,
  cycle_id            uuid,
  application_status  varchar(24),
  learner_status      varchar(16),
  subject             varchar(300) NOT NULL,
  body                text NOT NULL,
  status              varchar(12) NOT NULL,
  send_at             TIMESTAMP WITH TIME ZONE,
  sent_at             TIMESTAMP WITH TIME ZONE,
  recipient_count     integer,
  created_by          varchar(200) NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admission_campaign_org ON admission_campaign (organization_id, created_at);
CREATE INDEX admission_campaign_due ON admission_campaign (status, send_at);

-- One person a campaign was sent to (or skipped): the key makes a second send of the same campaign reach nobody
-- twice. dedup_key names the outbox email; skipped says why none was queued (UNSUBSCRIBED).
CREATE TABLE admission_campaign_recipient (
  campaign_id      uuid NOT NULL REFERENCES admission_campaign (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  email            varchar(320) NOT NULL,
  name             varchar(200) NOT NULL,
  learner_id       uuid,
  dedup_key        varchar(200),
  skipped          varchar(20),
  queued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (campaign_id, email)
);

-- Addresses (lower case) that asked for no more marketing email from an organization.
CREATE TABLE admission_unsubscribe (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  email            varchar(320) NOT NULL,
  unsubscribed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, email)
);

-- The HMAC key of unsubscribe links: one row, made by the first node that needs it.
CREATE TABLE admission_unsubscribe_key (
  id          integer PRIMARY KEY,
  secret      varchar(128) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
