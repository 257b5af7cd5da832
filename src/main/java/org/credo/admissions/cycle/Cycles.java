package org.credo.admissions.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.AdmissionCycleSaved;
import org.credo.catalog.Catalog;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admission cycles: one per program intake, with the window in which it takes applications. */
@Service
public class Cycles {

    /** The sort fields of the cycle list; the first is the default. */
    public static final List<String> SORTABLE = List.of("closes", "name", "opens", "status");

    private static final Map<String, String> COLUMNS =
            Map.of("closes", "closes_at", "name", "LOWER(name)", "opens", "opens_at", "status", "status");

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    Cycles(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    /** The intakes of the organization's programs that have no cycle yet, soonest first. */
    @Transactional(readOnly = true)
    public List<Catalog.IntakeRecord> intakesWithoutCycle(UUID organizationId) {
        var taken = jdbc.sql("SELECT intake_id FROM admission_cycle WHERE organization_id = ?")
                .param(organizationId)
                .query(UUID.class)
                .set();
        return catalog.intakes(organizationId).stream()
                .filter(i -> !taken.contains(i.intakeId()))
                .toList();
    }

    /** Creates a cycle for an intake of one of the organization's programs. */
    @Transactional
    public Cycle create(UUID organizationId, CycleRequest request) {
        if (request.intakeId() == null) {
            throw ProblemException.invalidField(
                    "intakeId", "choose the program intake this cycle takes applications for.");
        }
        var intake = catalog.intakes(organizationId).stream()
                .filter(i -> i.intakeId().equals(request.intakeId()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        "intakeId", "choose one of your programs' intakes; this one is not in your catalog."));
        var exists = jdbc.sql("SELECT COUNT(*) FROM admission_cycle WHERE organization_id = ? AND intake_id = ?")
                .params(organizationId, intake.intakeId())
                .query(Long.class)
                .single();
        if (exists > 0) {
            throw ProblemException.invalidField(
                    "intakeId", "this intake already has a cycle; edit that one instead of creating another.");
        }
        var name = blank(request.name())
                ? intake.programName() + " · " + intake.termName()
                : request.name().strip();
        var values = check(request, name);
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        jdbc.sql("INSERT INTO admission_cycle (id, organization_id, program_id, program_code, program_name,"
                        + " intake_id, name, starts_on, opens_at, closes_at, status, acceptance_days, deposit_amount,"
                        + " deposit_currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?)")
                .params(
                        id,
                        organizationId,
                        intake.programId(),
                        intake.programCode(),
                        fit(intake.programName(), 300),
                        intake.intakeId(),
                        name,
                        intake.startsOn(),
                        Timestamps.sql(values.opensAt),
                        Timestamps.sql(values.closesAt),
                        values.status.name(),
                        values.acceptanceDays,
                        values.depositAmount,
                        values.depositCurrency,
                        Timestamps.sql(now),
                        Timestamps.sql(now))
                .update();
        var cycle = find(organizationId, id);
        events.publishEvent(new AdmissionCycleSaved(
                ChangeStamp.now(organizationId),
                id,
                name,
                cycle.status().name(),
                "Created cycle " + name + " (" + cycle.status().label() + ")"));
        return cycle;
    }

    /** Changes a cycle's name, window, status, acceptance days and deposit. */
    @Transactional
    public Cycle update(UUID organizationId, UUID cycleId, CycleRequest request) {
        var before = find(organizationId, cycleId);
        var name = blank(request.name()) ? before.name() : request.name().strip();
        var values = check(request, name);
        jdbc.sql(
                        "UPDATE admission_cycle SET name = ?, opens_at = ?, closes_at = ?, status = ?, acceptance_days = ?,"
                                + " deposit_amount = ?, deposit_currency = ?, updated_at = ? WHERE organization_id = ? AND id = ?")
                .params(
                        name,
                        Timestamps.sql(values.opensAt),
                        Timestamps.sql(values.closesAt),
                        values.status.name(),
                        values.acceptanceDays,
                        values.depositAmount,
                        values.depositCurrency,
                        Timestamps.sql(Timestamps.now()),
                        organizationId,
                        cycleId)
                .update();
        var after = find(organizationId, cycleId);
        events.publishEvent(new AdmissionCycleSaved(
                ChangeStamp.now(organizationId),
                cycleId,
                name,
                after.status().name(),
                "Changed cycle " + name + ": " + changes(before, after)));
        return after;
    }

    /** A cycle of the organization. */
    @Transactional(readOnly = true)
    public Cycle find(UUID organizationId, UUID cycleId) {
        return jdbc.sql("SELECT * FROM admission_cycle WHERE organization_id = ? AND id = ?")
                .params(organizationId, cycleId)
                .query(Cycles::cycle)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("The admission cycle"));
    }

