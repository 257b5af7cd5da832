-- One person, one record (ADR 0035): match keys kept on every write so that a duplicate check is a few index look-ups;
-- the pairs found, with "not the same person" dismissals; merges with a journal that lets an administrator undo one
-- within 30 days; the inquiries attached to a person record.

-- A merged record is kept, retired: it points at the record it was merged into; its learner number stays issued.
ALTER TABLE learner ADD COLUMN merged_into uuid;
ALTER TABLE learner ADD COLUMN merged_at TIMESTAMP WITH TIME ZONE;

-- key_kind: EMAIL (lower-cased address), NAME_DOB (normalized given|family|birth date), PHONE (last 9 digits).
CREATE TABLE learner_match_key (
  learner_id       uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  key_kind         varchar(10) NOT NULL,
  key_value        varchar(400) NOT NULL,
  PRIMARY KEY (learner_id, key_kind, key_value)
);
CREATE INDEX learner_match_key_lookup ON learner_match_key (organization_id, key_kind, key_value);

-- learner_a < learner_b (as text), so a pair is stored once whichever record arrived second.
CREATE TABLE learner_duplicate_pair (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES organization (id),
  learner_a          uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  learner_b          uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  match_rule         varchar(24) NOT NULL,
  score              integer NOT NULL,
  found_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  dismissed_at       TIMESTAMP WITH TIME ZONE,
  dismissed_by_id    uuid,
  dismissed_by_name  varchar(200),
  CONSTRAINT learner_duplicate_pair_unique UNIQUE (organization_id, learner_a, learner_b)
);
CREATE INDEX learner_duplicate_pair_open ON learner_duplicate_pair (organization_id, dismissed_at, found_at);

-- The journal of a merge: both records as they were (JSON), and every row that moved to the survivor.
CREATE TABLE learner_merge (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  survivor_id      uuid NOT NULL,
  merged_id        uuid NOT NULL,
  survivor_before  text NOT NULL,
  merged_before    text NOT NULL,
  choices          varchar(1000) NOT NULL,
  merged_by_id     uuid,
  merged_by_name   varchar(200) NOT NULL,
  merged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  undone_at        TIMESTAMP WITH TIME ZONE,
  undone_by_id     uuid,
  undone_by_name   varchar(200)
);
CREATE INDEX learner_merge_org ON learner_merge (organization_id, merged_at);

CREATE TABLE learner_merge_moved (
  merge_id   uuid NOT NULL REFERENCES learner_merge (id),
  row_table  varchar(40) NOT NULL,
  row_id     uuid NOT NULL,
  PRIMARY KEY (merge_id, row_table, row_id)
);

-- Inquiries from the public catalog attached to a person record; one row per inquiry makes delivery idempotent.
CREATE TABLE learner_inquiry (
  organization_id   uuid NOT NULL REFERENCES organization (id),
  inquiry_id        uuid NOT NULL,
  learner_id        uuid NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
  program_id        uuid,
  program_code      varchar(40),
  inquiry_kind      varchar(12) NOT NULL,
  created_prospect  boolean NOT NULL,
  linked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (organization_id, inquiry_id)
);
CREATE INDEX learner_inquiry_learner ON learner_inquiry (learner_id);
