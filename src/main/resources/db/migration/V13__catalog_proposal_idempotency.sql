-- A client that retries creating a proposal (POST /api/v1/catalog/proposals with an Idempotency-Key)
-- gets the proposal it created the first time. Nulls never collide, on H2 and PostgreSQL.
ALTER TABLE catalog_proposal ADD COLUMN idempotency_key varchar(150);
CREATE UNIQUE INDEX catalog_proposal_idempotency ON catalog_proposal (organization_id, idempotency_key);
