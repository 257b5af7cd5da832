package org.credo.admissions.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads applications of the V33 tables for reviews and decisions, and records what happened to them. */
@Repository
public class AdmissionFiles {

    static final String SELECT = """
            SELECT a.id, a.organization_id, a.cycle_id, c.name AS cycle_name, c.program_id, c.program_code,
              c.program_name, a.form_id, a.number, a.applicant_person_id, a.applicant_name, a.applicant_email, a.status,
              a.submitted_at, c.acceptance_days, c.deposit_amount, c.deposit_currency, c.rubric_scale_max
            FROM application a JOIN admission_cycle c ON c.id = a.cycle_id""";

    /** One answer as a reader reads it: the question's label and what the applicant answered. */
    public record Answer(String label, String value) {}

    /** A cycle to choose in filters and forms. */
    public record CycleChoice(UUID id, String name, String programCode, String programName, UUID programId) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AdmissionFiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An application of the organization; 404 for one of another organization. */
    public AdmissionFile find(UUID organizationId, UUID applicationId) {
        return jdbc.sql(SELECT + " WHERE a.id = ? AND a.organization_id = ?")
                .params(applicationId, organizationId)
                .query(AdmissionFiles::file)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That application"));
    }

    /** An application of the organization locked for the rest of the transaction. */
    public AdmissionFile lock(UUID organizationId, UUID applicationId) {
        jdbc.sql("SELECT id FROM application WHERE id = ? AND organization_id = ? FOR UPDATE")
                .params(applicationId, organizationId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That application"));
        return find(organizationId, applicationId);
    }

    /** The organization's cycles, newest first. */
    public List<CycleChoice> cycles(UUID organizationId) {
        return jdbc.sql("SELECT id, name, program_code, program_name, program_id FROM admission_cycle"
                        + " WHERE organization_id = ? ORDER BY opens_at DESC, name")
                .param(organizationId)
                .query((rs, n) -> new CycleChoice(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("program_code"),
                        rs.getString("program_name"),
                        rs.getObject("program_id", UUID.class)))
                .list();
    }

    /** Moves an application to another status, on its review summary too. */
    public void setStatus(UUID organizationId, UUID applicationId, ApplicationStatus status) {
        jdbc.sql("UPDATE application SET status = ?, updated_at = ?, lock_version = lock_version + 1"
                        + " WHERE id = ? AND organization_id = ?")
                .params(status.name(), Timestamps.sql(Timestamps.now()), applicationId, organizationId)
                .update();
        jdbc.sql("UPDATE review_summary SET status = ? WHERE application_id = ? AND organization_id = ?")
                .params(status.name(), applicationId, organizationId)
                .update();
    }

    /** Adds a line to the application's history. */
    public void event(
            UUID organizationId,
            UUID applicationId,
            String kind,
            @Nullable String detail,
            @Nullable UUID actorId,
            String actorName) {
        jdbc.sql("INSERT INTO application_event (id, application_id, organization_id, kind, detail, actor_id,"
                        + " actor_name, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        applicationId,
                        organizationId,
                        kind,
                        detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail,
                        actorId,
                        actorName,
                        Timestamps.sql(Timestamps.now()))
                .update();
    }

    /**
     * The answers of an application in the order of its form's questions, with each question's label; a choice shows
     * the answer, a file names the document, a yes/no reads Yes or No, and unanswered questions are left out.
     */
    public List<Answer> answers(UUID organizationId, UUID applicationId) {
        var file = find(organizationId, applicationId);
        var definition = jdbc.sql("SELECT definition FROM application_form WHERE id = ? AND organization_id = ?")
                .params(file.formId(), organizationId)
                .query(String.class)
                .optional()
                .orElse("{\"fields\":[]}");
        var given = new java.util.HashMap<String, String>();
        jdbc.sql("SELECT field_key, answer_text, document_id FROM application_answer WHERE application_id = ?"
                        + " AND organization_id = ?")
                .params(applicationId, organizationId)
                .query((rs, n) -> given.put(
                        rs.getString("field_key"),
                        rs.getString("answer_text") != null
                                ? rs.getString("answer_text")
                                : rs.getObject("document_id") != null ? "Document attached" : ""))
                .list();
        var answers = new ArrayList<Answer>();
        var seen = new java.util.HashSet<String>();
        var fields = json.readTree(definition).path("fields");
        for (var field : fields) {
            var key = field.path("key").asString("");
            var value = given.get(key);
            seen.add(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            var type = field.path("type").asString("TEXT");
            if (type.equals("YES_NO")) {
                value = value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") ? "Yes" : "No";
            }
            answers.add(new Answer(field.path("label").asString(key), value));
        }
        given.forEach((key, value) -> {
            if (!seen.contains(key) && value != null && !value.isBlank()) {
                answers.add(new Answer(key, value));
            }
        });
        return answers;
    }

    static AdmissionFile file(ResultSet rs, int row) throws SQLException {
        var submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        return new AdmissionFile(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("cycle_id", UUID.class),
                rs.getString("cycle_name"),
                rs.getObject("program_id", UUID.class),
                rs.getString("program_code"),
                rs.getString("program_name"),
                rs.getObject("form_id", UUID.class),
                rs.getString("number"),
                rs.getObject("applicant_person_id", UUID.class),
                rs.getString("applicant_name"),
                rs.getString("applicant_email"),
                ApplicationStatus.valueOf(rs.getString("status")),
                submitted == null ? null : submitted.toInstant(),
                rs.getInt("acceptance_days"),
                rs.getBigDecimal("deposit_amount"),
                rs.getString("deposit_currency"),
                rs.getInt("rubric_scale_max"));
    }
}