    /** Every cycle of the organization, newest deadline first (for pickers). */
    @Transactional(readOnly = true)
    public List<Cycle> all(UUID organizationId) {
        return jdbc.sql("SELECT * FROM admission_cycle WHERE organization_id = ? ORDER BY closes_at DESC, name")
                .param(organizationId)
                .query(Cycles::cycle)
                .list();
    }

    /** The cycles that take applications now, soonest deadline first. */
    @Transactional(readOnly = true)
    public List<Cycle> takingApplications(UUID organizationId, Instant now) {
        return jdbc.sql("SELECT * FROM admission_cycle WHERE organization_id = ? AND status = 'OPEN'"
                        + " AND opens_at <= ? AND closes_at > ? ORDER BY closes_at, name")
                .params(organizationId, Timestamps.sql(now), Timestamps.sql(now))
                .query(Cycles::cycle)
                .list();
    }

    /** One page of cycles; q matches the name and the program code. */
    @Transactional(readOnly = true)
    public PageResult<Cycle> page(
            UUID organizationId, @Nullable String q, @Nullable CycleStatus status, PageQuery query) {
        var where = new StringBuilder(" WHERE organization_id = ?");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (!blank(q)) {
            where.append(" AND (LOWER(name) LIKE ? OR LOWER(program_code) LIKE ?)");
            var like = "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM admission_cycle" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add(query.offset());
        var items = jdbc.sql("SELECT * FROM admission_cycle" + where + " ORDER BY " + query.orderBy(COLUMNS, "id")
                        + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(Cycles::cycle)
                .list();
        return PageResult.of(items, query, total);
    }

    private record Checked(
            Instant opensAt,
            Instant closesAt,
            CycleStatus status,
            int acceptanceDays,
            @Nullable BigDecimal depositAmount,
            @Nullable String depositCurrency) {}

    private static Checked check(CycleRequest request, String name) {
        if (name.length() > 200) {
            throw ProblemException.invalidField("name", "use at most 200 characters.");
        }
        if (request.opensAt() == null) {
            throw ProblemException.invalidField("opensAt", "say when the cycle opens for applications.");
        }
        if (request.closesAt() == null) {
            throw ProblemException.invalidField("closesAt", "say when applications close (the deadline).");
        }
        if (!request.closesAt().isAfter(request.opensAt())) {
            throw ProblemException.invalidField("closesAt", "the deadline must be after the opening.");
        }
        int days = request.acceptanceDays() == null ? 30 : request.acceptanceDays();
        if (days < 1 || days > 365) {
            throw ProblemException.invalidField("acceptanceDays", "give admitted applicants 1 to 365 days to accept.");
        }
        var amount = request.depositAmount();
        var currency = blank(request.depositCurrency())
                ? null
                : request.depositCurrency().strip().toUpperCase(Locale.ROOT);
        if (amount != null) {
            if (amount.signum() <= 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 10) {
                throw ProblemException.invalidField(
                        "depositAmount", "enter a positive amount with at most two decimals, or leave it empty.");
            }
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw ProblemException.invalidField(
                        "depositCurrency", "give the deposit's currency as a code such as USD.");
            }
        } else {
            currency = null;
        }
        return new Checked(
                request.opensAt(),
                request.closesAt(),
                request.status() == null ? CycleStatus.DRAFT : request.status(),
                days,
                amount,
                currency);
    }

    private static String changes(Cycle before, Cycle after) {
        var parts = new ArrayList<String>();
        if (!before.name().equals(after.name())) {
            parts.add("name " + before.name() + " → " + after.name());
        }
        if (before.status() != after.status()) {
            parts.add(
                    "status " + before.status().label() + " → " + after.status().label());
        }
        if (!before.opensAt().equals(after.opensAt()) || !before.closesAt().equals(after.closesAt())) {
            parts.add("window " + after.opensAt() + " – " + after.closesAt());
        }
        if (before.acceptanceDays() != after.acceptanceDays()) {
            parts.add("acceptance days " + after.acceptanceDays());
        }
        if (!java.util.Objects.equals(before.depositAmount(), after.depositAmount())
                || !java.util.Objects.equals(before.depositCurrency(), after.depositCurrency())) {
            parts.add("deposit "
                    + (after.depositAmount() == null ? "none" : after.depositAmount() + " " + after.depositCurrency()));
        }
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String fit(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    static Cycle cycle(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Cycle(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("program_id", UUID.class),
                rs.getString("program_code"),
                rs.getString("program_name"),
                rs.getObject("intake_id", UUID.class),
                rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getTimestamp("opens_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(),
                CycleStatus.valueOf(rs.getString("status")),
                rs.getInt("acceptance_days"),
                rs.getBigDecimal("deposit_amount"),
                rs.getString("deposit_currency"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
