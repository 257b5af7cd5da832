-- Grades (registration, ADR 0053). An organization's grade scale: letters with points, pass and fail,
-- incomplete, withdrawn, audit. kind: LETTER, PASS, FAIL, INCOMPLETE, WITHDRAWN, AUDIT. Points are null for
-- grades outside the GPA. An organization without rows gets the default scale on first use.
CREATE TABLE grade_scale_entry (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  grade            varchar(8) NOT NULL,
  kind             varchar(20) NOT NULL,
  points           numeric(4, 2),
  earns_credit     boolean NOT NULL,
  position         integer NOT NULL,
  PRIMARY KEY (organization_id, grade)
);

-- The grade an instructor entered for one enrollment. state: DRAFT (saved, not visible to the learner),
-- SUBMITTED (final; the enrollment carries it; changes go through grade_change). incomplete_until: for an I,
-- the day by which the work is due.
CREATE TABLE grade_entry (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  enrollment_id     uuid NOT NULL REFERENCES enrollment (id),
  section_id        uuid NOT NULL,
  learner_id        uuid NOT NULL,
  grade             varchar(8) NOT NULL,
  incomplete_until  date,
  state             varchar(12) NOT NULL,
  entered_by_name   varchar(200) NOT NULL,
  entered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT uq_grade_entry_enrollment UNIQUE (enrollment_id)
);
CREATE INDEX ix_grade_entry_section ON grade_entry (organization_id, section_id);
CREATE INDEX ix_grade_entry_learner ON grade_entry (organization_id, learner_id);

-- A change to a submitted grade, with the reason; the registrar approves or rejects it.
-- state: PENDING, APPROVED, REJECTED.
CREATE TABLE grade_change (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  grade_entry_id     uuid NOT NULL REFERENCES grade_entry (id),
  from_grade         varchar(8) NOT NULL,
  to_grade           varchar(8) NOT NULL,
  reason             varchar(500) NOT NULL,
  state              varchar(12) NOT NULL,
  requested_by_name  varchar(200) NOT NULL,
  requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by_name    varchar(200),
  decided_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_grade_change_state ON grade_change (organization_id, state);
