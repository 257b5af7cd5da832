-- Documents (ADR 37): files people upload (an applicant's transcript, say), owned by a person in an organization,
-- with the type Credo sniffed from the content and its SHA-256. The bytes sit in document_content by default;
-- another store (S3-compatible) would keep them elsewhere and leave that table empty.
CREATE TABLE document (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  owner_person_id  uuid,
  purpose          varchar(60) NOT NULL,
  file_name        varchar(255) NOT NULL,
  content_type     varchar(100) NOT NULL,
  size_bytes       bigint NOT NULL,
  sha256           varchar(64) NOT NULL,
  store            varchar(20) NOT NULL DEFAULT 'DATABASE',
  created_by       uuid,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX document_owner ON document (organization_id, owner_person_id);

CREATE TABLE document_content (
  document_id  uuid PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
  content      bytea NOT NULL
);

-- Applications imported from a CSV file (ADR 36): the file's SHA-256 makes a second post of the same file a no-op.
CREATE TABLE application_import (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  file_sha256      varchar(64) NOT NULL,
  file_name        varchar(255) NOT NULL,
  rows_imported    integer NOT NULL,
  imported_by      uuid,
  imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT application_import_once UNIQUE (organization_id, file_sha256)
);

-- The words of the emails admissions sends, per organization; a kind without a row uses Credo's wording.
CREATE TABLE admission_email_template (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  kind             varchar(40) NOT NULL,
  subject          varchar(300) NOT NULL,
  body             text NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, kind)
);
