-- PostgreSQL guards of the billing ledger (ADR 50): an entry's postings must sum to zero when the transaction commits
-- (a deferred constraint trigger, so the postings of one entry may be inserted one by one), and no entry or posting
-- is ever updated or deleted.
CREATE FUNCTION billing_entry_balances() RETURNS trigger AS $$
DECLARE
  total numeric;
  lines integer;
BEGIN
  SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM journal_posting WHERE entry_id = NEW.entry_id;
  IF total <> 0 OR lines < 2 THEN
    RAISE EXCEPTION 'journal entry % does not balance: postings sum to % over % lines', NEW.entry_id, total, lines;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER journal_posting_balanced
  AFTER INSERT ON journal_posting
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION billing_entry_balances();

CREATE FUNCTION billing_ledger_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the billing ledger is append-only: % on % refused; post a reversing entry instead', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER journal_entry_append_only
  BEFORE UPDATE OR DELETE ON journal_entry
  FOR EACH ROW EXECUTE FUNCTION billing_ledger_append_only();

CREATE TRIGGER journal_posting_append_only
  BEFORE UPDATE OR DELETE ON journal_posting
  FOR EACH ROW EXECUTE FUNCTION billing_ledger_append_only();
