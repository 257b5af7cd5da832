-- Registration rules beyond the first release (ADR 48): time tickets by class standing, repeat limits, seats reserved
-- for a program, permissions an instructor gives, and per-section waitlist settings.

-- How many times a learner may attempt one course (this attempt included); withdrawals count as attempts.
ALTER TABLE registration_window ADD COLUMN max_attempts integer NOT NULL DEFAULT 3;

-- A time ticket: when registration opens for learners of one class standing (credits earned before the term).
-- A standing without a ticket registers from the window's opening.
CREATE TABLE registration_time_ticket (
  term_id          uuid NOT NULL REFERENCES scheduling_term (id),
  organization_id  uuid NOT NULL REFERENCES organization (id),
  standing         varchar(20) NOT NULL,
  opens_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (term_id, standing)
);

-- Reserved seats as registration counts them. reserved is the section's seats reserved in all (kept from
-- scheduling); reserved_taken the enrolled learners who sit in one. A learner outside every reservation may take a
-- seat only while (enrolled - reserved_taken) + held < capacity - reserved, so reserved seats stay free for those
-- they are kept for; one conditional UPDATE still decides, under the row's lock.
ALTER TABLE registration_seat ADD COLUMN reserved integer NOT NULL DEFAULT 0;
ALTER TABLE registration_seat ADD COLUMN reserved_taken integer NOT NULL DEFAULT 0;
-- Per section: enroll the next eligible learner from the waitlist at once instead of offering the seat, and put
-- majors of a program that reserves seats in the section (or requires its course) ahead of others.
ALTER TABLE registration_seat ADD COLUMN auto_enroll boolean NOT NULL DEFAULT false;
ALTER TABLE registration_seat ADD COLUMN majors_first boolean NOT NULL DEFAULT false;

-- Each reservation of a section as registration counts it: its seats (kept from scheduling) and how many are taken.
-- reference is the program code or cohort name scheduling keeps; seats of one reference are summed.
CREATE TABLE registration_reservation (
  section_id  uuid NOT NULL REFERENCES scheduling_section (id),
  reference   varchar(100) NOT NULL,
  seats       integer NOT NULL,
  taken       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (section_id, reference),
  CONSTRAINT registration_reservation_count CHECK (taken >= 0 AND seats >= 0)
);

-- The reservation an enrolled learner's seat counts against, given back when they leave.
ALTER TABLE enrollment ADD COLUMN reserved_for varchar(100);

-- A permission to enroll: given by the section's instructor or a registrar to one learner, with a reason, it sets
-- aside the overridable refusals (closed section, prerequisite, corequisite, time conflict, credit limit, repeat
-- limit) when that learner adds the section. Never a seat beyond capacity. number is what the learner is told.
CREATE TABLE registration_permission (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  section_id       uuid NOT NULL REFERENCES scheduling_section (id),
  learner_id       uuid NOT NULL REFERENCES learner (id),
  number           varchar(12) NOT NULL,
  reason           varchar(500) NOT NULL,
  granted_by_name  varchar(200) NOT NULL,
  granted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at          TIMESTAMP WITH TIME ZONE,
  revoked_at       TIMESTAMP WITH TIME ZONE,
  CONSTRAINT uq_registration_permission_learner UNIQUE (section_id, learner_id),
  CONSTRAINT uq_registration_permission_number UNIQUE (organization_id, number)
);

-- Rows moved from a merged learner record to the survivor, so that undoing the merge moves exactly those back.
-- kind: ENROLLMENT, WAITLIST or PERMISSION; row_id is the moved row's id.
CREATE TABLE registration_merge_move (
  merge_id  uuid NOT NULL,
  kind      varchar(20) NOT NULL,
  row_id    uuid NOT NULL,
  PRIMARY KEY (merge_id, kind, row_id)
);

-- A program's intake names the term it starts in (scheduling's term; no foreign key across modules' tables, so the
-- catalog works without scheduled terms). term_name and starts_on stay as the term had them, for the public page,
-- and follow the term when it changes.
ALTER TABLE catalog_program_intake ADD COLUMN term_id uuid;
CREATE INDEX ix_catalog_program_intake_term ON catalog_program_intake (term_id);
