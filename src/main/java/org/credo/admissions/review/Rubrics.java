package org.credo.admissions.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rubric of a cycle: weighted criteria scored on a scale from 1 to the cycle's maximum. */
@Service
public class Rubrics {

    /** One criterion of a rubric. */
    public record Criterion(UUID id, String name, @Nullable String guidance, BigDecimal weight, int position) {}

    /** A criterion as typed in the rubric form or API. */
    public record CriterionInput(String name, @Nullable String guidance, BigDecimal weight) {}

    private final JdbcClient jdbc;

    Rubrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The criteria of a cycle in their order. */
    @Transactional(readOnly = true)
    public List<Criterion> criteria(UUID organizationId, UUID cycleId) {
        return jdbc.sql("SELECT id, name, guidance, weight, position FROM rubric_criterion WHERE organization_id = ?"
                        + " AND cycle_id = ? ORDER BY position")
                .params(organizationId, cycleId)
                .query((rs, n) -> new Criterion(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("guidance"),
                        rs.getBigDecimal("weight"),
                        rs.getInt("position")))
                .list();
    }

    /** The highest score of the cycle's scale. */
    @Transactional(readOnly = true)
    public int scaleMax(UUID organizationId, UUID cycleId) {
        return jdbc.sql("SELECT rubric_scale_max FROM admission_cycle WHERE id = ? AND organization_id = ?")
                .params(cycleId, organizationId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That cycle"));
    }

    /**
     * Replaces the rubric of a cycle; refused once a read of the cycle was submitted, since submitted scores must
     * keep meaning what the reader meant.
     */
    @Transactional
    public List<Criterion> replace(UUID organizationId, UUID cycleId, int scaleMax, List<CriterionInput> criteria) {
        scaleMax(organizationId, cycleId);
        if (scaleMax < 2 || scaleMax > 10) {
            throw ProblemException.invalidField("scaleMax", "choose a scale from 1 to between 2 and 10.");
        }
        if (criteria.isEmpty()) {
            throw ProblemException.invalidField(
                    "criteria", "give at least one criterion, one per line: name | weight.");
        }
        var names = new java.util.HashSet<String>();
        for (var c : criteria) {
            if (c.name() == null || c.name().isBlank() || c.name().length() > 120) {
                throw ProblemException.invalidField("criteria", "give each criterion a name of up to 120 characters.");
            }
            if (!names.add(c.name().trim().toLowerCase(java.util.Locale.ROOT))) {
                throw ProblemException.invalidField(
                        "criteria", "criterion '" + c.name().trim() + "' is listed twice.");
            }
            if (c.weight() == null || c.weight().signum() <= 0 || c.weight().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ProblemException.invalidField(
                        "criteria", "give '" + c.name().trim() + "' a weight above 0 and up to 100.");
            }
        }
        long submitted = jdbc.sql(
                        "SELECT count(*) FROM application_read r JOIN application a ON a.id = r.application_id"
                                + " WHERE a.cycle_id = ? AND r.organization_id = ? AND r.status = 'SUBMITTED'")
                .params(cycleId, organizationId)
                .query(Long.class)
                .single();
        if (submitted > 0) {
            throw ProblemException.conflict(
                    "Rubric in use",
                    submitted
                            + " reads of this cycle were submitted with the current rubric; it can no longer change.");
        }
        jdbc.sql("DELETE FROM read_score WHERE criterion_id IN (SELECT id FROM rubric_criterion WHERE cycle_id = ?)")
                .param(cycleId)
                .update();
        jdbc.sql("DELETE FROM rubric_criterion WHERE cycle_id = ? AND organization_id = ?")
                .params(cycleId, organizationId)
                .update();
        jdbc.sql("UPDATE admission_cycle SET rubric_scale_max = ? WHERE id = ? AND organization_id = ?")
                .params(scaleMax, cycleId, organizationId)
                .update();
        int position = 0;
        for (var c : criteria) {
            jdbc.sql("INSERT INTO rubric_criterion (id, organization_id, cycle_id, name, guidance, weight, position)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            organizationId,
                            cycleId,
                            c.name().trim(),
                            c.guidance() == null || c.guidance().isBlank()
                                    ? null
                                    : c.guidance().trim(),
                            c.weight(),
                            position++)
                    .update();
        }
        return criteria(organizationId, cycleId);
    }

    /** The rubric of a cycle with no criteria yet: three equally weighted criteria. */
    @Transactional
    public List<Criterion> orDefault(UUID organizationId, UUID cycleId) {
        var existing = criteria(organizationId, cycleId);
        if (!existing.isEmpty()) {
            return existing;
        }
        return replace(
                organizationId,
                cycleId,
                scaleMax(organizationId, cycleId),
                List.of(
                        new CriterionInput("Academic preparation", "Grades, courses and tests.", BigDecimal.valueOf(2)),
                        new CriterionInput("Motivation and fit", "The statement and goals.", BigDecimal.ONE),
                        new CriterionInput("Experience", "Work, projects and references.", BigDecimal.ONE)));
    }
}
