-- Admissions: a cycle per program intake, a versioned application form per cycle, applications with their
-- answers and event history. Reviews, decisions and campaigns live in later migrations.
--
-- application_form.definition is JSON: {"fields":[{"key","label","type","required","help","options",
-- "showIf":{"field","equals"},"accept","maxBytes"}]}, type one of TEXT, LONG_TEXT, CHOICE, DATE, NUMBER,
-- FILE, YES_NO. A published version is never changed: editing the form publishes the next version, and an
-- application keeps the version it was answered on (application.form_id).

CREATE TABLE admission_cycle (
  id                    uuid PRIMARY KEY,
  organization_id       uuid NOT NULL REFERENCES organization (id),
  program_id            uuid NOT NULL,
  program_code          varchar(40) NOT NULL,
  program_name          varchar(300) NOT NULL,
  intake_id             uuid NOT NULL,
  name                  varchar(200) NOT NULL,
  starts_on             date NOT NULL,
  opens_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  closes_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  status                varchar(12) NOT NULL,
  acceptance_days       integer NOT NULL DEFAULT 30,
  deposit_amount        numeric(12, 2),
  deposit_currency      varchar(3),
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT admission_cycle_intake_unique UNIQUE (organization_id, intake_id)
);
CREATE INDEX admission_cycle_org ON admission_cycle (organization_id, status, closes_at);

CREATE TABLE application_form (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  cycle_id         uuid NOT NULL REFERENCES admission_cycle (id),
  version          integer NOT NULL,
  definition       text NOT NULL,
  published_at     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT application_form_version_unique UNIQUE (cycle_id, version)
);

-- One application per applicant per cycle (a second one is refused by the domain and by this constraint).
-- status: see org.credo.admissions.ApplicationStatus.
CREATE TABLE application (
  id                   uuid PRIMARY KEY,
  organization_id      uuid NOT NULL REFERENCES organization (id),
  cycle_id             uuid NOT NULL REFERENCES admission_cycle (id),
  form_id              uuid NOT NULL REFERENCES application_form (id),
  number               varchar(20) NOT NULL,
  applicant_person_id  uuid REFERENCES person (id),
  learner_id           uuid,
  applicant_name       varchar(200) NOT NULL,
  applicant_email      varchar(320) NOT NULL,
  status               varchar(24) NOT NULL,
  source               varchar(12) NOT NULL,
  submitted_at         TIMESTAMP WITH TIME ZONE,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  lock_version         integer NOT NULL DEFAULT 0,
  CONSTRAINT application_number_unique UNIQUE (organization_id, number),
  CONSTRAINT application_once_per_cycle UNIQUE (cycle_id, applicant_email)
);
CREATE INDEX application_org_status ON application (organization_id, status, submitted_at);
CREATE INDEX application_cycle_status ON application (cycle_id, status);
CREATE INDEX application_applicant ON application (applicant_person_id);

-- The answer to one field; a FILE answer names the stored document.
CREATE TABLE application_answer (
  application_id   uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  field_key        varchar(60) NOT NULL,
  answer_text      text,
  document_id      uuid,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (application_id, field_key)
);

-- Everything that happened to an application, newest last: the applicant's and the person's timelines.
CREATE TABLE application_event (
  id               uuid PRIMARY KEY,
  application_id   uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  kind             varchar(40) NOT NULL,
  detail           varchar(2000),
  actor_id         uuid,
  actor_name       varchar(200) NOT NULL,
  occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_event_application ON application_event (application_id, occurred_at);
