-- Scheduling: terms, their parts (full term, first and second half) with the dates registration and billing
-- read (classes, last day to add, to drop with a refund, to withdraw with a W, census, final grades due), and
-- holidays on which no class meets.

CREATE TABLE scheduling_term (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  code             varchar(20) NOT NULL,
  name             varchar(100) NOT NULL,
  starts_on        date NOT NULL,
  ends_on          date NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_scheduling_term_code UNIQUE (organization_id, code)
);

CREATE TABLE scheduling_term_part (
  term_id          uuid NOT NULL REFERENCES scheduling_term (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  part             varchar(20) NOT NULL,
  classes_start    date NOT NULL,
  classes_end      date NOT NULL,
  last_add         date NOT NULL,
  last_drop        date NOT NULL,
  last_withdraw    date NOT NULL,
  census           date NOT NULL,
  grades_due       date NOT NULL,
  PRIMARY KEY (term_id, part)
);

CREATE TABLE scheduling_holiday (
  id               uuid PRIMARY KEY,
  term_id          uuid NOT NULL REFERENCES scheduling_term (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  holiday_on       date NOT NULL,
  name             varchar(100) NOT NULL,
  CONSTRAINT uq_scheduling_holiday_day UNIQUE (term_id, holiday_on)
);
