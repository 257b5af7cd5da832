package org.credo.catalog.publiccatalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current published version of programs and courses straight from the version tables: the
 * highest version whose effective date is on or before the organization's today (V9__catalog.sql).
 * Retired items are returned with {@code retired = true}; public pages hide them, CTDL marks them
 * deprecated. Proposals and future versions never appear.
 */
@Component
@Transactional(readOnly = true)
public class CatalogReader {

    private static final String PROGRAM = """
            SELECT v.*, p.code FROM catalog_program_version v JOIN catalog_program p ON p.id = v.program_id
             WHERE p.organization_id = :org AND v.effective_from <= :today
               AND NOT EXISTS (SELECT 1 FROM catalog_program_version w
                                WHERE w.program_id = v.program_id AND w.version > v.version
                                  AND w.effective_from <= :today)
            """;
    private static final String COURSE = """
            SELECT v.*, c.subject, c.number FROM catalog_course_version v JOIN catalog_course c ON c.id = v.course_id
             WHERE c.organization_id = :org AND v.effective_from <= :today
               AND NOT EXISTS (SELECT 1 FROM catalog_course_version w
                                WHERE w.course_id = v.course_id AND w.version > v.version
                                  AND w.effective_from <= :today)
            """;

    private final JdbcClient jdbc;

    CatalogReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version of a program by code, retired or not. */
    public Optional<PublishedProgram> program(UUID organizationId, String code, LocalDate today) {
        return jdbc.sql(PROGRAM + " AND p.code = :code")
                .param("org", organizationId)
                .param("today", today)
                .param("code", code)
                .query(CatalogReader::program)
                .optional();
    }

    /** The current version of a program by id, retired or not. */
    public Optional<PublishedProgram> program(UUID organizationId, UUID programId, LocalDate today) {
        return jdbc.sql(PROGRAM + " AND p.id = :id")
                .param("org", organizationId)
                .param("today", today)
                .param("id", programId)
                .query(CatalogReader::program)
                .optional();
    }

    /** The current version of every program of an organization that has one, by name. */
    public List<PublishedProgram> programs(UUID organizationId, LocalDate today) {
        return jdbc.sql(PROGRAM + " ORDER BY v.name, p.code")
                .param("org", organizationId)
                .param("today", today)
                .query(CatalogReader::program)
                .list();
    }

    /** The current version of a course by subject and number, retired or not. */
    public Optional<PublishedCourse> course(UUID organizationId, String subject, String number, LocalDate today) {
        return jdbc.sql(COURSE + " AND c.subject = :subject AND c.number = :number")
                .param("org", organizationId)
                .param("today", today)
                .param("subject", subject)
                .param("number", number)
                .query(CatalogReader::course)
                .optional();
    }

    /** The current version of a course by id, retired or not. */
    public Optional<PublishedCourse> course(UUID organizationId, UUID courseId, LocalDate today) {
        return jdbc.sql(COURSE + " AND c.id = :id")
                .param("org", organizationId)
                .param("today", today)
                .param("id", courseId)
                .query(CatalogReader::course)
                .optional();
    }

    /** The current version of every course of an organization that has one, by code. */
    public List<PublishedCourse> courses(UUID organizationId, LocalDate today) {
        return jdbc.sql(COURSE + " ORDER BY c.subject, c.number")
                .param("org", organizationId)
                .param("today", today)
                .query(CatalogReader::course)
                .list();
    }

    /** The courses, current and not retired, among the given codes ("CS 101"), by code. */
    public Map<String, PublishedCourse> coursesByCode(UUID organizationId, Collection<String> codes, LocalDate today) {
        var found = new LinkedHashMap<String, PublishedCourse>();
        if (codes.isEmpty()) {
            return found;
        }
        jdbc.sql(COURSE + " AND (c.subject || ' ' || c.number) IN (:codes) AND v.retired = false")
                .param("org", organizationId)
                .param("today", today)
                .param("codes", List.copyOf(codes))
                .query(CatalogReader::course)
                .list()
                .forEach(course -> found.put(course.code(), course));
        return found;
    }

    /** The programs, current and not retired, whose requirements name a course, by name. */
    public List<PublishedProgram> programsRequiring(UUID organizationId, String courseCode, LocalDate today) {
        return programs(organizationId, today).stream()
                .filter(p -> !p.retired())
                .filter(p -> p.requirements().contains("\"" + courseCode + "\""))
                .toList();
    }

    /** Upcoming starts of a program (from today on), soonest first. */
    public List<Intake> upcomingIntakes(UUID organizationId, UUID programId, LocalDate today) {
        return jdbc.sql("SELECT term_name, starts_on, application_deadline FROM catalog_program_intake"
                        + " WHERE organization_id = ? AND program_id = ? AND starts_on >= ? ORDER BY starts_on")
                .params(organizationId, programId, today)
                .query((rs, n) -> new Intake(
                        rs.getString("term_name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("application_deadline", LocalDate.class)))
                .list();
    }

    /** A start of a program. */
    public record Intake(
            String termName, LocalDate startsOn, @Nullable LocalDate applicationDeadline) {}

    private static PublishedProgram program(ResultSet rs, int row) throws SQLException {
        return new PublishedProgram(
                rs.getObject("program_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("code"),
                rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getString("name"),
                rs.getString("program_type"),
                rs.getString("level"),
                rs.getBigDecimal("credits"),
                rs.getString("cip_code"),
                rs.getString("time_to_complete"),
                rs.getString("delivery_mode"),
                rs.getBigDecimal("tuition_amount"),
                rs.getString("tuition_currency"),
                rs.getString("tuition_note"),
                rs.getString("description"),
                rs.getString("learning_outcomes"),
                rs.getString("requirements"),
                rs.getObject("achievement_lineage_id", UUID.class),
                rs.getBoolean("retired"));
    }

    private static PublishedCourse course(ResultSet rs, int row) throws SQLException {
        return new PublishedCourse(
                rs.getObject("course_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("subject"),
                rs.getString("number"),
                rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getString("title"),
                rs.getBigDecimal("credits"),
                rs.getString("description"),
                rs.getString("outcomes"),
                rs.getString("prerequisites"),
                rs.getString("corequisites"),
                rs.getBoolean("retired"));
    }
}
