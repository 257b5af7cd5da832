package org.credo.credentials.insight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The issuance dashboard's figures: credentials issued, claimed, shared and verified per week or month of a date
 * range, in the organization's zone, optionally for one achievement (all its versions). Times are read from the
 * database and counted here, so that a week starts on Monday in the organization's zone on H2 and PostgreSQL alike.
 */
@Service
public class IssuanceFigures {

    /** The longest range a dashboard covers. */
    static final int MAX_DAYS = 366 * 5;

    /** How the range is cut. */
    public enum Interval {
        WEEK,
        MONTH
    }

    /** The counts of one week or month, starting on {@code start}. */
    public record Period(LocalDate start, long issued, long claimed, long shared, long verified) {}

    /**
     * The figures of a range. {@code claimRate} is the share (0 to 1) of the credentials issued in the range that
     * their earners have claimed by now, or null when none were issued.
     */
    public record Figures(
            LocalDate from,
            LocalDate to,
            Interval interval,
            String zone,
            @Nullable UUID achievementId,
            long issued,
            long claimed,
            long shared,
            long verified,
            long issuedAndClaimed,
            @Nullable Double claimRate,
            List<Period> periods) {}

    private final JdbcClient jdbc;

    IssuanceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks a range as the user typed it; the problem names the field. */
    public static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must be on or after the start date " + from + ".");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.invalidField("to", "a dashboard covers at most five years; shorten the range.");
        }
    }

    /** The figures of an organization for a range of days (both included) in its zone. */
    public Figures figures(
            UUID organizationId,
            LocalDate from,
            LocalDate to,
            Interval interval,
            @Nullable UUID achievementId,
            ZoneId zone) {
        check(from, to);
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.plusDays(1).atStartOfDay(zone).toInstant();
        var periods = new LinkedHashMap<LocalDate, long[]>();
        for (var day = periodOf(from, interval); !day.isAfter(to); day = next(day, interval)) {
            periods.put(day, new long[4]);
        }
        var filter = achievementId == null
                ? ""
                : " AND c.achievement_id IN (SELECT id FROM achievement WHERE organization_id = ? AND lineage_id ="
                        + " (SELECT lineage_id FROM achievement WHERE organization_id = ? AND id = ?))";
        var scope = achievementId == null ? List.of() : List.<Object>of(organizationId, organizationId, achievementId);
        var issued = times(
                "SELECT c.issued_at FROM issued_credential c WHERE c.organization_id = ? AND c.issued_at >= ?"
                        + " AND c.issued_at < ?" + filter,
                join(List.of(organizationId, Timestamps.sql(start), Timestamps.sql(end)), scope));
        var claimed = times(
                "SELECT MIN(h.occurred_at) FROM credential_history h JOIN issued_credential c ON c.id = h.credential_id"
                        + " WHERE c.organization_id = ? AND h.action = 'Claimed'" + filter
                        + " GROUP BY h.credential_id HAVING MIN(h.occurred_at) >= ? AND MIN(h.occurred_at) < ?",
                join(join(List.of(organizationId), scope), List.of(Timestamps.sql(start), Timestamps.sql(end))));
        var rangeAndScope = join(List.of(organizationId, Timestamps.sql(start), Timestamps.sql(end)), scope);
        var shared = times(actions(Step.SHARED, filter), rangeAndScope);
        var verified = times(actions(Step.VERIFIED, filter), rangeAndScope);
        count(periods, issued, 0, interval, zone);
        count(periods, claimed, 1, interval, zone);
        count(periods, shared, 2, interval, zone);
        count(periods, verified, 3, interval, zone);
        long issuedAndClaimed = jdbc.sql("SELECT count(*) FROM issued_credential c WHERE c.organization_id = ?"
                        + " AND c.issued_at >= ? AND c.issued_at < ?" + filter
                        + " AND EXISTS (SELECT 1 FROM credential_history h WHERE h.credential_id = c.id"
                        + " AND h.action = 'Claimed')")
                .params(rangeAndScope)
                .query(Long.class)
                .single();
        var list = periods.entrySet().stream()
                .map(e -> new Period(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        return new Figures(
                from,
                to,
                interval,
                zone.getId(),
                achievementId,
                issued.size(),
                claimed.size(),
                shared.size(),
                verified.size(),
                issuedAndClaimed,
                issued.isEmpty() ? null : (double) issuedAndClaimed / issued.size(),
                list);
    }

    /** The times of one kind of step on the organization's credentials in the range. */
    private static String actions(Step step, String filter) {
        return "SELECT h.occurred_at FROM credential_history h JOIN issued_credential c ON c.id = h.credential_id"
                + " WHERE c.organization_id = ? AND h.occurred_at >= ? AND h.occurred_at < ? AND h.action = '"
                + step.label() + "'" + filter;
    }

    private List<Instant> times(String sql, List<?> params) {
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    private static List<Object> join(List<?> first, List<?> second) {
        var all = new ArrayList<Object>(first);
        all.addAll(second);
        return all;
    }

    private static void count(
            LinkedHashMap<LocalDate, long[]> periods, List<Instant> times, int column, Interval interval, ZoneId zone) {
        for (var time : times) {
            var counts = periods.get(periodOf(time.atZone(zone).toLocalDate(), interval));
            if (counts != null) {
                counts[column]++;
            }
        }
    }

    static LocalDate periodOf(LocalDate day, Interval interval) {
        return interval == Interval.WEEK
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day.withDayOfMonth(1);
    }

    private static LocalDate next(LocalDate period, Interval interval) {
        return interval == Interval.WEEK ? period.plusWeeks(1) : period.plusMonths(1);
    }
}
