-- A person's secret calendar feed (ADR 47): the address holds a random token; only its SHA-256 is kept, so the
-- address is shown once, when made. Making a new one or revoking ends the old one.
CREATE TABLE calendar_feed (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  person_id        uuid NOT NULL REFERENCES person (id),
  token_hash       varchar(64) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at       TIMESTAMP WITH TIME ZONE,
  last_read_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT uq_calendar_feed_token UNIQUE (token_hash)
);
CREATE INDEX ix_calendar_feed_person ON calendar_feed (organization_id, person_id);
