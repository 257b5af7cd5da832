-- The trial balance sums the postings of each account of an organization (ADR 50, bench/billing): with the amount in
-- the index, PostgreSQL answers it from the index alone once the table is vacuumed, instead of reading every row.
DROP INDEX ix_journal_posting_account;
CREATE INDEX ix_journal_posting_account_amount ON journal_posting (organization_id, account_id, amount);
