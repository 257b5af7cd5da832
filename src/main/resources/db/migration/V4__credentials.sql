-- Credentials: issuer keys, achievements, issued credentials, status lists.

-- Ed25519 keys of an organization's issuer. The secret key is encrypted (AES-256-GCM) with a key
-- derived from CREDO_ENCRYPTION_KEY. The newest active key signs; older ones stay published until retired.
CREATE TABLE issuer_key (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  key_number        integer NOT NULL,
  public_multibase  varchar(100) NOT NULL,
  secret_encrypted  varchar(500) NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  superseded_at     TIMESTAMP WITH TIME ZONE,
  retired_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT issuer_key_number_unique UNIQUE (organization_id, key_number)
);

-- The Open Badges Profile of an organization's issuer, beyond what the organization already says.
CREATE TABLE issuer_profile (
  organization_id uuid PRIMARY KEY REFERENCES organization (id),
  description     varchar(2000),
  image_url       varchar(500),
  did_method      varchar(10) NOT NULL DEFAULT 'key'
);

-- Credential definitions (Open Badges Achievement), versioned: a change makes a new version.
CREATE TABLE achievement (
  id                  uuid PRIMARY KEY,
  organization_id     uuid NOT NULL REFERENCES organization (id),
  lineage_id          uuid NOT NULL,
  version             integer NOT NULL,
  status              varchar(12) NOT NULL,
  name                varchar(300) NOT NULL,
  description         varchar(4000) NOT NULL,
  criteria_narrative  varchar(4000) NOT NULL,
  image_url           varchar(500),
  achievement_type    varchar(60) NOT NULL,
  credits_available   numeric(8, 2),
  field_of_study      varchar(200),
  tags                varchar(1000),
  alignments          text,
  result_descriptions text,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  published_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT achievement_version_unique UNIQUE (lineage_id, version)
);
CREATE INDEX achievement_org ON achievement (organization_id, status);

-- Bitstring status lists, one purpose each (revocation or suspension), per organization. bits holds
-- the published status bits; taken marks indices already given to a credential (allocated at random).
CREATE TABLE status_list (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  purpose         varchar(12) NOT NULL,
  length          integer NOT NULL,
  allocated       integer NOT NULL,
  bits            bytea NOT NULL,
  taken           bytea NOT NULL,
  full_at         TIMESTAMP WITH TIME ZONE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  version         bigint NOT NULL
);
CREATE INDEX status_list_open ON status_list (organization_id, purpose, full_at);


CREATE TABLE issued_credential (
  id                    uuid PRIMARY KEY,
  organization_id       uuid NOT NULL REFERENCES organization (id),
  achievement_id        uuid NOT NULL REFERENCES achievement (id),
  recipient_name        varchar(300) NOT NULL,
  recipient_email       varchar(320) NOT NULL,
  recipient_identifier  varchar(200),
  recipient_did         varchar(500),
  cryptosuite           varchar(20) NOT NULL,
  status                varchar(12) NOT NULL,
  status_reason         varchar(1000),
  revocation_list_id    uuid NOT NULL REFERENCES status_list (id),
  revocation_index      integer NOT NULL,
  suspension_list_id    uuid NOT NULL REFERENCES status_list (id),
  suspension_index      integer NOT NULL,
  valid_from            TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_until           TIMESTAMP WITH TIME ZONE,
  issued_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_by             varchar(200) NOT NULL,
  replaced_by           uuid,
  replaces              uuid,
  idempotency_key       varchar(200),
  document              text NOT NULL,
  CONSTRAINT issued_credential_idempotency UNIQUE (organization_id, idempotency_key)
);
CREATE INDEX issued_credential_org ON issued_credential (organization_id, issued_at);
CREATE INDEX issued_credential_email ON issued_credential (organization_id, recipient_email);
