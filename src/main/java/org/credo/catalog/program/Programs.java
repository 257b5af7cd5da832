package org.credo.catalog.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.ProgramVersionPublished;
import org.credo.catalog.course.CourseContent;
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
 * Programs and their published versions. Versions are only ever inserted: there is deliberately no
 * method that updates one.
 */
@Repository
public class Programs {

    /** The fields the program list can be sorted by; the first is the default. */
    public static final List<String> SORTABLE = List.of("code", "name", "effectiveFrom");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("code", "p.code", "name", "v.name", "effectiveFrom", "v.effective_from");

    private static final String LATEST = """
            FROM catalog_program p JOIN catalog_program_version v ON v.program_id = p.id
            WHERE p.organization_id = :org
              AND v.version = (SELECT MAX(l.version) FROM catalog_program_version l WHERE l.program_id = p.id)""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Programs(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Publishes a new version of a program (creating the program on its first version). */
    public ProgramVersion publish(
            UUID organizationId,
            ProgramContent c,
            LocalDate effectiveFrom,
            boolean retired,
            @Nullable UUID proposalId,
            @Nullable UUID publishedBy) {
        var programId = jdbc.sql("SELECT id FROM catalog_program WHERE organization_id = ? AND code = ?")
                .params(organizationId, c.code())
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    var id = UUID.randomUUID();
                    jdbc.sql("INSERT INTO catalog_program (id, organization_id, code, created_at) VALUES (?, ?, ?, ?)")
                            .params(id, organizationId, c.code(), Timestamps.sql(Timestamps.now()))
                            .update();
                    return id;
                });
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM catalog_program_version WHERE program_id = ?")
                        .param(programId)
                        .query(Integer.class)
                        .single()
                + 1;
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        jdbc.sql("""
                INSERT INTO catalog_program_version (id, program_id, organization_id, version, effective_from, name,
                  program_type, level, credits, cip_code, time_to_complete, delivery_mode, tuition_amount,
                  tuition_currency, tuition_note, description, learning_outcomes, requirements, achievement_lineage_id,
                  retired, proposal_id, published_at, published_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        programId,
                        organizationId,
                        version,
                        effectiveFrom,
                        c.name(),
                        c.type().name(),
                        c.level(),
                        c.credits(),
                        c.cipCode(),
                        c.timeToComplete(),
                        c.deliveryMode().name(),
                        c.tuitionAmount(),
                        c.tuitionCurrency(),
                        c.tuitionNote(),
                        c.description(),
                        String.join("\n", c.learningOutcomes()),
                        RequirementJson.write(c.requirements()),
                        c.achievementLineageId(),
                        retired,
                        proposalId,
                        Timestamps.sql(now),
                        publishedBy)
                .update();
        events.publishEvent(new ProgramVersionPublished(
                ChangeStamp.now(organizationId), programId, c.code(), version, effectiveFrom, retired));
        return new ProgramVersion(id, programId, version, effectiveFrom, c, retired, proposalId, now, publishedBy);
    }

    /** The newest version of the program with this code, whatever its effective date. */
    public Optional<ProgramVersion> latest(UUID organizationId, String code) {
        return jdbc.sql(select() + LATEST + " AND p.code = :code")
                .param("org", organizationId)
                .param("code", code.trim().toUpperCase())
                .query(this::version)
                .optional();
    }

    /** The newest version of the program with this id. */
    public Optional<ProgramVersion> latest(UUID organizationId, UUID programId) {
        return jdbc.sql(select() + LATEST + " AND p.id = :id")
                .param("org", organizationId)
                .param("id", programId)
                .query(this::version)
                .optional();
    }

    /** The version of a program in the catalog on a day, if any (a retired one included). */
    public Optional<ProgramVersion> onDate(UUID organizationId, UUID programId, LocalDate day) {
        return jdbc.sql(select() + """
                FROM catalog_program p JOIN catalog_program_version v ON v.program_id = p.id
                WHERE p.organization_id = ? AND p.id = ? AND v.effective_from <= ?
                ORDER BY v.version DESC LIMIT 1""")
                .params(organizationId, programId, day)
                .query(this::version)
                .optional();
    }

    /** Every version of a program, oldest first. */
    public List<ProgramVersion> history(UUID organizationId, UUID programId) {
        return jdbc.sql(select() + """
                FROM catalog_program p JOIN catalog_program_version v ON v.program_id = p.id
                WHERE p.organization_id = ? AND p.id = ? ORDER BY v.version""")
                .params(organizationId, programId)
                .query(this::version)
                .list();
    }

    /** The newest version of every program, retired ones included. */
    public List<ProgramVersion> allLatest(UUID organizationId) {
        return jdbc.sql(select() + LATEST + " ORDER BY p.code")
                .param("org", organizationId)
                .query(this::version)
                .list();
    }

    /** A page of newest versions, optionally searched by code or name. */
    public PageResult<ProgramVersion> page(UUID organizationId, @Nullable String q, PageQuery query) {
        var filter = q == null || q.isBlank() ? "" : " AND (LOWER(p.code) LIKE :q OR LOWER(v.name) LIKE :q)";
        var like =
                q == null ? "" : "%" + q.trim().toLowerCase().replace("%", "").replace("_", "") + "%";
        long total = jdbc.sql("SELECT COUNT(*) " + LATEST + filter)
                .param("org", organizationId)
                .param("q", like)
                .query(Long.class)
                .single();
        var items = jdbc.sql(select() + LATEST + filter + " ORDER BY " + query.orderBy(SORT_COLUMNS, "p.id")
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
        return "SELECT p.code, v.* ";
    }

    private ProgramVersion version(ResultSet rs, int row) throws SQLException {
        var content = new ProgramContent(
                rs.getString("code"),
                rs.getString("name"),
                ProgramType.valueOf(rs.getString("program_type")),
                rs.getString("level"),
                rs.getBigDecimal("credits"),
                rs.getString("cip_code"),
                rs.getString("time_to_complete"),
                DeliveryMode.valueOf(rs.getString("delivery_mode")),
                rs.getBigDecimal("tuition_amount"),
                rs.getString("tuition_currency"),
                rs.getString("tuition_note"),
                rs.getString("description"),
                CourseContent.outcomeLines(rs.getString("learning_outcomes")),
                RequirementJson.parse(rs.getString("requirements"), RequirementJson.Kind.PROGRAM),
                rs.getObject("achievement_lineage_id", UUID.class));
        return new ProgramVersion(
                rs.getObject("id", UUID.class),
                rs.getObject("program_id", UUID.class),
                rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class),
                content,
                rs.getBoolean("retired"),
                rs.getObject("proposal_id", UUID.class),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getObject("published_by", UUID.class));
    }
}
