package org.credo.admissions.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.admissions.ApplicationDecided;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.DecisionReasonChanged;
import org.credo.admissions.review.AdmissionFiles;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on applications: admit, conditional admit (with conditions), waitlist or deny, each with a reason code of
 * the organization's list. A decision is held (the application is DECIDED) until a release publishes it; until then
 * it may be changed.
 */
@Service
public class Decisions {

    /** A reason code of the organization for one outcome. */
    public record Reason(UUID id, Outcome outcome, String code, String label, boolean active) {}

    /** A decision, held or released. */
    public record Decision(
            UUID applicationId,
            UUID cycleId,
            Outcome outcome,
            String reasonCode,
            @Nullable String conditions,
            @Nullable String note,
            String decidedByName,
            Instant decidedAt,
            @Nullable UUID releaseId,
            @Nullable Instant releasedAt,
            @Nullable Instant respondBy,
            @Nullable String letterText,
            @Nullable String response,
            @Nullable Instant respondedAt) {

        public boolean held() {
            return releaseId == null;
        }
    }

    /** The held decisions of a cycle, counted by outcome. */
    public record HeldCount(UUID cycleId, String cycleName, long admit, long conditional, long waitlist, long deny) {
        public long total() {
            return admit + conditional + waitlist + deny;
        }
    }

    private static final List<String[]> DEFAULT_REASONS = List.of(
            new String[] {"ADMIT", "ADM-STRONG", "Strong academic record and fit with the program"},
            new String[] {"ADMIT", "ADM-MEETS", "Meets every admission requirement"},
            new String[] {"CONDITIONAL_ADMIT", "CND-DOCS", "Admitted once final transcripts are received"},
            new String[] {"CONDITIONAL_ADMIT", "CND-LANG", "Admitted on completion of the language requirement"},
            new String[] {"WAITLIST", "WL-CAPACITY", "Qualified; the program is at capacity"},
            new String[] {"DENY", "DEN-REQ", "Does not meet the admission requirements"},
            new String[] {"DENY", "DEN-COMPETE", "Competitive pool; other applicants ranked higher"},
            new String[] {"DENY", "DEN-INCOMPLETE", "Required documents were not provided"});

    private final JdbcClient jdbc;
    private final AdmissionFiles files;
    private final ApplicationEventPublisher events;

    Decisions(JdbcClient jdbc, AdmissionFiles files, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.files = files;
        this.events = events;
    }

    /** The organization's active reason codes, the ones offered for new decisions. */
    @Transactional
    public List<Reason> reasons(UUID organizationId) {
        return allReasons(organizationId).stream().filter(Reason::active).toList();
    }

    /** All of the organization's reason codes, deactivated ones too, seeding the defaults the first time. */
    @Transactional
    public List<Reason> allReasons(UUID organizationId) {
        var reasons = load(organizationId);
        if (reasons.isEmpty()) {
            for (var r : DEFAULT_REASONS) {
                jdbc.sql("INSERT INTO decision_reason (id, organization_id, outcome, code, label, active)"
                                + " VALUES (?, ?, ?, ?, ?, true)")
                        .params(UUID.randomUUID(), organizationId, r[0], r[1], r[2])
                        .update();
            }
            reasons = load(organizationId);
        }
        return reasons;
    }

    private List<Reason> load(UUID organizationId) {
        return jdbc.sql("SELECT id, outcome, code, label, active FROM decision_reason WHERE organization_id = ?"
                        + " ORDER BY outcome, code")
                .param(organizationId)
                .query((rs, n) -> new Reason(
                        rs.getObject("id", UUID.class),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("code"),
                        rs.getString("label"),
                        rs.getBoolean("active")))
                .list();
    }

