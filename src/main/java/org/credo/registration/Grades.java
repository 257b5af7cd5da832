package org.credo.registration;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.credo.registration.grading.GradeScales;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The grades facade for progress and transcripts: an organization's grade scale and a learner's course record. */
@Service
public class Grades {

    /** One grade of the scale: GPA points (null outside the GPA) and whether it earns credit. */
    public record ScaleGrade(
            String grade, String kind, @Nullable BigDecimal points, boolean earnsCredit) {}

    /**
     * One enrollment on a learner's record: the final grade once submitted (null while the course runs), or W for
     * a withdrawal.
     */
    public record CourseRecord(
            UUID enrollmentId,
            UUID termId,
            String courseCode,
            BigDecimal credits,
            String status,
            @Nullable String grade) {}

    private final GradeScales scales;
    private final JdbcClient jdbc;

    Grades(GradeScales scales, JdbcClient jdbc) {
        this.scales = scales;
        this.jdbc = jdbc;
    }

    /** The organization's grade scale, best grade first. */
    public List<ScaleGrade> scale(UUID organizationId) {
        return scales.of(organizationId).stream()
                .map(e -> new ScaleGrade(e.grade(), e.kind().name(), e.points(), e.earnsCredit()))
                .toList();
    }

    /** Every enrollment the learner kept or withdrew from, in every term (drops are left out). */
    public List<CourseRecord> record(UUID organizationId, UUID learnerId) {
        return jdbc.sql("SELECT id, term_id, course_code, credits, status, grade FROM enrollment"
                        + " WHERE organization_id = ? AND learner_id = ? AND status <> 'DROPPED' ORDER BY course_code")
                .params(organizationId, learnerId)
                .query((rs, n) -> new CourseRecord(
                        rs.getObject("id", UUID.class),
                        rs.getObject("term_id", UUID.class),
                        rs.getString("course_code"),
                        rs.getBigDecimal("credits"),
                        rs.getString("status"),
                        rs.getString("grade")))
                .list();
    }
}
