-- Batch degree audits (progress, ADR 0055). A run audits every active learner of an organization in the
-- background; state: RUNNING, DONE, FAILED. done_count grows as learners are audited, for the progress bar.
CREATE TABLE audit_run (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  state            varchar(12) NOT NULL,
  total            integer NOT NULL,
  done_count       integer NOT NULL,
  reused_count     integer NOT NULL,
  started_by_name  varchar(200) NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at      TIMESTAMP WITH TIME ZONE,
  failure          varchar(500)
);
CREATE INDEX ix_audit_run_org ON audit_run (organization_id, started_at);

-- The latest audit of each learner, with the fingerprint (SHA-256) of what it was computed from: the program's
-- requirements at its version and the learner's record. A run skips a learner whose fingerprint is unchanged.
-- standing: COMPLETE (every requirement met), CLOSE (met once courses in progress pass, or at least 75% done),
-- ON_TRACK (less, with courses in progress toward it), BLOCKED (not met, with nothing in progress toward it).
CREATE TABLE audit_result (
  organization_id    uuid NOT NULL REFERENCES organization (id),
  learner_id         uuid NOT NULL,
  run_id             uuid NOT NULL REFERENCES audit_run (id),
  learner_name       varchar(200) NOT NULL,
  program_code       varchar(40) NOT NULL,
  program_version    integer NOT NULL,
  fingerprint        varchar(64) NOT NULL,
  standing           varchar(12) NOT NULL,
  percent_done       integer NOT NULL,
  still_needed       varchar(1000) NOT NULL,
  audited_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, learner_id)
);
CREATE INDEX ix_audit_result_standing ON audit_result (organization_id, standing);
