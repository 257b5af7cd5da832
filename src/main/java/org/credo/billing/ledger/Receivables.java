package org.credo.billing.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What learners owe and since when. Every credit on a learner's receivable (payment, refund, reversal, adjustment)
 * settles their charges oldest due first, so what is still open, past due and aged follows from the postings alone.
 */
@Service
public class Receivables {

    /** A charge with what is still open of it after the learner's credits were applied oldest first. */
    public record OpenCharge(
            long entryNumber, String description, LocalDate dueOn, BigDecimal amount, BigDecimal open) {}

    /** A learner's aged open balance: current (under 30 days past due), 30, 60, 90 and 120 or more days past due. */
    public record AgingRow(
            UUID learnerId,
            BigDecimal balance,
            BigDecimal current,
            BigDecimal days30,
            BigDecimal days60,
            BigDecimal days90,
            BigDecimal days120) {}

    private final JdbcClient jdbc;
    private final ChartOfAccounts chart;

    Receivables(JdbcClient jdbc, ChartOfAccounts chart) {
        this.jdbc = jdbc;
        this.chart = chart;
    }

    /** The learner's charges, oldest due first, with what is still open of each. */
    @Transactional(readOnly = true)
    public List<OpenCharge> charges(UUID organizationId, UUID learnerId) {
        var receivables = chart.id(organizationId, AccountCode.RECEIVABLES);
        var credits = jdbc.sql("SELECT coalesce(-sum(amount), 0) FROM journal_posting WHERE organization_id = ?"
                        + " AND account_id = ? AND learner_id = ? AND amount < 0")
                .params(organizationId, receivables, learnerId)
                .query(BigDecimal.class)
                .single();
        var rows = jdbc.sql("SELECT e.entry_number, e.description, coalesce(p.due_on, p.effective_on) AS due, p.amount"
                        + " FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id WHERE p.organization_id = ?"
                        + " AND p.account_id = ? AND p.learner_id = ? AND p.amount > 0"
                        + " ORDER BY coalesce(p.due_on, p.effective_on), p.id")
                .params(organizationId, receivables, learnerId)
                .query((rs, n) -> new OpenCharge(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4),
                        BigDecimal.ZERO))
                .list();
        var out = new ArrayList<OpenCharge>();
        var left = credits;
        for (var c : rows) {
            var applied = left.min(c.amount());
            left = left.subtract(applied);
            out.add(new OpenCharge(
                    c.entryNumber(),
                    c.description(),
                    c.dueOn(),
                    c.amount(),
                    c.amount().subtract(applied)));
        }
        return out;
    }

    /** What the learner owes that fell due before the day. */
    @Transactional(readOnly = true)
    public BigDecimal pastDue(UUID organizationId, UUID learnerId, LocalDate day) {
        return charges(organizationId, learnerId).stream()
                .filter(c -> c.dueOn().isBefore(day))
                .map(OpenCharge::open)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    /** Every learner with a posting on their account. */
    @Transactional(readOnly = true)
    public List<UUID> learnersWithPostings(UUID organizationId) {
        return jdbc.sql(
                        "SELECT DISTINCT learner_id FROM journal_posting WHERE organization_id = ? AND learner_id IS NOT"
                                + " NULL")
                .param(organizationId)
                .query(UUID.class)
                .list();
    }

    /** A learner's receivable balance. */
    public record AccountBalance(UUID learnerId, BigDecimal balance) {}

    /** Sort fields of the accounts list. */
    public static final List<String> ACCOUNT_SORTS = List.of("balance");

    /** Learners' balances, largest first by default, optionally only of some learners (a search's). */
    @Transactional(readOnly = true)
    public PageResult<AccountBalance> balances(
            UUID organizationId, java.util.@org.jspecify.annotations.Nullable Collection<UUID> only, PageQuery page) {
        var receivables = chart.id(organizationId, AccountCode.RECEIVABLES);
        if (only != null && only.isEmpty()) {
            return PageResult.of(List.of(), page, 0);
        }
        var filter = new StringBuilder();
        var params = new ArrayList<Object>(List.of(organizationId, receivables));
        if (only != null) {
            filter.append(" AND learner_id IN (").append("?,".repeat(only.size()));
            filter.setLength(filter.length() - 1);
            filter.append(")");
            params.addAll(only);
        }
        var base = "SELECT learner_id, sum(amount) AS balance FROM journal_posting WHERE organization_id = ?"
                + " AND account_id = ? AND learner_id IS NOT NULL" + filter + " GROUP BY learner_id";
        var total = jdbc.sql("SELECT count(*) FROM (" + base + ") b")
                .params(params)
                .query(Long.class)
                .single();
        var paged = new ArrayList<Object>(params);
        paged.add(page.size());
        paged.add(page.offset());
        var items = jdbc.sql("SELECT * FROM (" + base + ") b ORDER BY balance " + (page.ascending() ? "ASC" : "DESC")
                        + ", learner_id LIMIT ? OFFSET ?")
                .params(paged)
                .query((rs, n) -> new AccountBalance(
                        rs.getObject("learner_id", UUID.class),
                        rs.getBigDecimal("balance").setScale(2)))
                .list();
        return PageResult.of(items, page, total);
    }

    /** AR aging per learner on a day, learners with an open balance only, largest balance first. */
    @Transactional(readOnly = true)
    public PageResult<AgingRow> aging(UUID organizationId, LocalDate asOf, PageQuery page) {
        var receivables = chart.id(organizationId, AccountCode.RECEIVABLES);
        var sql = """
                WITH credits AS (
                  SELECT learner_id, -sum(amount) AS paid FROM journal_posting
                  WHERE organization_id = ? AND account_id = ? AND amount < 0 GROUP BY learner_id),
                debits AS (
                  SELECT learner_id, amount, coalesce(due_on, effective_on) AS due,
                    sum(amount) OVER (PARTITION BY learner_id ORDER BY coalesce(due_on, effective_on), id
                      ROWS UNBOUNDED PRECEDING) AS running
                  FROM journal_posting WHERE organization_id = ? AND account_id = ? AND amount > 0),
                opened AS (
                  SELECT d.learner_id, d.due,
                    GREATEST(0, LEAST(d.amount, d.running - coalesce(c.paid, 0))) AS open_amount
                  FROM debits d LEFT JOIN credits c ON c.learner_id = d.learner_id),
                aged AS (
                  SELECT learner_id, sum(open_amount) AS balance,
                    sum(CASE WHEN due > ? THEN open_amount ELSE 0 END) AS current_amount,
                    sum(CASE WHEN due <= ? AND due > ? THEN open_amount ELSE 0 END) AS d30,
                    sum(CASE WHEN due <= ? AND due > ? THEN open_amount ELSE 0 END) AS d60,
                    sum(CASE WHEN due <= ? AND due > ? THEN open_amount ELSE 0 END) AS d90,
                    sum(CASE WHEN due <= ? THEN open_amount ELSE 0 END) AS d120
                  FROM opened GROUP BY learner_id HAVING sum(open_amount) > 0)
                """;
        var d30 = asOf.minusDays(30);
        var d60 = asOf.minusDays(60);
        var d90 = asOf.minusDays(90);
        var d120 = asOf.minusDays(120);
        List<Object> params = List.of(
                organizationId, receivables, organizationId, receivables, d30, d30, d60, d60, d90, d90, d120, d120);
        var paged = new ArrayList<Object>(params);
        paged.add(page.size());
        paged.add(page.offset());
        var counted = new long[] {-1};
        // One pass: the total comes with the page (count over the whole result), not from a second run of the query.
        var items = jdbc.sql(
                        sql + "SELECT aged.*, count(*) OVER () AS total FROM aged ORDER BY balance DESC, learner_id"
                                + " LIMIT ? OFFSET ?")
                .params(paged)
                .query((rs, n) -> {
                    counted[0] = rs.getLong("total");
                    return new AgingRow(
                            rs.getObject("learner_id", UUID.class),
                            rs.getBigDecimal("balance").setScale(2),
                            rs.getBigDecimal("current_amount").setScale(2),
                            rs.getBigDecimal("d30").setScale(2),
                            rs.getBigDecimal("d60").setScale(2),
                            rs.getBigDecimal("d90").setScale(2),
                            rs.getBigDecimal("d120").setScale(2));
                })
                .list();
        var total = counted[0] >= 0 || page.offset() == 0
                ? Math.max(counted[0], 0)
                : jdbc.sql(sql + "SELECT count(*) FROM aged")
                        .params(params)
                        .query(Long.class)
                        .single();
        return PageResult.of(items, page, total);
    }
}
