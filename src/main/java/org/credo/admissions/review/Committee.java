package org.credo.admissions.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee view: applications in review and after, sorted by their mean weighted score, from the denormalized
 * review summary (one row per application, updated on each submit and status change) and its (organization, score)
 * indexes; filters and the count touch the summary alone, and the page's 20 rows are joined to their applications.
 */
@Service
public class Committee {

    /** The sort fields of the committee view; the first is the default. */
    public static final List<String> SORTABLE = List.of("score", "number", "applicant", "reads");

    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "score", "s.score %s NULLS LAST",
            "number", "a.number %s",
            "applicant", "a.applicant_name %s",
            "reads", "s.reads_submitted %s");

    /** What the committee filters by; every part is optional. */
    public record Filter(
            @Nullable UUID cycleId,
            @Nullable UUID programId,
            @Nullable ApplicationStatus status,
            @Nullable BigDecimal minScore,
            @Nullable BigDecimal maxScore,
            @Nullable Integer minReads) {}

    /**
     * One row: an application, its score (null while unscored, or hidden while the caller's own read of it is open)
     * and its read counts.
     */
    public record Row(
            UUID applicationId,
            String number,
            String applicantName,
            String programCode,
            String cycleName,
            ApplicationStatus status,
            @Nullable BigDecimal score,
            int readsSubmitted,
            int readersActive,
            boolean scoreHidden) {}

    private final JdbcClient jdbc;

    Committee(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the committee view for the caller. */
    @Transactional(readOnly = true)
    public PageResult<Row> page(CredoUser caller, Filter filter, PageQuery query) {
        var where = new StringBuilder(" WHERE s.organization_id = ?");
        var params = new ArrayList<Object>();
        params.add(caller.organizationId());
        if (filter.cycleId() != null) {
            where.append(" AND s.cycle_id = ?");
            params.add(filter.cycleId());
        }
        if (filter.programId() != null) {
            where.append(" AND s.program_id = ?");
            params.add(filter.programId());
        }
        if (filter.minScore() != null) {
            where.append(" AND s.score >= ?");
            params.add(filter.minScore());
        }
        if (filter.maxScore() != null) {
            where.append(" AND s.score <= ?");
            params.add(filter.maxScore());
        }
        if (filter.minReads() != null) {
            where.append(" AND s.reads_submitted >= ?");
            params.add(filter.minReads());
        }
        if (filter.status() != null) {
            where.append(" AND s.status = ?");
            params.add(filter.status().name());
        }
        var from = " FROM review_summary s JOIN application a ON a.id = s.application_id";
        long total = jdbc.sql("SELECT count(*) FROM review_summary s" + where)
                .params(params)
                .query(Long.class)
                .single();
        var order = SORT_COLUMNS.get(query.sort()).formatted(query.ascending() ? "ASC" : "DESC") + ", s.application_id";
        var pageParams = new ArrayList<Object>();
        pageParams.add(caller.personId());
        pageParams.addAll(params);
        pageParams.add(query.size());
        pageParams.add(query.offset());
        var items = jdbc.sql("SELECT s.application_id, s.score, s.reads_submitted, s.readers_active, a.number,"
                        + " a.applicant_name, a.status, c.program_code, c.name AS cycle_name,"
                        + " (SELECT r.status FROM application_read r WHERE r.application_id = s.application_id"
                        + " AND r.reader_id = ?) AS my_read"
                        + from + " JOIN admission_cycle c ON c.id = s.cycle_id" + where + " ORDER BY " + order
                        + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> {
                    boolean hidden = "ASSIGNED".equals(rs.getString("my_read"));
                    return new Row(
                            rs.getObject("application_id", UUID.class),
                            rs.getString("number"),
                            rs.getString("applicant_name"),
                            rs.getString("program_code"),
                            rs.getString("cycle_name"),
                            ApplicationStatus.valueOf(rs.getString("status")),
                            hidden ? null : rs.getBigDecimal("score"),
                            rs.getInt("reads_submitted"),
                            rs.getInt("readers_active"),
                            hidden);
                })
                .list();
        return PageResult.of(items, query, total);
    }
}
