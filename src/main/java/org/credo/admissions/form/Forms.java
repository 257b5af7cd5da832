package org.credo.admissions.form;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.admissions.ApplicationFormPublished;
import org.credo.admissions.cycle.Cycles;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of each cycle's application form. Saving edits the unpublished draft, or starts the next version when
 * the latest is published; publishing freezes the draft. Applications name the version they were answered on.
 */
@Service
public class Forms {

    private final JdbcClient jdbc;
    private final Cycles cycles;
    private final ApplicationEventPublisher events;

    Forms(JdbcClient jdbc, Cycles cycles, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.events = events;
    }

    /** The latest version, published or not: what the form builder edits. */
    @Transactional(readOnly = true)
    public Optional<ApplicationForm> latest(java.util.UUID organizationId, UUID cycleId) {
        return jdbc.sql("SELECT * FROM application_form WHERE organization_id = ? AND cycle_id = ?"
                        + " ORDER BY version DESC LIMIT 1")
                .params(organizationId, cycleId)
                .query(Forms::form)
                .optional();
    }

    /** The latest published version: what new applications are answered on. */
    @Transactional(readOnly = true)
    public Optional<ApplicationForm> published(UUID organizationId, UUID cycleId) {
        return jdbc.sql("SELECT * FROM application_form WHERE organization_id = ? AND cycle_id = ?"
                        + " AND published_at IS NOT NULL ORDER BY version DESC LIMIT 1")
                .params(organizationId, cycleId)
                .query(Forms::form)
                .optional();
    }

    /** Every version of a cycle's form, newest first. */
    @Transactional(readOnly = true)
    public List<ApplicationForm> versions(UUID organizationId, UUID cycleId) {
        return jdbc.sql(
                        "SELECT * FROM application_form WHERE organization_id = ? AND cycle_id = ? ORDER BY version DESC")
                .params(organizationId, cycleId)
                .query(Forms::form)
                .list();
    }

    /** One version, by id. */
    @Transactional(readOnly = true)
    public ApplicationForm find(UUID organizationId, UUID formId) {
        return jdbc.sql("SELECT * FROM application_form WHERE organization_id = ? AND id = ?")
                .params(organizationId, formId)
                .query(Forms::form)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("The application form"));
    }

    /**
     * Saves a definition as the cycle's draft: the unpublished latest version is changed, a published one is left
     * alone and the next version is started.
     *
     * @throws ProblemException 400 listing each problem of the definition
     */
    @Transactional
    public ApplicationForm saveDraft(UUID organizationId, UUID cycleId, FormDefinition definition) {
        cycles.find(organizationId, cycleId);
        refuseProblems(definition);
        var latest = latest(organizationId, cycleId);
        if (latest.isPresent() && !latest.get().published()) {
            jdbc.sql("UPDATE application_form SET definition = ? WHERE id = ? AND published_at IS NULL")
                    .params(definition.json(), latest.get().id())
                    .update();
            return find(organizationId, latest.get().id());
        }
        var id = UUID.randomUUID();
        int version = latest.map(f -> f.version() + 1).orElse(1);
        jdbc.sql("INSERT INTO application_form (id, organization_id, cycle_id, version, definition, published_at,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)")
                .params(id, organizationId, cycleId, version, definition.json(), Timestamps.sql(Timestamps.now()))
                .update();
        return find(organizationId, id);
    }

    /** Publishes the draft; from now on new applications are answered on it. */
    @Transactional
    public ApplicationForm publish(UUID organizationId, UUID cycleId) {
        var cycle = cycles.find(organizationId, cycleId);
        var draft = latest(organizationId, cycleId)
                .filter(f -> !f.published())
                .orElseThrow(() -> ProblemException.conflict(
                        "Nothing to publish", "The form has no unpublished changes; edit it and save first."));
        refuseProblems(draft.definition());
        jdbc.sql("UPDATE application_form SET published_at = ? WHERE id = ? AND published_at IS NULL")
                .params(Timestamps.sql(Timestamps.now()), draft.id())
                .update();
        events.publishEvent(new ApplicationFormPublished(
                ChangeStamp.now(organizationId),
                cycleId,
                cycle.name(),
                draft.id(),
                draft.version(),
                draft.definition().fields().size()));
        return find(organizationId, draft.id());
    }

    private static void refuseProblems(FormDefinition definition) {
        var problems = definition.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Form not valid",
                    problems.size() + " problem(s) in the form: "
                            + problems.get(0).message(),
                    java.util.Map.of(
                            "errors",
                            problems.stream()
                                    .map(p -> java.util.Map.of(
                                            "field",
                                            p.index() < 0 ? p.property() : "fields[" + p.index() + "]." + p.property(),
                                            "message",
                                            p.message()))
                                    .toList()));
        }
    }

    private static ApplicationForm form(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var published = rs.getTimestamp("published_at");
        return new ApplicationForm(
                rs.getObject("id", UUID.class),
                rs.getObject("cycle_id", UUID.class),
                rs.getInt("version"),
                FormDefinition.parse(rs.getString("definition")),
                published == null ? null : published.toInstant());
    }
}
