-- Scheduling: buildings and rooms (capacity, features, accessibility); instructors' weekly availability and load
-- limits. Instructors are the organization's members with the INSTRUCTOR role; a row in scheduling_instructor only
-- holds their limits.

CREATE TABLE scheduling_building (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  code             varchar(20) NOT NULL,
  name             varchar(100) NOT NULL,
  CONSTRAINT uq_scheduling_building_code UNIQUE (organization_id, code)
);

CREATE TABLE scheduling_room (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  building_id      uuid NOT NULL REFERENCES scheduling_building (id),
  number           varchar(20) NOT NULL,
  capacity         integer NOT NULL,
  features         varchar(300) NOT NULL,
  accessible       boolean NOT NULL,
  active           boolean NOT NULL,
  CONSTRAINT uq_scheduling_room_number UNIQUE (building_id, number)
);

CREATE TABLE scheduling_instructor (
  organization_id  uuid NOT NULL REFERENCES organization (id),
  person_id        uuid NOT NULL REFERENCES person (id),
  max_sections     integer,
  max_credits      numeric(6, 2),
  PRIMARY KEY (organization_id, person_id)
);

-- A day with rows is limited to them: AVAILABLE rows are the times the instructor can teach; one UNAVAILABLE row
-- (no times) marks the whole day out. A day without rows is open.
CREATE TABLE scheduling_availability (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  person_id        uuid NOT NULL REFERENCES person (id),
  day_of_week      varchar(10) NOT NULL,
  starts_at        time,
  ends_at          time
);
CREATE INDEX ix_scheduling_availability_person ON scheduling_availability (organization_id, person_id);
