-- Catalog: courses and programs, each a lineage of published versions; proposals and their approval
-- chain; inquiries from the public catalog.
--
-- Published versions are immutable. A change is a proposal; its final approval adds a version
-- effective from a date. The current version of an item on a day is its highest version whose
-- effective_from is on or before that day; a version with retired = true takes the item out of
-- the catalog from its effective date.
--
-- Structured rules are stored as JSON text (one shape on H2 and PostgreSQL):
--   prerequisite / corequisite rule:
--     {"type":"course","course":"MATH 101","minGrade":"C"}           one course (minGrade optional)
--     {"type":"all","items":[rule, ...]}                              every item
--     {"type":"any","items":[rule, ...]}                              at least one item
--   program requirements (a tree the degree audit evaluates):
--     {"type":"all","label":"...","items":[requirement, ...],"allowSharing":false}
--     {"type":"choose","label":"...","count":2,"items":[requirement, ...]}          N of these
--     {"type":"course","course":"CS 101","minGrade":"C"}
--     {"type":"credits","label":"...","minimum":12,"subjects":["CS"],"minNumber":300,"minGrade":"C"}
--   allowSharing says whether one course may count toward more than one sibling requirement.

CREATE TABLE catalog_course (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  subject          varchar(12) NOT NULL,
  number           varchar(12) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT catalog_course_code_unique UNIQUE (organization_id, subject, number)
);

CREATE TABLE catalog_course_version (
  id               uuid PRIMARY KEY,
  course_id        uuid NOT NULL REFERENCES catalog_course (id),
  organization_id  uuid NOT NULL REFERENCES organization (id),
  version          integer NOT NULL,
  effective_from   date NOT NULL,
  title            varchar(300) NOT NULL,
  credits          numeric(6, 2) NOT NULL,
  description      varchar(8000) NOT NULL,
  outcomes         text NOT NULL,
  prerequisites    text,
  corequisites     text,
  retired          boolean NOT NULL DEFAULT false,
  proposal_id      uuid,
  published_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  published_by     uuid,
  CONSTRAINT catalog_course_version_unique UNIQUE (course_id, version)
);
CREATE INDEX catalog_course_version_org ON catalog_course_version (organization_id, effective_from);

CREATE TABLE catalog_program (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  code             varchar(40) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT catalog_program_code_unique UNIQUE (organization_id, code)
);

-- program_type: DEGREE, DIPLOMA, CERTIFICATE, MICRO_CREDENTIAL, LICENSE, COURSE_BADGE.
-- level: free text from the organization's vocabulary (e.g. Undergraduate, Graduate, Professional).
-- time_to_complete: ISO 8601 period (P2Y, P16W). delivery_mode: IN_PERSON, ONLINE, HYBRID.
-- achievement_lineage_id: the credentials module's achievement lineage this program awards.
CREATE TABLE catalog_program_version (
  id                      uuid PRIMARY KEY,
  program_id              uuid NOT NULL REFERENCES catalog_program (id),
  organization_id         uuid NOT NULL REFERENCES organization (id),
  version                 integer NOT NULL,
  effective_from          date NOT NULL,
  name                    varchar(300) NOT NULL,
  program_type            varchar(20) NOT NULL,
  level                   varchar(60) NOT NULL,
  credits                 numeric(6, 2) NOT NULL,
  cip_code                varchar(7),
  time_to_complete        varchar(20),
  delivery_mode           varchar(12) NOT NULL,
  tuition_amount          numeric(12, 2),
  tuition_currency        varchar(3),
  tuition_note            varchar(1000),
  description             varchar(8000) NOT NULL,
  learning_outcomes       text NOT NULL,
  requirements            text NOT NULL,
  achievement_lineage_id  uuid,
  retired                 boolean NOT NULL DEFAULT false,
  proposal_id             uuid,
  published_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  published_by            uuid,
  CONSTRAINT catalog_program_version_unique UNIQUE (program_id, version)
);
CREATE INDEX catalog_program_version_org ON catalog_program_version (organization_id, effective_from);

-- Upcoming terms in which a program starts (shown on its public page). Not versioned: the catalog
-- editor keeps them current.
CREATE TABLE catalog_program_intake (
  id                    uuid PRIMARY KEY,
  organization_id       uuid NOT NULL REFERENCES organization (id),
  program_id            uuid NOT NULL REFERENCES catalog_program (id),
  term_name             varchar(100) NOT NULL,
  starts_on             date NOT NULL,
  application_deadline  date
);
CREATE INDEX catalog_program_intake_program ON catalog_program_intake (program_id, starts_on);

-- Reviewers named as a group rather than a role.
CREATE TABLE catalog_review_group (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  name             varchar(100) NOT NULL,
  CONSTRAINT catalog_review_group_name_unique UNIQUE (organization_id, name)
);

