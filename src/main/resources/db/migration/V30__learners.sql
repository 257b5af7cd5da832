-- Learners: one record per person per organization, its contacts, identifiers and status history;
-- the organization's learner-number format; hold types and holds.
--
-- Learner numbers are never reused: learner_number_issued keeps every number ever handed out, even after
-- its record is deleted or merged, and the per-organization counter only moves forward.

CREATE TABLE learner_settings (
  organization_id   uuid PRIMARY KEY REFERENCES organization (id),
  number_prefix     varchar(12) NOT NULL,
  number_digits     integer NOT NULL,
  next_number       bigint NOT NULL,
  self_edit_fields  varchar(200) NOT NULL
);

CREATE TABLE learner_number_issued (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  learner_number   varchar(40) NOT NULL,
  issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, learner_number)
);

CREATE TABLE learner (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  person_id          uuid REFERENCES person (id),
  learner_number     varchar(40) NOT NULL,
  legal_given_name   varchar(100) NOT NULL,
  legal_family_name  varchar(100) NOT NULL,
  preferred_name     varchar(100),
  date_of_birth      date,
  pronouns           varchar(40),
  status             varchar(20) NOT NULL,
  program_id         uuid,
  program_code       varchar(40),
  program_name       varchar(300),
  program_version    integer,
  catalog_year       varchar(20),
  matriculated_on    date,
  directory_opt_out  boolean NOT NULL DEFAULT false,
  search_text        varchar(1000) NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT learner_number_unique UNIQUE (organization_id, learner_number),
  CONSTRAINT learner_person_unique UNIQUE (organization_id, person_id)
);
CREATE INDEX learner_org_status ON learner (organization_id, status);
CREATE INDEX learner_org_family ON learner (organization_id, legal_family_name, legal_given_name);

CREATE TABLE learner_contact (
  id               uuid PRIMARY KEY,
  learner_id       uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  kind             varchar(10) NOT NULL,
  contact_type     varchar(20) NOT NULL,
  contact_value    varchar(500) NOT NULL,
  valid_from       date,
  valid_to         date,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learner_contact_learner ON learner_contact (learner_id);
CREATE INDEX learner_contact_value ON learner_contact (organization_id, kind, contact_value);

CREATE TABLE learner_identifier (
  id               uuid PRIMARY KEY,
  learner_id       uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  kind             varchar(20) NOT NULL,
  issuer           varchar(200) NOT NULL,
  identifier_value varchar(200),
  sealed_value     varchar(500),
  last_four        varchar(4),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learner_identifier_learner ON learner_identifier (learner_id);

CREATE TABLE learner_status_change (
  id               uuid PRIMARY KEY,
  learner_id       uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  from_status      varchar(20),
  to_status        varchar(20) NOT NULL,
  effective_on     date NOT NULL,
  reason           varchar(1000) NOT NULL,
  changed_by_id    uuid,
  changed_by_name  varchar(200) NOT NULL,
  changed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learner_status_change_learner ON learner_status_change (learner_id, changed_at);

CREATE TABLE hold_type (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  name             varchar(100) NOT NULL,
  blocks           varchar(200) NOT NULL,
  office_role      varchar(40) NOT NULL,
  instructions     varchar(2000) NOT NULL,
  active           boolean NOT NULL DEFAULT true,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT hold_type_name_unique UNIQUE (organization_id, name)
);

CREATE TABLE learner_hold (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  learner_id        uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  hold_type_id      uuid NOT NULL REFERENCES hold_type (id),
  reason            varchar(1000) NOT NULL,
  placed_by_id      uuid,
  placed_by_name    varchar(200) NOT NULL,
  placed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  released_at       TIMESTAMP WITH TIME ZONE,
  released_by_id    uuid,
  released_by_name  varchar(200),
  release_reason    varchar(1000)
);
CREATE INDEX learner_hold_learner ON learner_hold (organization_id, learner_id, released_at);
