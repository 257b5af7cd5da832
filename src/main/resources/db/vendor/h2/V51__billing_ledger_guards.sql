-- On H2 the billing ledger's balance and append-only rules are kept by the code (Ledger), not by triggers: H2 has
-- neither deferred constraint triggers nor PL/pgSQL (ADR 50). This file keeps the version numbers of both vendors equal.
SELECT 1;
