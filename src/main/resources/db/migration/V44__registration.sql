-- Registration: learners enrolled in sections, waitlists and their offers (ADR 46).
--
-- registration_seat is registration's own count of a section's seats, kept from scheduling's section events. Every
-- change to a section's enrollment first updates or locks this one row, so that on any number of Credo nodes a
-- section never has more enrolled learners than its capacity: an add takes a seat with
--   UPDATE registration_seat SET enrolled = enrolled + 1 WHERE section_id = ? AND enrolled + held < capacity
-- and only then writes the enrollment. held counts seats kept for learners offered one from the waitlist.
CREATE TABLE registration_seat (
  section_id         uuid PRIMARY KEY REFERENCES scheduling_section (id),
  organization_id    uuid NOT NULL REFERENCES organization (id),
  term_id            uuid NOT NULL,
  capacity           integer NOT NULL,
  waitlist_capacity  integer NOT NULL,
  open_for_adds      boolean NOT NULL,
  enrolled           integer NOT NULL DEFAULT 0,
  held               integer NOT NULL DEFAULT 0,
  waitlisted         integer NOT NULL DEFAULT 0,
  CONSTRAINT registration_seat_counts CHECK (enrolled >= 0 AND held >= 0 AND waitlisted >= 0)
);

-- One row per learner and section, whatever happened since: adding again after a drop enrolls the same row again,
-- so a learner can never be enrolled twice in one section. status: ENROLLED, DROPPED, WITHDRAWN (grade W).
CREATE TABLE enrollment (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  section_id       uuid NOT NULL REFERENCES scheduling_section (id),
  term_id          uuid NOT NULL,
  learner_id       uuid NOT NULL REFERENCES learner (id),
  course_code      varchar(40) NOT NULL,
  credits          numeric(6, 2) NOT NULL,
  status           varchar(20) NOT NULL,
  grade            varchar(8),
  override_reason  varchar(500),
  registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by_name  varchar(200) NOT NULL,
  CONSTRAINT uq_enrollment_learner_section UNIQUE (section_id, learner_id)
);
CREATE INDEX ix_enrollment_learner_term ON enrollment (organization_id, learner_id, term_id);
CREATE INDEX ix_enrollment_section_status ON enrollment (section_id, status);

-- A learner waiting for a seat. status: WAITING, OFFERED (a seat is held until offer_expires_at), ENROLLED,
-- EXPIRED (the offer lapsed), LEFT. Order: priority (lower first: majors of the course's program), then arrival.
CREATE TABLE waitlist_entry (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES organization (id),
  section_id        uuid NOT NULL REFERENCES scheduling_section (id),
  term_id           uuid NOT NULL,
  learner_id        uuid NOT NULL REFERENCES learner (id),
  priority          integer NOT NULL,
  joined_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  status            varchar(20) NOT NULL,
  offered_at        TIMESTAMP WITH TIME ZONE,
  offer_expires_at  TIMESTAMP WITH TIME ZONE,
  changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_waitlist_learner_section UNIQUE (section_id, learner_id)
);
CREATE INDEX ix_waitlist_section_order ON waitlist_entry (section_id, status, priority, joined_at);
CREATE INDEX ix_waitlist_offers ON waitlist_entry (status, offer_expires_at);

-- When a term's registration opens, and the most credits a learner may carry in it without an override.
CREATE TABLE registration_window (
  term_id          uuid PRIMARY KEY REFERENCES scheduling_term (id),
  organization_id  uuid NOT NULL REFERENCES organization (id),
  opens_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  max_credits      numeric(6, 2) NOT NULL,
  offer_hours      integer NOT NULL
);
