package org.credo.admissions.crm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.credo.learners.Learners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Works out who a campaign's segment names, one recipient per email address. */
@Component
public class Audience {

    /** The most people one campaign reaches; a larger segment is refused when it is saved or previewed. */
    public static final int LIMIT = 5_000;

    private final JdbcClient jdbc;
    private final Learners learners;

    Audience(JdbcClient jdbc, Learners learners) {
        this.jdbc = jdbc;
        this.learners = learners;
    }

    /** The people of the segment in an organization, learner records first, each address once. */
    public List<Recipient> of(UUID organizationId, Campaign.Segment segment) {
        var byEmail = new LinkedHashMap<String, Recipient>();
        if (segment.includesLearnerRecords()) {
            for (var a : learners.addressees(organizationId, segment.programId(), segment.learnerStatus(), LIMIT)) {
                if (!a.emails().isEmpty()) {
                    var email = a.emails().get(0).trim();
                    byEmail.putIfAbsent(
                            email.toLowerCase(Locale.ROOT),
                            new Recipient(email, a.name(), a.preferredName(), a.learnerId()));
                }
            }
        }
        for (var r : applicants(organizationId, segment)) {
            byEmail.putIfAbsent(r.email().toLowerCase(Locale.ROOT), r);
        }
        return byEmail.values().stream().limit(LIMIT).toList();
    }

    private List<Recipient> applicants(UUID organizationId, Campaign.Segment segment) {
        var sql = new StringBuilder("""
                SELECT a.applicant_email, a.applicant_name, a.learner_id FROM application a
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
        sql.append(" ORDER BY a.applicant_name, a.id LIMIT ?");
        params.add(LIMIT);
        var found = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> {
                    var name = rs.getString(2);
                    return new Recipient(rs.getString(1), name, firstWord(name), rs.getObject(3, UUID.class));
                })
                .list();
        if (segment.learnerStatus() == null) {
            return found;
        }
        var ids = found.stream()
                .map(Recipient::learnerId)
                .filter(Objects::nonNull)
                .toList();
        var statuses = learners.statuses(organizationId, ids);
        return found.stream()
                .filter(r -> r.learnerId() != null && statuses.get(r.learnerId()) == segment.learnerStatus())
                .toList();
    }

    private static String firstWord(String name) {
        var trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