CREATE TABLE catalog_review_group_member (
  group_id  uuid NOT NULL REFERENCES catalog_review_group (id),
  user_id   uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (group_id, user_id)
);

-- The organization's approval chain: steps in order of position; steps sharing a position run in
-- parallel and must all approve before the next position starts. Each step names a role or a group.
CREATE TABLE catalog_approval_step (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  position           integer NOT NULL,
  name               varchar(100) NOT NULL,
  reviewer_role      varchar(40),
  reviewer_group_id  uuid REFERENCES catalog_review_group (id),
  CONSTRAINT catalog_approval_step_reviewer CHECK (
    (reviewer_role IS NULL AND reviewer_group_id IS NOT NULL)
    OR (reviewer_role IS NOT NULL AND reviewer_group_id IS NULL))
);
CREATE INDEX catalog_approval_step_org ON catalog_approval_step (organization_id, position);

-- A proposal to create, modify or retire a program, course or credential (achievement).
-- item_key names the item ("COURSE:CS 101", "PROGRAM:BSC-CS", "CREDENTIAL:<lineage id>");
-- open_item_key equals it while the proposal is open and is null once closed, so that the unique
-- constraint allows one open proposal per item (nulls never collide, on H2 and PostgreSQL).
-- content: JSON of the proposed version. status: DRAFT, IN_REVIEW, RETURNED, APPROVED, REJECTED,
-- WITHDRAWN. round counts submissions; decisions of earlier rounds stay as history.
CREATE TABLE catalog_proposal (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  number             integer NOT NULL,
  item_kind          varchar(12) NOT NULL,
  action             varchar(10) NOT NULL,
  item_key           varchar(120) NOT NULL,
  open_item_key      varchar(120),
  item_id            uuid,
  base_version       integer,
  title              varchar(300) NOT NULL,
  rationale          varchar(4000),
  content            text NOT NULL,
  effective_from     date NOT NULL,
  status             varchar(12) NOT NULL,
  round              integer NOT NULL DEFAULT 0,
  current_position   integer,
  author_id          uuid NOT NULL REFERENCES person (id),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at       TIMESTAMP WITH TIME ZONE,
  closed_at          TIMESTAMP WITH TIME ZONE,
  lock_version       integer NOT NULL DEFAULT 0,
  CONSTRAINT catalog_proposal_number_unique UNIQUE (organization_id, number),
  CONSTRAINT catalog_proposal_open_item_unique UNIQUE (organization_id, open_item_key)
);
CREATE INDEX catalog_proposal_status ON catalog_proposal (organization_id, status);

-- The chain as it stood when the proposal was submitted (later edits to the chain do not move
-- proposals already in review).
CREATE TABLE catalog_proposal_step (
  id                 uuid PRIMARY KEY,
  proposal_id        uuid NOT NULL REFERENCES catalog_proposal (id),
  organization_id    uuid NOT NULL REFERENCES organization (id),
  round              integer NOT NULL,
  position           integer NOT NULL,
  name               varchar(100) NOT NULL,
  reviewer_role      varchar(40),
  reviewer_group_id  uuid,
  status             varchar(12) NOT NULL
);
CREATE INDEX catalog_proposal_step_proposal ON catalog_proposal_step (proposal_id, round, position);

-- Every decision, with who, when and the comment (required to reject or return). One decision per
-- reviewer per step and round: approving twice is refused by the domain and by this constraint.
CREATE TABLE catalog_proposal_decision (
  id               uuid PRIMARY KEY,
  proposal_id      uuid NOT NULL REFERENCES catalog_proposal (id),
  organization_id  uuid NOT NULL REFERENCES organization (id),
  step_id          uuid REFERENCES catalog_proposal_step (id),
  round            integer NOT NULL,
  reviewer_id      uuid NOT NULL REFERENCES person (id),
  decision         varchar(12) NOT NULL,
  comment          varchar(4000),
  decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT catalog_decision_once UNIQUE (step_id, reviewer_id)
);
CREATE INDEX catalog_proposal_decision_proposal ON catalog_proposal_decision (proposal_id, decided_at);

-- "Apply" and "Request information" from the public catalog, kept for admissions.
-- kind: APPLY or INFORMATION.
CREATE TABLE catalog_inquiry (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  program_id       uuid NOT NULL REFERENCES catalog_program (id),
  kind             varchar(12) NOT NULL,
  name             varchar(200) NOT NULL,
  email            varchar(320) NOT NULL,
  phone            varchar(40),
  message          varchar(4000),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  handled_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX catalog_inquiry_org ON catalog_inquiry (organization_id, created_at);
