package org.credo.admissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.credo.CredoTest;
import org.credo.admissions.release.Releases;
import org.credo.admissions.review.Committee;
import org.credo.platform.PageQuery;
import org.credo.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admissions benchmarks of bench/admissions (run by its run.sh, skipped otherwise): the committee view over
 * 50,000 applications (p50/p95 of a mix of filters and sorts), and one release of 20,000 decisions (statuses,
 * letters, emails queued, events).
 */
@CredoTest
@EnabledIfEnvironmentVariable(named = "CREDO_BENCH", matches = "admissions")
class AdmissionsBench {

    @Autowired
    AdmissionsFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    Committee committee;

    @Autowired
    Releases releases;

    @Test
    void committeeViewAndRelease() {
        var org = fixture.organization("northfield");
        var officer = fixture.person(org, "Bench Officer", Role.ADMISSIONS_OFFICER);
        var cycles = new ArrayList<UUID[]>();
        for (int i = 0; i < 5; i++) {
            cycles.add(fixture.cycle(org, 30, null));
        }
        var random = new Random(42);
        var started = System.nanoTime();
        seed(org, cycles, 50_000, random, "SUBMITTED");
        System.out.printf("BENCH seeded 50,000 applications in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        try {
            // What autovacuum does to a table of this size: statistics and the visibility map (index-only counts).
            jdbc.sql("VACUUM ANALYZE review_summary").update();
            jdbc.sql("VACUUM ANALYZE application").update();
        } catch (RuntimeException notPostgres) {
            // H2 keeps its own statistics.
        }

        var programs = cycles.stream()
                .map(c -> jdbc.sql("SELECT program_id FROM admission_cycle WHERE id = ?")
                        .param(c[0])
                        .query(UUID.class)
                        .single())
                .toList();
        var times = new ArrayList<Long>();
        var byCase = new java.util.TreeMap<Integer, List<Long>>();
        for (int i = 0; i < 300; i++) {
            var filter = switch (i % 6) {
                case 0 -> new Committee.Filter(null, null, null, null, null, null);
                case 1 -> new Committee.Filter(cycles.get(i % 5)[0], null, null, null, null, null);
                case 2 ->
                    new Committee.Filter(null, programs.get(i % 5), ApplicationStatus.IN_REVIEW, null, null, null);
                case 3 -> new Committee.Filter(null, null, null, new BigDecimal("3.5"), new BigDecimal("4.5"), null);
                case 4 -> new Committee.Filter(cycles.get(i % 5)[0], null, null, null, null, 2);
                default -> new Committee.Filter(null, null, ApplicationStatus.IN_REVIEW, new BigDecimal("2"), null, 1);
            };
            var sort = i % 10 == 9 ? "applicant,asc" : null;
            var query = PageQuery.of(i % 7, 20, sort, Committee.SORTABLE, false);
            long t0 = System.nanoTime();
            var page = committee.page(officer, filter, query);
            long t = System.nanoTime() - t0;
            assertThat(page.items()).isNotNull();
            if (i >= 30) {
                times.add(t);
                byCase.computeIfAbsent(i % 6, k -> new ArrayList<>()).add(t);
            }
        }
        var sorted = times.stream().sorted().toList();
        System.out.printf(
                "BENCH committee view over 50,000: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d queries)%n",
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.95)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6,
                sorted.size());

