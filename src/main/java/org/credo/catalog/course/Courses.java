package org.credo.catalog.course;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credo.catalog.CourseVersionPublished;
import org.credo.catalog.requirement.CourseCode;
import org.credo.catalog.requirement.Requirement;
import org.credo.catalog.requirement.RequirementJson;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Courses and their published versions. Versions are only ever inserted: there is deliberately no
 * method that updates one.
 */
@Repository
public class Courses {

    /** The fields the course list can be sorted by; the first is the default. */
    public static final List<String> SORTABLE = List.of("code", "title", "effectiveFrom");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("code", "c.subject, c.number", "title", "v.title", "effectiveFrom", "v.effective_from");

    private static final String LATEST = """
            FROM catalog_course c JOIN catalog_course_version v ON v.course_id = c.id
            WHERE c.organization_id = :org
              AND v.version = (SELECT MAX(l.version) FROM catalog_course_version l WHERE l.course_id = c.id)""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Courses(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Publishes a new version of a course (creating the course on its first version). */
    public CourseVersion publish(
            UUID organizationId,
            CourseContent content,
            LocalDate effectiveFrom,
            boolean retired,
            @Nullable UUID proposalId,
            @Nullable UUID publishedBy) {
        var code = content.code();
        var courseId = jdbc.sql(
                        "SELECT id FROM catalog_course WHERE organization_id = ? AND subject = ? AND number = ?")
                .params(organizationId, code.subject(), code.number())
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    var id = UUID.randomUUID();
                    jdbc.sql(
                                    "INSERT INTO catalog_course (id, organization_id, subject, number, created_at) VALUES (?, ?, ?, ?, ?)")
                            .params(id, organizationId, code.subject(), code.number(), Timestamps.sql(Timestamps.now()))
                            .update();
                    return id;
                });
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM catalog_course_version WHERE course_id = ?")
                        .param(courseId)
                        .query(Integer.class)
                        .single()
                + 1;
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        jdbc.sql("""
                INSERT INTO catalog_course_version (id, course_id, organization_id, version, effective_from, title, credits,
                  description, outcomes, prerequisites, corequisites, retired, proposal_id, published_at, published_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        courseId,
                        organizationId,
                        version,
                        effectiveFrom,
                        content.title(),
                        content.credits(),
                        content.description(),
                        content.outcomesText(),
                        json(content.prerequisites()),
                        json(content.corequisites()),
                        retired,
                        proposalId,
                        Timestamps.sql(now),
                        publishedBy)
                .update();
        events.publishEvent(new CourseVersionPublished(
                ChangeStamp.now(organizationId), courseId, code.toString(), version, effectiveFrom, retired));
        return new CourseVersion(id, courseId, version, effectiveFrom, content, retired, proposalId, now, publishedBy);
    }

    /** The newest version of the course with this code, whatever its effective date. */
    public Optional<CourseVersion> latest(UUID organizationId, CourseCode code) {
        return jdbc.sql(select() + LATEST + " AND c.subject = :subject AND c.number = :number")
                .param("org", organizationId)
                .param("subject", code.subject())
                .param("number", code.number())
                .query(this::version)
                .optional();
    }

    /** The newest version of the course with this id. */
    public Optional<CourseVersion> latest(UUID organizationId, UUID courseId) {
        return jdbc.sql(select() + LATEST + " AND c.id = :id")
                .param("org", organizationId)
                .param("id", courseId)
                .query(this::version)
                .optional();
    }

    /** The version of a course in the catalog on a day, if any (a retired one included). */
    public Optional<CourseVersion> onDate(UUID organizationId, UUID courseId, LocalDate day) {
        return jdbc.sql(select() + """
                FROM catalog_course c JOIN catalog_course_version v ON v.course_id = c.id
                WHERE c.organization_id = ? AND c.id = ? AND v.effective_from <= ?
                ORDER BY v.version DESC LIMIT 1""")
                .params(organizationId, courseId, day)
                .query(this::version)
                .optional();
    }

    /** Every version of a course, oldest first. */
    public List<CourseVersion> history(UUID organizationId, UUID courseId) {
        return jdbc.sql(select() + """
                FROM catalog_course c JOIN catalog_course_version v ON v.course_id = c.id
                WHERE c.organization_id = ? AND c.id = ? ORDER BY v.version""")
                .params(organizationId, courseId)
                .query(this::version)
                .list();
    }

    /** The newest version of every course, retired ones included. */
    public List<CourseVersion> allLatest(UUID organizationId) {
        return jdbc.sql(select() + LATEST + " ORDER BY c.subject, c.number")
                .param("org", organizationId)
                .query(this::version)
                .list();
    }

    /** The codes of courses whose newest version is not retired: what rules may name. */
    public Set<CourseCode> activeCodes(UUID organizationId) {
        return Set.copyOf(allLatest(organizationId).stream()
                .filter(v -> !v.retired())
                .map(v -> v.content().code())
                .toList());
    }

    /** Each active course's prerequisites and corequisites, for cycle checks. */
    public Map<CourseCode, Set<CourseCode>> prerequisiteGraph(UUID organizationId) {
        var graph = new HashMap<CourseCode, Set<CourseCode>>();
        for (var v : allLatest(organizationId)) {
            if (!v.retired()) {
                graph.put(v.content().code(), requires(v.content()));
            }
        }
        return graph;
    }

    /** The courses a course's prerequisites and corequisites name. */
    public static Set<CourseCode> requires(CourseContent content) {
        var codes = new java.util.TreeSet<CourseCode>();
        if (content.prerequisites() != null) {
            codes.addAll(content.prerequisites().courses());
        }
        if (content.corequisites() != null) {
            codes.addAll(content.corequisites().courses());
        }
        return codes;
    }

    /**
     * Courses a rule may name (newest version not retired) whose code or title contains the words typed,
     * in code order: what the rule builder's course picker offers. Nothing for a blank query.
     */
    public List<CourseVersion> findActive(UUID organizationId, String q, int limit) {
        var words = q.trim().toLowerCase().replace("%", "").replace("_", "").replace('-', ' ');
        if (words.isBlank()) {
            return List.of();
        }
        return jdbc.sql(select() + LATEST + """
                 AND v.retired = FALSE
                 AND (LOWER(c.subject || ' ' || c.number) LIKE :q OR LOWER(c.subject || c.number) LIKE :q
                      OR LOWER(v.title) LIKE :q)
                ORDER BY c.subject, c.number LIMIT :limit""")
                .param("org", organizationId)
                .param("q", "%" + words + "%")
                .param("limit", limit)
                .query(this::version)
                .list();
    }

    /** A page of newest versions, optionally searched by code or title. */
    public PageResult<CourseVersion> page(UUID organizationId, @Nullable String q, PageQuery query) {
        var filter = q == null || q.isBlank()
                ? ""
                : " AND (LOWER(c.subject || ' ' || c.number) LIKE :q OR LOWER(c.subject || c.number) LIKE :q"
                        + " OR LOWER(v.title) LIKE :q)";
        var like =
                q == null ? "" : "%" + q.trim().toLowerCase().replace("%", "").replace("_", "") + "%";
        long total = jdbc.sql("SELECT COUNT(*) " + LATEST + filter)
                .param("org", organizationId)
                .param("q", like)
                .query(Long.class)
                .single();
        var items = jdbc.sql(select() + LATEST + filter + " ORDER BY " + query.orderBy(SORT_COLUMNS, "c.id")
                        + " LIMIT :limit OFFSET :offset")
                .param("org", organizationId)
                .param("q", like)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(this::version)
                .list();
        return PageResult.of(items, query, total);
    }

    private static String select() {
        return "SELECT c.subject, c.number, v.* ";
    }

    private static @Nullable String json(@Nullable Requirement rule) {
        return rule == null ? null : RequirementJson.write(rule);
    }

    private CourseVersion version(ResultSet rs, int row) throws SQLException {
        var content = new CourseContent(
                new CourseCode(rs.getString("subject"), rs.getString("number")),
                rs.getString("title"),
                rs.getBigDecimal("credits"),
                rs.getString("description"),
                CourseContent.outcomeLines(rs.getString("outcomes")),
                rule(rs.getString("prerequisites")),
                rule(rs.getString("corequisites")));
        return new CourseVersion(
                rs.getObject("id", UUID.class),
                rs.getObject("course_id", UUID.class),
                rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class),
                content,
                rs.getBoolean("retired"),
                rs.getObject("proposal_id", UUID.class),
                rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("published_by", UUID.class));
    }

    private static @Nullable Requirement rule(@Nullable String json) {
        return json == null || json.isBlank() ? null : RequirementJson.parse(json, RequirementJson.Kind.PREREQUISITE);
    }
}
