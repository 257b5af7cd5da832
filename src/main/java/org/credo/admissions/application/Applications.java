package org.credo.admissions.application;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.admissions.ApplicationChanged;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.ApplicationSubmitted;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.cycle.Cycle;
import org.credo.admissions.cycle.Cycles;
import org.credo.admissions.form.FieldType;
import org.credo.admissions.form.FormDefinition;
import org.credo.admissions.form.Forms;
import org.credo.documents.DocumentInfo;
import org.credo.documents.Documents;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications: started by an applicant, entered by staff or imported; answered on the form version they started on,
 * checked field by field, and submitted before the cycle's deadline.
 */
@Service
public class Applications {

    /** The sort fields of the staff list; the first is the default. */
    public static final List<String> SORTABLE = List.of("updated", "submitted", "name", "number", "status");

    private static final Map<String, String> COLUMNS = Map.of(
            "updated", "a.updated_at",
            "submitted", "a.submitted_at",
            "name", "LOWER(a.applicant_name)",
            "number", "a.number",
            "status", "a.status");

    private static final String SELECT = "SELECT a.*, c.name AS cycle_name, c.program_id, c.program_code,"
            + " c.program_name, f.version AS form_version FROM application a"
            + " JOIN admission_cycle c ON c.id = a.cycle_id JOIN application_form f ON f.id = a.form_id";

    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final JdbcClient jdbc;
    private final Cycles cycles;
    private final Forms forms;
    private final Documents documents;
    private final AdmissionEmails emails;
    private final ApplicationEventPublisher events;

    private final org.credo.learners.Learners learners;
    private final ApplicationNumbers numbers;

    Applications(
            JdbcClient jdbc,
            Cycles cycles,
            Forms forms,
            Documents documents,
            AdmissionEmails emails,
            org.credo.learners.Learners learners,
            ApplicationEventPublisher events,
            ApplicationNumbers numbers) {
        this.learners = learners;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.cycles = cycles;
        this.forms = forms;
        this.documents = documents;
        this.emails = emails;
        this.events = events;
    }

    /**
     * Starts a draft application on the cycle's published form. Refused when the cycle does not take applications
     * now, has no published form, or already has an application for this email.
     */
    @Transactional
    public Application start(
            UUID organizationId, UUID cycleId, @Nullable UUID personId, String name, String email, Source source) {
        var cycle = cycles.find(organizationId, cycleId);
        var refusal = cycle.refusalAt(Instant.now());
        if (refusal != null) {
            throw ProblemException.conflict("Not taking applications", refusal);
        }
        return insert(organizationId, cycle, personId, name, email, source, ApplicationStatus.DRAFT, Map.of());
    }

