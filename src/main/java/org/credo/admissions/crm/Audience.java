package org.credo.admissions.crm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.credo.learners.Learners;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Works out who a campaign's segment names: learner records first, then applications, walked page by page in id
 * order (keyset paging) so that a segment of any size is reached in pages of bounded size. The same address may come
 * up twice (a learner who also applied); whoever sends keeps one recipient per address.
 */
@Component
public class Audience {

    /** The most people a preview lists and counts; sending has no limit. */
    public static final int LIMIT = 5_000;

    /** Where a walk through the audience stands: the source it is in, and the last id it read there. */
    public record Cursor(Source source, @Nullable UUID after) {

        /** The start of a walk. */
        static Cursor start(Campaign.Segment segment) {
            return new Cursor(segment.includesLearnerRecords() ? Source.LEARNERS : Source.APPLICATIONS, null);
        }
    }

    /** The two sources of an audience, in the order they are walked. */
    public enum Source {
        LEARNERS,
        APPLICATIONS
    }

    /** One page of an audience, and where the next starts ({@code null} when this was the last). */
    public record Page(List<Recipient> recipients, @Nullable Cursor next) {}

    private final JdbcClient jdbc;
    private final Learners learners;

    Audience(JdbcClient jdbc, Learners learners) {
        this.jdbc = jdbc;
        this.learners = learners;
    }

    /**
     * The first people of the segment, at most {@link #LIMIT}, each address once, learner records first and each
     * source by name: what a preview shows.
     */
    public List<Recipient> of(UUID organizationId, Campaign.Segment segment) {
        var bySource = new java.util.EnumMap<Source, List<Recipient>>(Source.class);
        Cursor cursor = Cursor.start(segment);
        int read = 0;
        while (cursor != null && read < LIMIT) {
            var page = page(organizationId, segment, cursor, LIMIT);
            bySource.computeIfAbsent(cursor.source(), s -> new ArrayList<>()).addAll(page.recipients());
            read += page.recipients().size();
            cursor = page.next();
        }
        var byEmail = new LinkedHashMap<String, Recipient>();
        for (var source : Source.values()) {
            bySource.getOrDefault(source, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(
                            (Recipient r) -> r.name().toLowerCase(Locale.ROOT)))
                    .forEach(r -> byEmail.putIfAbsent(Unsubscribes.normal(r.email()), r));
        }
        return byEmail.values().stream().limit(LIMIT).toList();
    }

    /** How many addresses the segment reaches, however many: walked in pages of {@code pageSize}. */
    public int count(UUID organizationId, Campaign.Segment segment, int pageSize) {
        var emails = new HashSet<String>();
        Cursor cursor = Cursor.start(segment);
        while (cursor != null) {
            var page = page(organizationId, segment, cursor, pageSize);
            for (var r : page.recipients()) {
                emails.add(Unsubscribes.normal(r.email()));
            }
            cursor = page.next();
        }
        return emails.size();
    }

    /** The page of the segment that starts at the cursor: at most {@code size} records read from one source. */
    public Page page(UUID organizationId, Campaign.Segment segment, Cursor cursor, int size) {
        if (cursor.source() == Source.LEARNERS) {
            var read = learners.addresseesAfter(
                    organizationId, segment.programId(), segment.learnerStatus(), cursor.after(), size);
            var found = new ArrayList<Recipient>();
            for (var a : read) {
                if (!a.emails().isEmpty()) {
                    found.add(new Recipient(a.emails().get(0).trim(), a.name(), a.preferredName(), a.learnerId()));
                }
            }
            var next = read.size() < size
                    ? new Cursor(Source.APPLICATIONS, null)
                    : new Cursor(Source.LEARNERS, read.get(read.size() - 1).learnerId());
            return new Page(found, next);
        }
        record Row(UUID id, Recipient recipient) {}
        var sql = new StringBuilder("""
                SELECT a.id, a.applicant_email, a.applicant_name, a.learner_id FROM application a
                JOIN admission_cycle c ON c.id = a.cycle_id
                WHERE a.organization_id = ?""");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (segment.programId() != null) {
            sql.append(" AND c.program_id = ?");
            params.add(segment.programId());
        }
        if (segment.cycleId() != null) {
            sql.append(" AND a.cycle_id = ?");
            params.add(segment.cycleId());
        }
        if (segment.applicationStatus() != null) {
            sql.append(" AND a.status = ?");
            params.add(segment.applicationStatus().name());
        }
        if (cursor.after() != null) {
            sql.append(" AND a.id > ?");
            params.add(cursor.after());
        }
        sql.append(" ORDER BY a.id LIMIT ?");
        params.add(size);
        var read = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> {
                    var name = rs.getString(3);
                    return new Row(
                            rs.getObject(1, UUID.class),
                            new Recipient(rs.getString(2), name, firstWord(name), rs.getObject(4, UUID.class)));
                })
                .list();
        var next = read.size() < size
                ? null
                : new Cursor(Source.APPLICATIONS, read.get(read.size() - 1).id());
        var found = read.stream().map(Row::recipient).toList();
        if (segment.learnerStatus() == null) {
            return new Page(found, next);
        }
        var ids = found.stream()
                .map(Recipient::learnerId)
                .filter(Objects::nonNull)
                .toList();
        var statuses = learners.statuses(organizationId, ids);
        return new Page(
                found.stream()
                        .filter(r -> r.learnerId() != null && statuses.get(r.learnerId()) == segment.learnerStatus())
                        .toList(),
                next);
    }

    private static String firstWord(String name) {
        var trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
