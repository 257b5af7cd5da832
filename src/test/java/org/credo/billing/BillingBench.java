package org.credo.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credo.CredoTest;
import org.credo.billing.charges.RegistrationCharges;
import org.credo.billing.ledger.AccountCode;
import org.credo.billing.ledger.ChartOfAccounts;
import org.credo.billing.ledger.Receivables;
import org.credo.billing.reports.Reports;
import org.credo.platform.PageQuery;
import org.credo.registration.LearnerRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of issue 14 (bench/billing/README.md), run only when asked ({@code -Dcredo.bench=true}) and meant for
 * PostgreSQL: 10,000 registration events charged through the real service, then AR aging and the trial balance over
 * about 2 million postings.
 */
@CredoTest
@EnabledIfSystemProperty(named = "credo.bench", matches = "true")
class BillingBench {

    @Autowired
    BillingFixture fixture;

    @Autowired
    RegistrationCharges charges;

    @Autowired
    Receivables receivables;

    @Autowired
    Reports reports;

    @Autowired
    ChartOfAccounts chart;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void tenThousandRegistrationsAreChargedAndReportsRunOverTwoMillionPostings() throws Exception {
        fixture.settings();
        var term = fixture.term();
        var learners = new ArrayList<UUID>();
        for (int i = 0; i < 2_000; i++) {
            learners.add(fixture.learner("Bench" + i));
        }
        var events = new ArrayList<LearnerRegistered>();
        for (int round = 0; round < 5; round++) {
            for (var learner : learners) {
                events.add(fixture.registered(
                        learner,
                        term,
                        UUID.randomUUID(),
                        round == 0 ? "LAB 100" : "DATA 10" + round,
                        "3",
                        LocalDate.now()));
            }
        }
        var threads = Integer.parseInt(System.getProperty("credo.bench.threads", "2"));
        var pool = Executors.newFixedThreadPool(threads);
        var started = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        // One learner's events stay on one thread, in order, as the event registry delivers them.
        for (int t = 0; t < threads; t++) {
            int shard = t;
            futures.add(pool.submit(() -> {
                for (var e : events) {
                    if (Math.floorMod(e.learnerId().hashCode(), threads) == shard) {
                        charges.registered(e);
                    }
                }
            }));
        }
        for (var f : futures) {
            f.get();
        }
        var chargeMillis = (System.nanoTime() - started) / 1_000_000;
        pool.shutdown();
        System.out.printf("BENCH charges: %d events in %d ms on %d threads%n", events.size(), chargeMillis, threads);
        assertThat(fixture.unbalancedEntries()).isEmpty();

        var postgres = fixture.postgres();
        if (postgres) {
            seedPostings(1_000_000);
        }
        var postings = jdbc.sql("SELECT count(*) FROM journal_posting")
                .query(Long.class)
                .single();
        for (int run = 0; run < 3; run++) {
            var t0 = System.nanoTime();
            var aging = receivables.aging(
                    fixture.organization(), LocalDate.now(), PageQuery.of(0, 20, null, List.of("balance"), false));
            var agingMillis = (System.nanoTime() - t0) / 1_000_000;
            var t1 = System.nanoTime();
            var trial = reports.trialBalance(fixture.organization());
            var trialMillis = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf(
                    "BENCH reports over %d postings (run %d): aging %d ms (%d learners owing), trial balance %d ms (net %s)%n",
                    postings, run + 1, agingMillis, aging.totalItems(), trialMillis, trial.net());
            assertThat(trial.net()).isEqualByComparingTo("0");
        }
    }

    /**
     * Seeds entries of a charge or a payment each, two postings an entry, for 50,000 learners over 400 days, straight
     * in SQL with triggers set aside for the seeding only (session_replication_role), then analyzes the tables.
     */
    private void seedPostings(int entries) {
        var organization = fixture.organization();
        var receivable = chart.id(organization, AccountCode.RECEIVABLES);
        var revenue = chart.id(organization, AccountCode.TUITION_REVENUE);
        var cash = chart.id(organization, AccountCode.CASH_CLEARING_ONLINE);
        var t0 = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("""
                            INSERT INTO journal_entry (id, organization_id, kind, description, currency, effective_on,
                              posted_at, posted_by_name, learner_id)
                            SELECT md5('bench-e' || g)::uuid, ?, CASE WHEN g % 3 = 0 THEN 'PAYMENT' ELSE 'TUITION_CHARGE' END,
                              'bench', 'USD', current_date - (g % 400), now(), 'bench', md5('bench-l' || (g % 50000))::uuid
                            FROM generate_series(1, ?) g""").params(organization, entries).update();
            jdbc.sql("""
                            INSERT INTO journal_posting (entry_id, organization_id, account_id, learner_id, amount, currency,
                              effective_on, due_on)
                            SELECT md5('bench-e' || g)::uuid, ?, ?, md5('bench-l' || (g % 50000))::uuid,
                              CASE WHEN g % 3 = 0 THEN -100.00 ELSE 150.00 END, 'USD', current_date - (g % 400),
                              current_date - (g % 400) + 30
                            FROM generate_series(1, ?) g
                            UNION ALL
                            SELECT md5('bench-e' || g)::uuid, ?, CASE WHEN g % 3 = 0 THEN ?::uuid ELSE ?::uuid END, NULL,
                              CASE WHEN g % 3 = 0 THEN 100.00 ELSE -150.00 END, 'USD', current_date - (g % 400), NULL
                            FROM generate_series(1, ?) g""")
                    .params(organization, receivable, entries, organization, cash, revenue, entries)
                    .update();
        });
        // What autovacuum does on a live system: statistics and the visibility map (for index-only scans).
        jdbc.sql("VACUUM ANALYZE journal_entry").update();
        jdbc.sql("VACUUM ANALYZE journal_posting").update();
        System.out.printf("BENCH seeded %d entries in %d ms%n", entries, (System.nanoTime() - t0) / 1_000_000);
    }
}