        byCase.forEach((k, v) -> {
            var s = v.stream().sorted().toList();
            System.out.printf(
                    "BENCH   filter case %d: p50 %.1f ms, p95 %.1f ms%n",
                    k, s.get(s.size() / 2) / 1e6, s.get((int) (s.size() * 0.95)) / 1e6);
        });
        var releaseCycle = fixture.cycle(org, 30, null);
        seed(org, List.<UUID[]>of(releaseCycle), 20_000, random, "DECIDED");
        var batch = releases.schedule(org, releaseCycle[0], Instant.now().plus(Duration.ofHours(1)));
        long r0 = System.nanoTime();
        int released = releases.run(batch.id());
        long ms = (System.nanoTime() - r0) / 1_000_000;
        long letters = jdbc.sql(
                        "SELECT count(*) FROM admission_decision WHERE release_id = ? AND letter_text IS NOT NULL")
                .param(batch.id())
                .query(Long.class)
                .single();
        long emails = jdbc.sql("SELECT count(*) FROM email_outbox WHERE organization_id = ? AND dedup_key LIKE"
                        + " 'admissions-decision:%' AND created_at >= ?")
                .params(org, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10))
                .query(Long.class)
                .single();
        System.out.printf(
                "BENCH release of %d decisions in %d ms (%d letters written, %d emails queued)%n",
                released, ms, letters, emails);
        assertThat(released).isEqualTo(20_000);
        assertThat(releases.run(batch.id())).isZero();
    }

    /** Applications with a review summary (and, for DECIDED, a held decision), inserted in JDBC batches. */
    private void seed(UUID org, List<UUID[]> cycles, int count, Random random, String status) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var outcomes = new String[] {"ADMIT", "CONDITIONAL_ADMIT", "WAITLIST", "DENY"};
        var reasons = new String[] {"ADM-MEETS", "CND-DOCS", "WL-CAPACITY", "DEN-REQ"};
        var apps = new ArrayList<Object[]>();
        var summaries = new ArrayList<Object[]>();
        var decisions = new ArrayList<Object[]>();
        var programOf = new java.util.HashMap<UUID, UUID>();
        String prefix = "B" + Long.toString(System.nanoTime() % 1_000_000, 36);
        for (int i = 0; i < count; i++) {
            var cycle = cycles.get(i % cycles.size());
            var program = programOf.computeIfAbsent(
                    cycle[0],
                    c -> jdbc.sql("SELECT program_id FROM admission_cycle WHERE id = ?")
                            .param(c)
                            .query(UUID.class)
                            .single());
            var id = UUID.randomUUID();
            var appStatus = status.equals("DECIDED") ? "DECIDED" : i % 3 == 0 ? "SUBMITTED" : "IN_REVIEW";
            apps.add(new Object[] {
                id,
                org,
                cycle[0],
                cycle[1],
                prefix + "-" + i,
                "Bench Applicant " + i,
                "bench" + i + "-" + prefix + "@bench.test",
                appStatus,
                now,
                now,
                now
            });
            int reads = appStatus.equals("SUBMITTED") ? 0 : 1 + random.nextInt(3);
            var score = reads == 0
                    ? null
                    : BigDecimal.valueOf(1 + random.nextDouble() * 4).setScale(3, RoundingMode.HALF_UP);
            summaries.add(new Object[] {id, org, cycle[0], program, appStatus, score, reads, reads, now});
            if (status.equals("DECIDED")) {
                int o = random.nextInt(4);
                decisions.add(new Object[] {
                    id,
                    org,
                    cycle[0],
                    outcomes[o],
                    reasons[o],
                    o == 1 ? "Send your final transcript." : null,
                    "Bench Officer",
                    now
                });
            }
            if (apps.size() == 5000 || i == count - 1) {
                template.batchUpdate(
                        "INSERT INTO application (id, organization_id, cycle_id, form_id, number, applicant_name,"
                                + " applicant_email, status, source, submitted_at, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'APPLICANT', ?, ?, ?)",
                        apps);
                template.batchUpdate(
                        "INSERT INTO review_summary (application_id, organization_id, cycle_id, program_id, status,"
                                + " score, reads_submitted, readers_active, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        summaries);
                if (!decisions.isEmpty()) {
                    template.batchUpdate(
                            "INSERT INTO admission_decision (application_id, organization_id, cycle_id, outcome,"
                                    + " reason_code, conditions, decided_by_name, decided_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            decisions);
                }
                apps.clear();
                summaries.clear();
                decisions.clear();
            }
        }
        assertThat(Arrays.asList(outcomes)).hasSize(4);
    }
}
