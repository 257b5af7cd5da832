-- Admissions reviews, decisions, their release, acceptance and owed deposits (ADR 38).
--
-- A read (application_read) is one reader's review of one application: assigned, then submitted with a score per
-- rubric criterion, or recused with a reason. review_summary keeps the mean weighted score of the submitted reads of
-- an application, updated on each submit, and a copy of the application's status (kept by every status change of
-- reviews, decisions and releases), so that the committee view filters and sorts 50,000 applications on an index.

ALTER TABLE admission_cycle ADD COLUMN rubric_scale_max integer DEFAULT 5 NOT NULL;

CREATE TABLE rubric_criterion (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  cycle_id         uuid NOT NULL REFERENCES admission_cycle (id),
  name             varchar(120) NOT NULL,
  guidance         varchar(1000),
  weight           numeric(6, 2) NOT NULL,
  position         integer NOT NULL,
  CONSTRAINT rubric_criterion_name_unique UNIQUE (cycle_id, name)
);
CREATE INDEX rubric_criterion_cycle ON rubric_criterion (organization_id, cycle_id, position);

-- status: ASSIGNED, SUBMITTED, RECUSED.
CREATE TABLE application_read (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  application_id   uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  reader_id        uuid NOT NULL REFERENCES person (id),
  reader_name      varchar(200) NOT NULL,
  status           varchar(10) NOT NULL,
  weighted_score   numeric(8, 3),
  comments         varchar(4000),
  recusal_reason   varchar(1000),
  assigned_by_name varchar(200) NOT NULL,
  assigned_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT application_read_once UNIQUE (application_id, reader_id)
);
CREATE INDEX application_read_reader ON application_read (organization_id, reader_id, status);

CREATE TABLE read_score (
  read_id       uuid NOT NULL REFERENCES application_read (id) ON DELETE CASCADE,
  criterion_id  uuid NOT NULL REFERENCES rubric_criterion (id),
  score         integer NOT NULL,
  comment       varchar(2000),
  PRIMARY KEY (read_id, criterion_id)
);

CREATE TABLE review_summary (
  application_id   uuid PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  cycle_id         uuid NOT NULL REFERENCES admission_cycle (id),
  program_id       uuid NOT NULL,
  status           varchar(24) NOT NULL,
  score            numeric(8, 3),
  reads_submitted  integer NOT NULL DEFAULT 0,
  readers_active   integer NOT NULL DEFAULT 0,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX review_summary_org_score ON review_summary (organization_id, score DESC NULLS LAST, application_id);
CREATE INDEX review_summary_cycle_score ON review_summary (organization_id, cycle_id, score DESC NULLS LAST, application_id);
CREATE INDEX review_summary_status_score ON review_summary (organization_id, status, score DESC NULLS LAST, application_id);

-- outcome: ADMIT, CONDITIONAL_ADMIT, WAITLIST, DENY.
CREATE TABLE decision_reason (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  outcome          varchar(20) NOT NULL,
  code             varchar(40) NOT NULL,
  label            varchar(200) NOT NULL,
  active           boolean NOT NULL DEFAULT true,
  CONSTRAINT decision_reason_code_unique UNIQUE (organization_id, code)
);

-- The wording of the decision email and letter per outcome; {{name}}, {{program}}, {{cycle}}, {{number}},
-- {{organization}}, {{conditions}}, {{respondBy}} and {{link}} are replaced (and escaped in the letter).
CREATE TABLE decision_template (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  outcome          varchar(20) NOT NULL,
  subject          varchar(300) NOT NULL,
  email_body       varchar(8000) NOT NULL,
  letter_body      varchar(8000) NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, outcome)
);

-- status: SCHEDULED, RUNNING, DONE. A run claims SCHEDULED -> RUNNING in one UPDATE, so a second run finds nothing.
CREATE TABLE release_batch (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  cycle_id         uuid NOT NULL REFERENCES admission_cycle (id),
  scheduled_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  status           varchar(10) NOT NULL,
  released_count   integer NOT NULL DEFAULT 0,
  created_by_name  varchar(200) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE,
  finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX release_batch_due ON release_batch (status, scheduled_at);
CREATE INDEX release_batch_org ON release_batch (organization_id, cycle_id, created_at);

-- One decision per application; held until a release batch takes it (release_id), then the letter is rendered.
CREATE TABLE admission_decision (
  application_id   uuid PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  cycle_id         uuid NOT NULL REFERENCES admission_cycle (id),
  outcome          varchar(20) NOT NULL,
  reason_code      varchar(40) NOT NULL,
  conditions       varchar(2000),
  note             varchar(2000),
  decided_by_id    uuid,
  decided_by_name  varchar(200) NOT NULL,
  decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  release_id       uuid REFERENCES release_batch (id),
  released_at      TIMESTAMP WITH TIME ZONE,
  respond_by       TIMESTAMP WITH TIME ZONE,
  letter_text      text,
  response         varchar(10),
  responded_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX admission_decision_held ON admission_decision (organization_id, cycle_id, release_id);
CREATE INDEX admission_decision_release ON admission_decision (release_id, outcome);

-- A deposit an accepting applicant owes; billing collects it later (status OWED until then).
CREATE TABLE admission_deposit (
  application_id   uuid PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  person_id        uuid,
  learner_id       uuid,
  amount           numeric(12, 2) NOT NULL,
  currency         varchar(3) NOT NULL,
  status           varchar(10) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX admission_deposit_org ON admission_deposit (organization_id, status);
