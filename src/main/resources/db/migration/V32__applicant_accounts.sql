-- Applicant accounts (ADR 40): a self-service sign-up waits here until its emailed link is followed; only then does a
-- person with an APPLICANT membership exist. Every request is kept (also those for addresses that already belong to
-- someone, which get no link) so that the per-address limit counts them all alike.
--
-- kind: NEW (a verification link was sent; token_hash and password_hash are set) or EXISTING (the address already
-- belonged to a person; the email said "sign in or reset your password", and there is nothing to verify).
-- Only the SHA-256 of the emailed token is stored.

CREATE TABLE applicant_sign_up (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  email            varchar(320) NOT NULL,
  display_name     varchar(200) NOT NULL,
  program_code     varchar(40),
  kind             varchar(10) NOT NULL,
  token_hash       varchar(64),
  password_hash    varchar(200),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at          TIMESTAMP WITH TIME ZONE,
  person_id        uuid REFERENCES person (id),
  CONSTRAINT applicant_sign_up_token_unique UNIQUE (token_hash)
);
CREATE INDEX applicant_sign_up_email ON applicant_sign_up (email, created_at);

-- An organization's own wording of an applicant account email (Mustache), replacing the built-in one.
-- kind: VERIFY or EXISTING (see org.credo.admissions.account.SignUpEmails).
CREATE TABLE applicant_email_template (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  kind             varchar(20) NOT NULL,
  subject          varchar(300) NOT NULL,
  text_body        text NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, kind)
);

-- People imports (ADR 41): an uploaded CSV of learner records, kept from its preview to its confirmation so that
-- the rows applied are exactly the rows checked. A file (by its SHA-256) is applied at most once per organization.
-- status: PREVIEWED or APPLIED.
CREATE TABLE learner_import (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  sha256           varchar(64) NOT NULL,
  file_name        varchar(300) NOT NULL,
  content          text NOT NULL,
  row_count        integer NOT NULL,
  status           varchar(10) NOT NULL,
  uploaded_by      uuid,
  uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  applied_by       uuid,
  applied_at       TIMESTAMP WITH TIME ZONE,
  created_count    integer,
  CONSTRAINT learner_import_file_unique UNIQUE (organization_id, sha256)
);
