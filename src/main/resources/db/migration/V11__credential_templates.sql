-- Per-organization templates of the claim email and the PDF certificate (Mustache, logic-less).
-- Every save and every reset to the built-in template is a new version; the highest version is in
-- force, and a version with is_default = true means "the built-in template". Nothing is updated
-- in place, so the table is also the history of changes.
CREATE TABLE credential_template (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  kind             varchar(32) NOT NULL,
  version          integer NOT NULL,
  is_default       boolean NOT NULL,
  subject          text,
  html_body        text,
  text_body        text,
  changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by       varchar(200) NOT NULL,
  CONSTRAINT credential_template_version UNIQUE (organization_id, kind, version),
  CONSTRAINT credential_template_kind CHECK (kind IN ('CLAIM_EMAIL', 'CERTIFICATE'))
);
