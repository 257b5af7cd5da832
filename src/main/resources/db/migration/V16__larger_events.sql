-- Events of a batch (the credentials of one bulk issuance chunk) serialize to hundreds of kilobytes;
-- Spring Modulith's H2 schema limits an event to 4,000 characters. The table is created here if
-- Modulith has not created it yet (its own CREATE TABLE IF NOT EXISTS then leaves it alone), and
-- widened where it has. On PostgreSQL the column was text: the new limit (one million characters)
-- is far above what any event of Credo needs.
CREATE TABLE IF NOT EXISTS event_publication (
  id                      uuid NOT NULL,
  listener_id             varchar(512) NOT NULL,
  event_type              varchar(512) NOT NULL,
  serialized_event        varchar(1000000) NOT NULL,
  publication_date        TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date         TIMESTAMP WITH TIME ZONE,
  status                  varchar(20),
  completion_attempts     integer,
  last_resubmission_date  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE varchar(1000000);
