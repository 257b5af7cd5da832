-- Campaigns are sent in pages, each in its own transaction, however large the segment: where the walk through the
-- audience stands (the source, LEARNERS or APPLICATIONS, and the last id read there) so that a send interrupted
-- midway resumes where it stopped, and how many addresses the segment had when the send began (progress: n of N).
-- status gains SENDING, between SCHEDULED and SENT.
ALTER TABLE admission_campaign ADD COLUMN recipient_total integer;
ALTER TABLE admission_campaign ADD COLUMN send_source varchar(16);
ALTER TABLE admission_campaign ADD COLUMN send_after uuid;
