package org.credo.billing.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.credo.billing.ledger.ChartOfAccounts;
import org.credo.platform.CsvWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trial balance and the general-ledger export, read from the postings alone. */
@Service
public class Reports {

    /** One account's line of the trial balance: debits and credits as positive sums, and the net (debit positive). */
    public record TrialBalanceLine(
            String code, String name, String kind, BigDecimal debits, BigDecimal credits, BigDecimal net) {}

    /** The trial balance with its totals; {@code net} is zero whenever the ledger is sound. */
    public record TrialBalance(List<TrialBalanceLine> lines, BigDecimal debits, BigDecimal credits, BigDecimal net) {}

    private final JdbcClient jdbc;
    private final ChartOfAccounts chart;

    Reports(JdbcClient jdbc, ChartOfAccounts chart) {
        this.jdbc = jdbc;
        this.chart = chart;
    }

    /** The organization's trial balance over every posting. */
    @Transactional(readOnly = true)
    public TrialBalance trialBalance(UUID organizationId) {
        chart.accounts(organizationId);
        // Two queries joined here: one pass over the postings grouped by account (a join in SQL let PostgreSQL run
        // the grouping once per account), then the chart.
        var sums = new java.util.HashMap<UUID, BigDecimal[]>();
        jdbc.sql("""
                        SELECT account_id,
                          sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS debits,
                          sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS credits
                        FROM journal_posting WHERE organization_id = ? GROUP BY account_id""").param(organizationId).query(rs -> {
            sums.put(
                    rs.getObject("account_id", UUID.class),
                    new BigDecimal[] {rs.getBigDecimal("debits"), rs.getBigDecimal("credits")});
        });
        var zero = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
        var lines = jdbc.sql("SELECT id, code, name, kind FROM billing_account WHERE organization_id = ? ORDER BY code")
                .param(organizationId)
                .query((rs, n) -> {
                    var sum = sums.getOrDefault(rs.getObject("id", UUID.class), zero);
                    var debits = sum[0].setScale(2);
                    var credits = sum[1].setScale(2);
                    return new TrialBalanceLine(
                            rs.getString("code"),
                            rs.getString("name"),
                            rs.getString("kind"),
                            debits,
                            credits,
                            debits.subtract(credits));
                })
                .list();
        var debits = lines.stream().map(TrialBalanceLine::debits).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        var credits =
                lines.stream().map(TrialBalanceLine::credits).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new TrialBalance(lines, debits, credits, debits.subtract(credits));
    }

    /**
     * Writes the general-ledger journal as CSV, one line per posting with its account code, for entries effective in
     * the period (inclusive), in entry order.
     */
    @Transactional(readOnly = true)
    public void glExport(UUID organizationId, LocalDate from, LocalDate to, Writer out) {
        var csv = new CsvWriter(out);
        try {
            csv.row(List.of(
                    "entry_number",
                    "entry_id",
                    "posted_at",
                    "effective_on",
                    "kind",
                    "account_code",
                    "account_name",
                    "learner_id",
                    "debit",
                    "credit",
                    "currency",
                    "description"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                        SELECT e.entry_number, e.id, e.posted_at, e.effective_on, e.kind, a.code, a.name,
                          p.learner_id, p.amount, p.currency, e.description
                        FROM journal_posting p JOIN journal_entry e ON e.id = p.entry_id
                        JOIN billing_account a ON a.id = p.account_id
                        WHERE p.organization_id = ? AND e.effective_on >= ? AND e.effective_on <= ?
                        ORDER BY e.entry_number, p.id""").params(organizationId, from, to).query(rs -> {
            var amount = rs.getBigDecimal("amount");
            var learner = rs.getObject("learner_id", UUID.class);
            try {
                csv.row(java.util.Arrays.asList(
                        String.valueOf(rs.getLong("entry_number")),
                        rs.getObject("id", UUID.class).toString(),
                        rs.getObject("posted_at", OffsetDateTime.class)
                                .toInstant()
                                .toString(),
                        rs.getObject("effective_on", LocalDate.class).toString(),
                        rs.getString("kind"),
                        rs.getString("code"),
                        rs.getString("name"),
                        learner == null ? null : learner.toString(),
                        amount.signum() > 0 ? amount.toPlainString() : null,
                        amount.signum() < 0 ? amount.negate().toPlainString() : null,
                        rs.getString("currency"),
                        rs.getString("description")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
