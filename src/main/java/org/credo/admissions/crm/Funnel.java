package org.credo.admissions.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admissions funnel per program and cycle: inquiries → started → submitted → admitted → accepted → matriculated.
 * A cycle's inquiries are those about its program received after the program's previous cycle closed and before this
 * one closes. An application counts at every stage it reached: admitted means a released admit or conditional admit or
 * any later state (accepted, declined, matriculated).
 */
@Service
public class Funnel {

    /** The stages, in order. */
    public static final List<String> STAGES =
            List.of("Inquiries", "Started", "Submitted", "Admitted", "Accepted", "Matriculated");

    /** One row of the report: a cycle of a program (or the total) and its counts by stage. */
    public record Row(
            @Nullable UUID cycleId,
            @Nullable UUID programId,
            String programCode,
            String programName,
            String cycleName,
            List<Long> counts) {

        /** The share of the previous stage that reached stage {@code i} (1 and on), in percent; null after zero. */
        public @Nullable Double rate(int i) {
            long before = counts.get(i - 1);
            return before == 0 ? null : Math.round(1000.0 * counts.get(i) / before) / 10.0;
        }

        /** All rates from the second stage on. */
        public List<@Nullable Double> rates() {
            var rates = new ArrayList<@Nullable Double>();
            for (int i = 1; i < counts.size(); i++) {
                rates.add(rate(i));
            }
            return rates;
        }
    }

    /** A cycle to choose in the filters. */
    public record Cycle(UUID id, UUID programId, String programCode, String programName, String name) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;

    Funnel(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The organization's cycles, newest first, for the filters. */
    @Transactional(readOnly = true)
    public List<Cycle> cycles(UUID organizationId) {
        return jdbc.sql("SELECT id, program_id, program_code, program_name, name FROM admission_cycle"
                        + " WHERE organization_id = ? ORDER BY opens_at DESC, program_code, id")
                .param(organizationId)
                .query((rs, n) -> new Cycle(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** A row per cycle (of a program, or one cycle, when named), newest first, and a total row when there are several. */
    @Transactional(readOnly = true)
    public List<Row> report(UUID organizationId, @Nullable UUID programId, @Nullable UUID cycleId) {
        record Found(
                UUID id,
                UUID programId,
                String code,
                String programName,
                String name,
                Instant opensAt,
                Instant closesAt,
                List<Long> counts) {}
        var sql = new StringBuilder("""
                SELECT c.id, c.program_id, c.program_code, c.program_name, c.name, c.opens_at, c.closes_at,
                  count(a.id) AS started,
                  sum(CASE WHEN a.submitted_at IS NOT NULL THEN 1 ELSE 0 END) AS submitted,
                  sum(CASE WHEN a.status IN ('ADMITTED', 'CONDITIONALLY_ADMITTED', 'ACCEPTED', 'DECLINED', 'MATRICULATED')
                      THEN 1 ELSE 0 END) AS admitted,
                  sum(CASE WHEN a.status IN ('ACCEPTED', 'MATRICULATED') THEN 1 ELSE 0 END) AS accepted,
                  sum(CASE WHEN a.status = 'MATRICULATED' THEN 1 ELSE 0 END) AS matriculated
                FROM admission_cycle c LEFT JOIN application a ON a.cycle_id = c.id AND a.organization_id = c.organization_id
                WHERE c.organization_id = ?""");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (programId != null) {
            sql.append(" AND c.program_id = ?");
            params.add(programId);
        }
        if (cycleId != null) {
            sql.append(" AND c.id = ?");
            params.add(cycleId);
        }
        sql.append(" GROUP BY c.id, c.program_id, c.program_code, c.program_name, c.name, c.opens_at, c.closes_at"
                + " ORDER BY c.opens_at DESC, c.program_code, c.id");
        var found = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Found(
                        rs.getObject("id", UUID.class),
                        rs.getObject("program_id", UUID.class),
                        rs.getString("program_code"),
                        rs.getString("program_name"),
                        rs.getString("name"),
                        rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("closes_at", OffsetDateTime.class).toInstant(),
                        List.of(
                                rs.getLong("started"),
                                rs.getLong("submitted"),
                                rs.getLong("admitted"),
                                rs.getLong("accepted"),
                                rs.getLong("matriculated"))))
                .list();
        var rows = new ArrayList<Row>();
        var totals = new long[STAGES.size()];
        for (var f : found) {
            var counts = new ArrayList<Long>();
            counts.add(catalog.inquiryCount(
                    organizationId,
                    f.programId(),
                    previousClose(organizationId, f.programId(), f.opensAt()),
                    f.closesAt()));
            counts.addAll(f.counts());
            for (int i = 0; i < counts.size(); i++) {
                totals[i] += counts.get(i);
            }
            rows.add(new Row(f.id(), f.programId(), f.code(), f.programName(), f.name(), List.copyOf(counts)));
        }
        if (rows.size() > 1) {
            var sum = new ArrayList<Long>();
            for (long t : totals) {
                sum.add(t);
            }
            rows.add(new Row(null, null, "", "All shown", "Total", List.copyOf(sum)));
        }
        return rows;
    }

    private @Nullable Instant previousClose(UUID organizationId, UUID programId, Instant opensAt) {
        var found = jdbc.sql("SELECT closes_at FROM admission_cycle WHERE organization_id = ? AND program_id = ?"
                        + " AND closes_at <= ? ORDER BY closes_at DESC LIMIT 1")
                .params(organizationId, programId, org.credo.platform.Timestamps.sql(opensAt))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
        return found.isEmpty() ? null : found.get(0);
    }
}
