-- What an organization issues: general VC 2.0 / 1.1 credentials through the VC-API (off unless the
-- organization allows them), and whether Open Badges credentials carry a suspension entry besides the
-- revocation entry (off: the OB 3.0 JSON Schema allows one credentialStatus object; ADR 15).
ALTER TABLE issuer_profile ADD COLUMN general_credentials boolean NOT NULL DEFAULT false;
ALTER TABLE issuer_profile ADD COLUMN suspension_entries boolean NOT NULL DEFAULT false;

-- Credentials that are not Open Badges, issued through POST /credentials/issue. Status slots are null
-- when the caller brought its own credentialStatus, or for VC 1.1 (whose context has no status terms).
CREATE TABLE general_credential (
  id                  uuid PRIMARY KEY,
  organization_id     uuid NOT NULL REFERENCES organization (id),
  credential_id       varchar(2000) NOT NULL,
  types               varchar(2000) NOT NULL,
  data_model          varchar(4) NOT NULL,
  cryptosuite         varchar(20) NOT NULL,
  status              varchar(12) NOT NULL,
  revocation_list_id  uuid REFERENCES status_list (id),
  revocation_index    integer,
  suspension_list_id  uuid REFERENCES status_list (id),
  suspension_index    integer,
  notice_list_id      uuid REFERENCES status_list (id),
  notice_index        integer,
  issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by           varchar(200) NOT NULL,
  document            text NOT NULL
);
CREATE INDEX general_credential_org ON general_credential (organization_id, issued_at);
