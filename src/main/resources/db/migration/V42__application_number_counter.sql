-- Application numbers (A and six digits) come from one counter row per organization, locked while a number is
-- taken (SELECT ... FOR UPDATE, then UPDATE), so that two applications started at once never get the same number
-- (ADR 45). Seeded with the highest number each organization has given so far: A followed by six digits.
CREATE TABLE application_number_counter (
  organization_id  uuid PRIMARY KEY REFERENCES organization (id),
  last_number      bigint NOT NULL
);

INSERT INTO application_number_counter (organization_id, last_number)
SELECT o.id, COALESCE((
    SELECT MAX(CAST(SUBSTRING(a.number, 2) AS BIGINT)) FROM application a
    WHERE a.organization_id = o.id AND LENGTH(a.number) = 7 AND a.number LIKE 'A%'
      AND SUBSTRING(a.number, 2, 1) BETWEEN '0' AND '9' AND SUBSTRING(a.number, 3, 1) BETWEEN '0' AND '9'
      AND SUBSTRING(a.number, 4, 1) BETWEEN '0' AND '9' AND SUBSTRING(a.number, 5, 1) BETWEEN '0' AND '9'
      AND SUBSTRING(a.number, 6, 1) BETWEEN '0' AND '9' AND SUBSTRING(a.number, 7, 1) BETWEEN '0' AND '9'), 0)
FROM organization o;