    /**
     * Adds a reason code for an outcome: a code of 2 to 40 capital letters, digits and hyphens, unique in the
     * organization, and a label of up to 200 characters.
     */
    @Transactional
    public Reason addReason(
            UUID organizationId, @Nullable Outcome outcome, @Nullable String code, @Nullable String label) {
        if (outcome == null) {
            throw ProblemException.invalidField("outcome", "choose admit, conditional admit, waitlist or deny.");
        }
        var c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw ProblemException.invalidField(
                    "code", "give a code of 2 to 40 letters, digits and hyphens, such as ADM-MERIT.");
        }
        var l = label(label);
        if (allReasons(organizationId).stream().anyMatch(r -> r.code().equals(c))) {
            throw ProblemException.invalidField(
                    "code", c + " is already a reason code; deactivated codes stay, so choose another code.");
        }
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO decision_reason (id, organization_id, outcome, code, label, active)"
                        + " VALUES (?, ?, ?, ?, ?, true)")
                .params(id, organizationId, outcome.name(), c, l)
                .update();
        events.publishEvent(new DecisionReasonChanged(
                ChangeStamp.now(organizationId), id, c, "Added reason " + c + " for " + outcome.label() + ": " + l));
        return reason(organizationId, id);
    }

    /**
     * Changes a reason code's label, or deactivates or reactivates it. The code itself never changes, since
     * decisions keep it; a code is never deleted. Deactivating the last active code of an outcome is refused (409),
     * so every outcome can still be decided.
     */
    @Transactional
    public Reason updateReason(UUID organizationId, UUID id, @Nullable String label, @Nullable Boolean active) {
        var reason = reason(organizationId, id);
        var l = label == null ? reason.label() : label(label);
        var a = active == null ? reason.active() : active;
        if (reason.active() && !a) {
            long others = allReasons(organizationId).stream()
                    .filter(r -> r.active() && r.outcome() == reason.outcome() && !r.id().equals(id))
                    .count();
            if (others == 0) {
                throw ProblemException.conflict(
                        "Last reason code",
                        reason.code() + " is the last active reason for "
                                + reason.outcome().label().toLowerCase(Locale.ROOT)
                                + "; add another before deactivating it.");
            }
        }
        if (l.equals(reason.label()) && a == reason.active()) {
            return reason;
        }
        jdbc.sql("UPDATE decision_reason SET label = ?, active = ? WHERE id = ? AND organization_id = ?")
                .params(l, a, id, organizationId)
                .update();
        var summary = new ArrayList<String>();
        if (!l.equals(reason.label())) {
            summary.add("Renamed reason " + reason.code() + " to " + l);
        }
        if (a != reason.active()) {
            summary.add((a ? "Reactivated" : "Deactivated") + " reason " + reason.code());
        }
        events.publishEvent(new DecisionReasonChanged(
                ChangeStamp.now(organizationId), id, reason.code(), String.join("; ", summary)));
        return reason(organizationId, id);
    }

    private Reason reason(UUID organizationId, UUID id) {
        return allReasons(organizationId).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Reason code"));
    }

    private static String label(@Nullable String label) {
        var l = label == null ? "" : label.trim();
        if (l.isEmpty() || l.length() > 200) {
            throw ProblemException.invalidField("label", "give a label of up to 200 characters.");
        }
        return l;
    }

    /**
     * Decides an application. Refused (409) unless the application is submitted, in review or decided but not
     * released, and has at least one submitted read; refused (400) for a reason code of another outcome and for a
     * conditional admission without conditions.
     */
    @Transactional
    public Decision decide(
            UUID organizationId,
            UUID applicationId,
            @Nullable Outcome outcome,
            @Nullable String reasonCode,
            @Nullable String conditions,
            @Nullable String note) {
        var file = files.lock(organizationId, applicationId);
        if (outcome == null) {
            throw ProblemException.invalidField("outcome", "choose admit, conditional admit, waitlist or deny.");
        }
        var status = file.status();
        if (status != ApplicationStatus.SUBMITTED
                && status != ApplicationStatus.IN_REVIEW
                && status != ApplicationStatus.DECIDED) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Application not ready for a decision",
                    "Application " + file.number() + " is " + status.label().toLowerCase(Locale.ROOT)
                            + "; only a submitted application with at least one submitted read can be decided"
                            + (status.ordinal() > ApplicationStatus.DECIDED.ordinal()
                                    ? ", and a released decision cannot change."
                                    : "."),
                    Map.of("status", status.name()));
        }
        long reads = jdbc.sql("SELECT count(*) FROM application_read WHERE application_id = ? AND status = 'SUBMITTED'")
                .param(applicationId)
                .query(Long.class)
                .single();
        if (reads == 0) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Application not read",
                    "Application " + file.number() + " has no submitted read yet; assign a reader and let them submit"
                            + " their scores before deciding.",
                    Map.of("status", status.name()));
        }
        var code = reasonCode == null ? "" : reasonCode.trim();
        var reason = reasons(organizationId).stream()
                .filter(r -> r.code().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        "reasonCode", "choose one of the organization's reason codes for " + outcome.label() + "."));
        if (reason.outcome() != outcome) {
            throw ProblemException.invalidField(
                    "reasonCode",
                    "reason " + reason.code() + " is for "
                            + reason.outcome().label().toLowerCase(Locale.ROOT) + "; choose a reason for "
                            + outcome.label().toLowerCase(Locale.ROOT) + ".");
        }
        var cond = conditions == null || conditions.isBlank() ? null : conditions.trim();
        if (outcome == Outcome.CONDITIONAL_ADMIT && cond == null) {
            throw ProblemException.invalidField("conditions", "say what the applicant must do to be fully admitted.");
        }
        if (outcome != Outcome.CONDITIONAL_ADMIT) {
            cond = null;
        }
        if ((cond != null && cond.length() > 2000) || (note != null && note.length() > 2000)) {
            throw ProblemException.invalidField("conditions", "keep conditions and notes under 2,000 characters.");
        }
        var stamp = ChangeStamp.now(organizationId);
        jdbc.sql("DELETE FROM admission_decision WHERE application_id = ? AND release_id IS NULL")
                .param(applicationId)
                .update();
        jdbc.sql("INSERT INTO admission_decision (application_id, organization_id, cycle_id, outcome, reason_code,"
                        + " conditions, note, decided_by_id, decided_by_name, decided_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        applicationId,
                        organizationId,
                        file.cycleId(),
                        outcome.name(),
                        reason.code(),
                        cond,
                        note == null || note.isBlank() ? null : note.trim(),
                        stamp.actorId(),
                        stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()))
                .update();
        files.setStatus(organizationId, applicationId, ApplicationStatus.DECIDED);
        files.event(
                organizationId,
                applicationId,
                "DECIDED",
                outcome.label() + " (" + reason.code() + "), held",
                stamp.actorId(),
                stamp.actorName());
        events.publishEvent(new ApplicationDecided(
                stamp, applicationId, file.number(), file.applicantName(), outcome.name(), reason.code()));
        return find(organizationId, applicationId).orElseThrow();
    }

    /** The decision on an application, held or released. */
    @Transactional(readOnly = true)
    public Optional<Decision> find(UUID organizationId, UUID applicationId) {
        return jdbc.sql("SELECT * FROM admission_decision WHERE application_id = ? AND organization_id = ?")
                .params(applicationId, organizationId)
                .query(Decisions::decision)
                .optional();
    }

    /** The held decisions per cycle, for the release page and the home card. */
    @Transactional(readOnly = true)
    public List<HeldCount> held(UUID organizationId) {
        var rows = new ArrayList<HeldCount>();
        jdbc.sql("""
                        SELECT d.cycle_id, c.name,
                          sum(CASE WHEN d.outcome = 'ADMIT' THEN 1 ELSE 0 END) AS admit,
                          sum(CASE WHEN d.outcome = 'CONDITIONAL_ADMIT' THEN 1 ELSE 0 END) AS conditional,
                          sum(CASE WHEN d.outcome = 'WAITLIST' THEN 1 ELSE 0 END) AS waitlist,
                          sum(CASE WHEN d.outcome = 'DENY' THEN 1 ELSE 0 END) AS deny
                        FROM admission_decision d JOIN admission_cycle c ON c.id = d.cycle_id
                        WHERE d.organization_id = ? AND d.release_id IS NULL
                          AND EXISTS (SELECT 1 FROM application a WHERE a.id = d.application_id
                                      AND a.status = 'DECIDED')
                        GROUP BY d.cycle_id, c.name ORDER BY c.name""")
                .param(organizationId)
                .query((rs, n) -> rows.add(new HeldCount(
                        rs.getObject("cycle_id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("admit"),
                        rs.getLong("conditional"),
                        rs.getLong("waitlist"),
                        rs.getLong("deny"))))
                .list();
        return rows;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Decision decision(ResultSet rs, int row) throws SQLException {
        return new Decision(
                rs.getObject("application_id", UUID.class),
                rs.getObject("cycle_id", UUID.class),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("reason_code"),
                rs.getString("conditions"),
                rs.getString("note"),
                rs.getString("decided_by_name"),
                instant(rs, "decided_at"),
                rs.getObject("release_id", UUID.class),
                instant(rs, "released_at"),
                instant(rs, "respond_by"),
                rs.getString("letter_text"),
                rs.getString("response"),
                instant(rs, "responded_at"));
    }
}
