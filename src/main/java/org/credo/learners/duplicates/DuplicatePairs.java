package org.credo.learners.duplicates;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.learners.DuplicateRule;
import org.credo.learners.LearnerStatus;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pairs of records that may be one person, as found when records arrive or change: staff merge them or dismiss
 * them ('not the same person'); a pair with a merged record, or a dismissed pair, leaves the list.
 */
@Service
public class DuplicatePairs {

    /** The sort fields of the list; the first is the default. */
    public static final List<String> SORTABLE = List.of("score", "found", "name");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("score", "p.score", "found", "p.found_at", "name", "a.legal_family_name, a.legal_given_name");

    /** One side of a pair. */
    public record Side(UUID learnerId, String number, String name, LearnerStatus status) {}

    /** A pair waiting for a decision. */
    public record Pair(UUID id, Side first, Side second, DuplicateRule rule, int score, Instant foundAt) {}

    private static final String OPEN = " FROM learner_duplicate_pair p JOIN learner a ON a.id = p.learner_a"
            + " JOIN learner b ON b.id = p.learner_b WHERE p.organization_id = ? AND p.dismissed_at IS NULL"
            + " AND a.merged_into IS NULL AND b.merged_into IS NULL";

    private final JdbcClient jdbc;

    DuplicatePairs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the pairs waiting for a decision, surest first by default. */
    @Transactional(readOnly = true)
    public PageResult<Pair> page(UUID organizationId, PageQuery query) {
        var items = jdbc.sql("SELECT p.*, a.learner_number AS a_number, a.legal_given_name AS a_given,"
                        + " a.legal_family_name AS a_family, a.status AS a_status, b.learner_number AS b_number,"
                        + " b.legal_given_name AS b_given, b.legal_family_name AS b_family, b.status AS b_status"
                        + OPEN + " ORDER BY " + query.orderBy(SORT_COLUMNS, "p.id") + " LIMIT ? OFFSET ?")
                .params(organizationId, query.size(), query.offset())
                .query((rs, n) -> {
                    var a = new Side(
                            rs.getObject("learner_a", UUID.class),
                            rs.getString("a_number"),
                            rs.getString("a_given") + " " + rs.getString("a_family"),
                            LearnerStatus.valueOf(rs.getString("a_status")));
                    var b = new Side(
                            rs.getObject("learner_b", UUID.class),
                            rs.getString("b_number"),
                            rs.getString("b_given") + " " + rs.getString("b_family"),
                            LearnerStatus.valueOf(rs.getString("b_status")));
                    // The older record (the lower number) comes first: it is the one a merge keeps by default.
                    boolean swap = a.number().compareTo(b.number()) > 0;
                    return new Pair(
                            rs.getObject("id", UUID.class),
                            swap ? b : a,
                            swap ? a : b,
                            DuplicateRule.valueOf(rs.getString("match_rule")),
                            rs.getInt("score"),
                            rs.getObject("found_at", OffsetDateTime.class).toInstant());
                })
                .list();
        return PageResult.of(items, query, count(organizationId));
    }

    /** How many pairs wait for a decision. */
    @Transactional(readOnly = true)
    public long count(UUID organizationId) {
        return jdbc.sql("SELECT count(*)" + OPEN)
                .param(organizationId)
                .query(Long.class)
                .single();
    }

    /** Records that the two records are different people; the pair is not shown again. */
    @Transactional
    public void dismiss(UUID organizationId, UUID pairId) {
        var stamp = ChangeStamp.now(organizationId);
        int changed = jdbc.sql("UPDATE learner_duplicate_pair SET dismissed_at = ?, dismissed_by_id = ?,"
                        + " dismissed_by_name = ? WHERE id = ? AND organization_id = ? AND dismissed_at IS NULL")
                .params(Timestamps.sql(Timestamps.now()), stamp.actorId(), stamp.actorName(), pairId, organizationId)
                .update();
        if (changed == 0) {
            throw ProblemException.notFound("That open pair");
        }
    }
}
