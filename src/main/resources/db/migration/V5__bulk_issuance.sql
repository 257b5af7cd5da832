-- Bulk issuance: a CSV upload becomes a job; its validated rows are stored, then issued in chunks by
-- whichever node claims a chunk first (SELECT ... FOR UPDATE SKIP LOCKED).

CREATE TABLE bulk_job (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  created_by       varchar(200) NOT NULL,
  created_by_id    uuid,
  file_name        varchar(300),
  file_sha256      varchar(64) NOT NULL,
  idempotency_key  varchar(200),
  cryptosuite      varchar(20) NOT NULL,
  total_rows       integer NOT NULL,
  issued_count     integer NOT NULL,
  status           varchar(12) NOT NULL,
  error_count      integer NOT NULL,
  -- JSON array of {row, column, message}: validation errors, or the reason a job failed.
  errors           text,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE,
  finished_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT bulk_job_status CHECK (status IN ('VALIDATING', 'REJECTED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  -- The same file uploaded twice in an organization is the same job.
  CONSTRAINT bulk_job_file UNIQUE (organization_id, file_sha256),
  CONSTRAINT bulk_job_idempotency UNIQUE (organization_id, idempotency_key)
);
CREATE INDEX bulk_job_org ON bulk_job (organization_id, created_at);
CREATE INDEX bulk_job_status ON bulk_job (status);

-- One validated row: the issue request as JSON, numbered as in the file (the header is row 1).
CREATE TABLE bulk_job_row (
  job_id      uuid NOT NULL REFERENCES bulk_job (id),
  row_number  integer NOT NULL,
  request     text NOT NULL,
  PRIMARY KEY (job_id, row_number)
);

-- A unit of work: rows first_row..last_row, issued in one transaction.
CREATE TABLE bulk_job_chunk (
  job_id        uuid NOT NULL REFERENCES bulk_job (id),
  chunk_number  integer NOT NULL,
  first_row     integer NOT NULL,
  last_row      integer NOT NULL,
  row_count     integer NOT NULL,
  status        varchar(8) NOT NULL,
  done_at       TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (job_id, chunk_number)
);
CREATE INDEX bulk_job_chunk_pending ON bulk_job_chunk (status, job_id, chunk_number);