    /** The application of this email in a cycle, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Application> inCycle(UUID organizationId, UUID cycleId, String email) {
        return jdbc.sql(SELECT + " WHERE a.organization_id = ? AND a.cycle_id = ? AND a.applicant_email = ?")
                .params(organizationId, cycleId, normalEmail(email))
                .query(Applications::application)
                .optional();
    }

    Application insert(
            UUID organizationId,
            Cycle cycle,
            @Nullable UUID personId,
            String name,
            String email,
            Source source,
            ApplicationStatus status,
            Map<String, String> answers) {
        var cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw ProblemException.invalidField("applicantName", "give the applicant's name (at most 200 characters).");
        }
        var cleanEmail = normalEmail(email);
        if (!cleanEmail.matches(EMAIL) || cleanEmail.length() > 320) {
            throw ProblemException.invalidField("applicantEmail", "give an email address such as ada@example.org.");
        }
        var form = forms.published(organizationId, cycle.id())
                .orElseThrow(() -> ProblemException.conflict(
                        "No application form",
                        cycle.name() + " has no published application form yet; publish one first."));
        var existing = inCycle(organizationId, cycle.id(), cleanEmail);
        if (existing.isPresent()) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Already applied",
                    "There is already an application (" + existing.get().number() + ") for " + cleanEmail + " in "
                            + cycle.name() + "; open it instead of starting another.",
                    Map.of("applicationId", existing.get().id()));
        }
        var id = UUID.randomUUID();
        var now = Timestamps.now();
        var number = numbers.next(organizationId);
        jdbc.sql("INSERT INTO application (id, organization_id, cycle_id, form_id, number, applicant_person_id,"
                        + " applicant_name, applicant_email, status, source, submitted_at, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organizationId,
                        cycle.id(),
                        form.id(),
                        number,
                        personId,
                        cleanName,
                        cleanEmail,
                        status.name(),
                        source.name(),
                        status == ApplicationStatus.DRAFT ? null : Timestamps.sql(now),
                        Timestamps.sql(now),
                        Timestamps.sql(now))
                .update();
        for (var answer : answers.entrySet()) {
            if (answer.getValue() != null && !answer.getValue().isBlank()) {
                putAnswer(organizationId, id, answer.getKey(), answer.getValue().strip(), null, now);
            }
        }
        var kind = switch (source) {
            case APPLICANT -> "STARTED";
            case STAFF -> "ENTERED";
            case IMPORT -> "IMPORTED";
        };
        var stamp = ChangeStamp.now(organizationId);
        record(organizationId, id, kind, "Form version " + form.version() + " of " + cycle.name(), stamp);
        events.publishEvent(new ApplicationChanged(
                stamp,
                id,
                number,
                cleanName,
                kind,
                kindWords(kind) + " application " + number + " to " + cycle.name()));
        return find(organizationId, id);
    }

    /** An application of the organization. */
    @Transactional(readOnly = true)
    public Application find(UUID organizationId, UUID applicationId) {
        return jdbc.sql(SELECT + " WHERE a.organization_id = ? AND a.id = ?")
                .params(organizationId, applicationId)
                .query(Applications::application)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("The application"));
    }

    /** An application of this person: not found when it is someone else's, so as not to give its existence away. */
    @Transactional(readOnly = true)
    public Application own(UUID organizationId, UUID personId, UUID applicationId) {
        var application = find(organizationId, applicationId);
        if (!personId.equals(application.applicantPersonId())) {
            throw ProblemException.notFound("The application");
        }
        return application;
    }

    /** A person's applications in the organization, newest first. */
    @Transactional(readOnly = true)
    public List<Application> ofPerson(UUID organizationId, UUID personId) {
        return jdbc.sql(SELECT
                        + " WHERE a.organization_id = ? AND a.applicant_person_id = ? ORDER BY a.created_at DESC")
                .params(organizationId, personId)
                .query(Applications::application)
                .list();
    }

    /** One page of the organization's applications; q matches the name, the email and the number. */
    @Transactional(readOnly = true)
    public PageResult<Application> page(
            UUID organizationId,
            @Nullable String q,
            @Nullable UUID cycleId,
            @Nullable UUID programId,
            @Nullable ApplicationStatus status,
            PageQuery query) {
        var where = new StringBuilder(" WHERE a.organization_id = ?");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(a.applicant_name) LIKE ? OR a.applicant_email LIKE ? OR LOWER(a.number) LIKE ?)");
            var like = "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (cycleId != null) {
            where.append(" AND a.cycle_id = ?");
            params.add(cycleId);
        }
        if (programId != null) {
            where.append(" AND c.program_id = ?");
            params.add(programId);
        }
        if (status != null) {
            where.append(" AND a.status = ?");
            params.add(status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM application a JOIN admission_cycle c ON c.id = a.cycle_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add(query.offset());
        var items = jdbc.sql(SELECT + where + " ORDER BY " + query.orderBy(COLUMNS, "a.id") + " LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(Applications::application)
                .list();
        return PageResult.of(items, query, total);
    }

    /** How many applications of the organization are in each status. */
    @Transactional(readOnly = true)
    public Map<ApplicationStatus, Long> countByStatus(UUID organizationId) {
        var counts = new EnumMap<ApplicationStatus, Long>(ApplicationStatus.class);
        for (var s : ApplicationStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) FROM application WHERE organization_id = ? GROUP BY status")
                .param(organizationId)
                .query((rs, n) -> counts.put(ApplicationStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** The answers of an application by field key: the text, or a file field's document id. */
    @Transactional(readOnly = true)
    public Map<String, String> answers(UUID organizationId, UUID applicationId) {
        var answers = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT field_key, answer_text, document_id FROM application_answer"
                        + " WHERE organization_id = ? AND application_id = ?")
                .params(organizationId, applicationId)
                .query((rs, n) -> {
                    var document = rs.getObject("document_id", UUID.class);
                    var text = rs.getString("answer_text");
                    answers.put(rs.getString("field_key"), document != null ? document.toString() : text);
                    return null;
                })
                .list();
        return answers;
    }

    /** The documents attached to an application, by field key. */
    @Transactional(readOnly = true)
    public Map<String, DocumentInfo> documents(UUID organizationId, UUID applicationId) {
        var ids = new LinkedHashMap<UUID, String>();
        jdbc.sql(
                        "SELECT field_key, document_id FROM application_answer WHERE organization_id = ? AND application_id = ?"
                                + " AND document_id IS NOT NULL")
                .params(organizationId, applicationId)
                .query((rs, n) -> ids.put(rs.getObject(2, UUID.class), rs.getString(1)))
                .list();
        var byKey = new LinkedHashMap<String, DocumentInfo>();
        for (var d : documents.find(organizationId, ids.keySet())) {
            byKey.put(ids.get(d.id()), d);
        }
        return byKey;
    }

    /** The form version an application is answered on. */
    @Transactional(readOnly = true)
    public FormDefinition form(Application application) {
        return forms.find(application.organizationId(), application.formId()).definition();
    }

    /** What the application still needs. */
    @Transactional(readOnly = true)
    public Checklist checklist(Application application) {
        return Checklist.of(form(application), answers(application.organizationId(), application.id()));
    }

    /** The application's history, oldest first. */
    @Transactional(readOnly = true)
    public List<ApplicationEvent> history(UUID organizationId, UUID applicationId) {
        return jdbc.sql("SELECT kind, detail, actor_name, occurred_at FROM application_event"
                        + " WHERE organization_id = ? AND application_id = ? ORDER BY occurred_at, id")
                .params(organizationId, applicationId)
                .query((rs, n) -> new ApplicationEvent(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /**
     * Saves answers to a draft: each given key is set (a blank value clears it); answers to questions the new answers
     * hide are removed. Nothing is saved when an answer is not well formed for its type.
     *
     * @throws ProblemException 400 with an error per field, 409 when the application is no longer a draft
     */
    @Transactional
    public Application saveAnswers(UUID organizationId, UUID applicationId, Map<String, String> given) {
        var application = find(organizationId, applicationId);
        requireDraft(application);
        var form = form(application);
        var merged = new LinkedHashMap<>(answers(organizationId, applicationId));
        var changed = new LinkedHashMap<String, String>();
        for (var e : given.entrySet()) {
            var field = form.field(e.getKey());
            if (field == null || field.type() == FieldType.FILE) {
                continue;
            }
            var value = e.getValue() == null ? "" : e.getValue().strip();
            merged.put(field.key(), value);
            changed.put(field.key(), value);
        }
        var problems = form.answerProblems(merged);
        problems.keySet().retainAll(changed.keySet());
        if (!problems.isEmpty()) {
            throw fieldProblems("Answers not saved", problems);
        }
        var now = Timestamps.now();
        for (var e : changed.entrySet()) {
            if (e.getValue().isEmpty()) {
                jdbc.sql("DELETE FROM application_answer WHERE application_id = ? AND field_key = ?")
                        .params(applicationId, e.getKey())
                        .update();
            } else {
                putAnswer(organizationId, applicationId, e.getKey(), e.getValue(), null, now);
            }
        }
        removeHidden(organizationId, applicationId, form);
        touch(applicationId, now);
        var stamp = ChangeStamp.now(organizationId);
        record(organizationId, applicationId, "ANSWERS_SAVED", changed.size() + " answer(s) saved", stamp);
        events.publishEvent(new ApplicationChanged(
                stamp,
                applicationId,
                application.number(),
                application.applicantName(),
                "ANSWERS_SAVED",
                "Saved " + changed.size() + " answer(s) of application " + application.number()));
        return find(organizationId, applicationId);
    }

    /**
     * Stores a file as the answer to a file question of a draft, after the documents module checked its size and
     * content; nothing changes when it refuses the file.
     */
    @Transactional
    public DocumentInfo attach(
            UUID organizationId, UUID applicationId, String fieldKey, String fileName, InputStream content) {
        var application = find(organizationId, applicationId);
        requireDraft(application);
        var form = form(application);
        var field = form.field(fieldKey);
        if (field == null || field.type() != FieldType.FILE) {
            throw ProblemException.invalidField("field", fieldKey + " is not a file question of this form.");
        }
        if (!form.visible(field, answers(organizationId, applicationId))) {
            throw ProblemException.invalidField(fieldKey, "this question is not asked for your answers so far.");
        }
        var limit = field.maxBytes() == null ? Documents.MAX_BYTES : field.maxBytes();
        var document = documents.store(
                organizationId,
                application.applicantPersonId(),
                "application:" + application.number() + ":" + fieldKey,
                fileName,
                content,
                limit,
                field.acceptedTypes());
        var now = Timestamps.now();
        putAnswer(organizationId, applicationId, fieldKey, document.fileName(), document.id(), now);
        touch(applicationId, now);
        var stamp = ChangeStamp.now(organizationId);
        record(
                organizationId,
                applicationId,
                "DOCUMENT_UPLOADED",
                field.label() + ": " + document.fileName() + " (" + document.sizeLabel() + ")",
                stamp);
        events.publishEvent(new ApplicationChanged(
                stamp,
                applicationId,
                application.number(),
                application.applicantName(),
                "DOCUMENT_UPLOADED",
                "Uploaded " + document.fileName() + " to application " + application.number()));
        return document;
    }

    /**
     * Submits a draft whose checklist is complete, before the cycle's deadline; emails the applicant a confirmation.
     *
     * @throws ProblemException 409 past the deadline or when not a draft, 400 listing what is missing; nothing is
     *     changed in either case
     */
    @Transactional
    public Application submit(UUID organizationId, UUID applicationId, Instant now) {
        return submit(organizationId, applicationId, now, null);
    }

    /**
     * Submits a draft for its applicant, by staff or an integration: the same deadline and completeness checks as the
     * applicant's own submission, and the history says who submitted on the applicant's behalf. Idempotent: an
     * application already submitted (a retried call) is returned as it is, and nothing is recorded or sent again.
     *
     * @throws ProblemException 409 past the deadline or when withdrawn before submission, 400 listing what is missing
     */
    @Transactional
    public Application submitOnBehalf(UUID organizationId, UUID applicationId, Instant now, String by) {
        var application = find(organizationId, applicationId);
        if (application.submittedAt() != null && application.status() != ApplicationStatus.DRAFT) {
            return application;
        }
        return submit(organizationId, applicationId, now, by);
    }

    private Application submit(UUID organizationId, UUID applicationId, Instant now, @Nullable String onBehalfBy) {
        var application = find(organizationId, applicationId);
        requireDraft(application);
        var cycle = cycles.find(organizationId, application.cycleId());
        var refusal = cycle.refusalAt(now);
        if (refusal != null) {
            throw ProblemException.conflict("Deadline passed", refusal + " The application was not submitted.");
        }
        var form = form(application);
        var answers = answers(organizationId, applicationId);
        var problems = new LinkedHashMap<>(form.answerProblems(answers));
        for (var missing : Checklist.of(form, answers).missing()) {
            problems.put(missing.key(), missing.file() ? "Upload this document." : "Answer this question.");
        }
        if (!problems.isEmpty()) {
            throw fieldProblems("Not complete", problems);
        }
        int updated = jdbc.sql("UPDATE application SET status = 'SUBMITTED', submitted_at = ?, updated_at = ?,"
                        + " lock_version = lock_version + 1 WHERE id = ? AND organization_id = ? AND status = 'DRAFT'")
                .params(Timestamps.sql(now), Timestamps.sql(now), applicationId, organizationId)
                .update();
        if (updated == 0) {
            if (onBehalfBy != null) {
                // A retry that raced the first call: the application is submitted, which is what was asked.
                return find(organizationId, applicationId);
            }
            throw ProblemException.conflict("Already submitted", "The application was submitted meanwhile.");
        }
        var stamp = ChangeStamp.now(organizationId);
        record(
                organizationId,
                applicationId,
                "SUBMITTED",
                "Submitted to " + cycle.name()
                        + (onBehalfBy == null ? "" : " on behalf of the applicant by " + onBehalfBy),
                stamp);
        linkPersonRecord(organizationId, find(organizationId, applicationId));
        var submitted = find(organizationId, applicationId);
        events.publishEvent(new ApplicationSubmitted(
                stamp,
                applicationId,
                submitted.number(),
                cycle.id(),
                cycle.programId(),
                submitted.applicantPersonId(),
                submitted.applicantName(),
                submitted.applicantEmail(),
                submitted.source().name()));
        emails.submitted(submitted);
        return submitted;
    }

    /**
     * Finds the person record of the applicant (by account, or by duplicate detection on the email, so that a prospect
     * from a catalog inquiry becomes the applicant) or opens one, and keeps it on the application.
     */
    void linkPersonRecord(UUID organizationId, Application application) {
        var name = PersonName.of(application.applicantName());
        var learner = learners.recordApplicant(
                organizationId,
                application.applicantPersonId(),
                name.given(),
                name.family(),
                application.applicantEmail(),
                "Applied: application " + application.number());
        jdbc.sql("UPDATE application SET learner_id = ? WHERE id = ? AND organization_id = ?")
                .params(learner.learnerId(), application.id(), organizationId)
                .update();
    }

    /** Saves answers and submits, all or nothing: a refused submission leaves the answers as they were. */
    @Transactional
    public Application saveAndSubmit(UUID organizationId, UUID applicationId, Map<String, String> given, Instant now) {
        saveAnswers(organizationId, applicationId, given);
        return submit(organizationId, applicationId, now);
    }

    /** Adds a line to an application's history (for the demo data and imports). */
    void record(UUID organizationId, UUID applicationId, String kind, @Nullable String detail, ChangeStamp stamp) {
        jdbc.sql("INSERT INTO application_event (id, application_id, organization_id, kind, detail, actor_id,"
                        + " actor_name, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        applicationId,
                        organizationId,
                        kind,
                        detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail,
                        stamp.actorId(),
                        stamp.actorName().length() > 200 ? stamp.actorName().substring(0, 200) : stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()))
                .update();
    }

    private void removeHidden(UUID organizationId, UUID applicationId, FormDefinition form) {
        var answers = answers(organizationId, applicationId);
        for (var f : form.fields()) {
            if (answers.containsKey(f.key()) && !form.visible(f, answers)) {
                jdbc.sql("DELETE FROM application_answer WHERE application_id = ? AND field_key = ?")
                        .params(applicationId, f.key())
                        .update();
            }
        }
    }

    private void putAnswer(
            UUID organizationId, UUID applicationId, String key, String text, @Nullable UUID documentId, Instant now) {
        int updated = jdbc.sql("UPDATE application_answer SET answer_text = ?, document_id = ?, updated_at = ?"
                        + " WHERE application_id = ? AND field_key = ?")
                .params(text, documentId, Timestamps.sql(now), applicationId, key)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO application_answer (application_id, organization_id, field_key, answer_text,"
                            + " document_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(applicationId, organizationId, key, text, documentId, Timestamps.sql(now))
                    .update();
        }
    }

    private void touch(UUID applicationId, Instant now) {
        jdbc.sql("UPDATE application SET updated_at = ?, lock_version = lock_version + 1 WHERE id = ?")
                .params(Timestamps.sql(now), applicationId)
                .update();
    }

    private static void requireDraft(Application application) {
        if (!application.status().editable()) {
            throw ProblemException.conflict(
                    "Not a draft",
                    "Application " + application.number() + " is "
                            + application.status().label().toLowerCase() + "; its answers can no longer be changed.");
        }
    }

    static ProblemException fieldProblems(String title, Map<String, String> problems) {
        var first = problems.entrySet().iterator().next();
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                title,
                problems.size() + " question(s) to fix, first " + first.getKey() + ": " + first.getValue(),
                Map.of(
                        "errors",
                        problems.entrySet().stream()
                                .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
                                .toList()));
    }

    static String normalEmail(@Nullable String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String kindWords(String kind) {
        return switch (kind) {
            case "ENTERED" -> "Entered";
            case "IMPORTED" -> "Imported";
            default -> "Started";
        };
    }

    static Application application(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var submitted = rs.getTimestamp("submitted_at");
        return new Application(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("cycle_id", UUID.class),
                rs.getString("cycle_name"),
                rs.getObject("program_id", UUID.class),
                rs.getString("program_code"),
                rs.getString("program_name"),
                rs.getObject("form_id", UUID.class),
                rs.getInt("form_version"),
                rs.getString("number"),
                rs.getObject("applicant_person_id", UUID.class),
                rs.getString("applicant_name"),
                rs.getString("applicant_email"),
                ApplicationStatus.valueOf(rs.getString("status")),
                Source.valueOf(rs.getString("source")),
                submitted == null ? null : submitted.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
