-- Timetabling solver runs (ADR 0044): the ITC 2007 instance a registrar uploaded or generated, who started the run,
-- its state and best score as it improves, and the best timetable in the ITC solution format, so that a page reload
-- or another node shows the same run.
-- status: RUNNING, FINISHED (time limit reached), STOPPED (by a person), FAILED.
-- active_organization_id is the organization while the run is RUNNING and NULL after: its unique index lets one run
-- per organization solve at a time, also when two nodes race (NULLs do not collide).
CREATE TABLE timetabling_run (
  id                      uuid PRIMARY KEY,
  organization_id         uuid NOT NULL REFERENCES organization (id),
  active_organization_id  uuid UNIQUE,
  name                    varchar(200) NOT NULL,
  input                   text NOT NULL,
  pinned                  text,
  lecture_count           integer NOT NULL,
  time_limit_seconds      integer NOT NULL,
  status                  varchar(12) NOT NULL,
  stop_requested          boolean NOT NULL DEFAULT FALSE,
  stopped_by              varchar(200),
  hard_score              integer,
  soft_score              integer,
  first_feasible_millis   bigint,
  score_history           text NOT NULL DEFAULT '',
  solution                text,
  failure                 varchar(1000),
  started_by_id           uuid,
  started_by_name         varchar(200) NOT NULL,
  started_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX timetabling_run_org ON timetabling_run (organization_id, started_at);
