-- Password sign-in is throttled per typed email and per source network (ADR 20), whether or not the
-- email belongs to anyone, so that the answer never tells. A subject is a keyed SHA-256 digest
-- ('email:...' or 'source:...'): a typed "email" may be a stranger's address or a password typed into
-- the wrong field, and is not kept in clear.
CREATE TABLE sign_in_throttle (
  subject       char(64) PRIMARY KEY,
  failures      integer NOT NULL,
  counted_since TIMESTAMP WITH TIME ZONE NOT NULL,
  paused_until  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_throttle_counted_since ON sign_in_throttle (counted_since);

-- The lock on the person replaced above: it stopped API tokens and passkeys too, and only emails that
-- exist could be locked.
ALTER TABLE person DROP COLUMN failed_sign_ins;
ALTER TABLE person DROP COLUMN locked_until;
