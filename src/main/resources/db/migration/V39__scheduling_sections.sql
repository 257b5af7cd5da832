-- Scheduling: sections of a course version in a term's part, their instructors, meetings (days of week, times,
-- dates, room), reserved seats, cross-listing (a group sharing one room and capacity) and links (lab to lecture).

CREATE TABLE scheduling_section (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  term_id            uuid NOT NULL REFERENCES scheduling_term (id),
  part               varchar(20) NOT NULL,
  course_id          uuid NOT NULL,
  course_code        varchar(40) NOT NULL,
  course_title       varchar(300) NOT NULL,
  course_version     integer NOT NULL,
  credits            numeric(6, 2) NOT NULL,
  section_number     varchar(10) NOT NULL,
  capacity           integer NOT NULL,
  waitlist_capacity  integer NOT NULL,
  delivery_mode      varchar(20) NOT NULL,
  status             varchar(20) NOT NULL,
  cross_list_group   uuid,
  linked_to          uuid REFERENCES scheduling_section (id),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_scheduling_section_number UNIQUE (term_id, course_code, section_number)
);
CREATE INDEX ix_scheduling_section_term ON scheduling_section (organization_id, term_id);

CREATE TABLE scheduling_section_instructor (
  section_id       uuid NOT NULL REFERENCES scheduling_section (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  person_id        uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (section_id, person_id)
);

CREATE TABLE scheduling_meeting (
  id               uuid PRIMARY KEY,
  section_id       uuid NOT NULL REFERENCES scheduling_section (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  days             varchar(40) NOT NULL,
  starts_at        time NOT NULL,
  ends_at          time NOT NULL,
  starts_on        date NOT NULL,
  ends_on          date NOT NULL,
  room_id          uuid REFERENCES scheduling_room (id)
);
CREATE INDEX ix_scheduling_meeting_section ON scheduling_meeting (section_id);

CREATE TABLE scheduling_reserved_seat (
  id               uuid PRIMARY KEY,
  section_id       uuid NOT NULL REFERENCES scheduling_section (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  kind             varchar(20) NOT NULL,
  reference        varchar(100) NOT NULL,
  seats            integer NOT NULL
);
