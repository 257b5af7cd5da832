package org.credo.admissions.crm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.learners.Holds;
import org.credo.learners.Learners;
import org.credo.notifications.Notifications;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's timeline: everything admissions knows happened with a learner record, newest first. Inquiries and
 * emails are found by the person's email addresses, application events by those addresses or the learner id; holds,
 * status changes and notes by the learner id. Each source gives at most its newest {@link #PER_SOURCE} items.
 */
@Service
public class Timeline {

    static final int PER_SOURCE = 500;

    /** What sort of thing happened. */
    public enum Kind {
        INQUIRY("Inquiry", "bi-question-circle"),
        EMAIL("Email", "bi-envelope"),
        APPLICATION("Application", "bi-file-earmark-text"),
        HOLD("Hold", "bi-sign-stop"),
        STATUS("Status", "bi-arrow-right-circle"),
        NOTE("Note", "bi-sticky");

        private final String label;
        private final String icon;

        Kind(String label, String icon) {
            this.label = label;
            this.icon = icon;
        }

        /** The words a person reads. */
        public String label() {
            return label;
        }

        /** The Bootstrap Icons class. */
        public String icon() {
            return icon;
        }
    }

    /** One thing that happened: when, what, a line of detail, and who did it when known. */
    public record Entry(
            Instant at,
            Kind kind,
            String title,
            @Nullable String detail,
            @Nullable String by) {}

    private final JdbcClient jdbc;
    private final Learners learners;
    private final Holds holds;
    private final Catalog catalog;
    private final Notifications notifications;
    private final Notes notes;

    Timeline(
            JdbcClient jdbc,
            Learners learners,
            Holds holds,
            Catalog catalog,
            Notifications notifications,
            Notes notes) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.holds = holds;
        this.catalog = catalog;
        this.notifications = notifications;
        this.notes = notes;
    }

    /** One page of a learner's timeline, newest first; not found for a learner of another organization. */
    @Transactional(readOnly = true)
    public PageResult<Entry> of(UUID organizationId, UUID learnerId, @Nullable Kind only, PageQuery page) {
        var person = learners.addressee(organizationId, learnerId)
                .orElseThrow(() -> ProblemException.notFound("That person"));
        var emails = person.emails().stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        var entries = new ArrayList<Entry>();
        for (var i : catalog.inquiriesBy(organizationId, emails)) {
            entries.add(new Entry(
                    i.receivedAt(),
                    Kind.INQUIRY,
                    ("APPLY".equals(i.kind()) ? "Asked to apply to " : "Asked about ") + i.programCode(),
                    i.message(),
                    i.name() + " <" + i.email() + ">"));
        }
        for (var e : notifications.sentTo(organizationId, emails, PER_SOURCE)) {
            entries.add(new Entry(
                    e.createdAt(),
                    Kind.EMAIL,
                    "Email: " + e.subject(),
                    "To " + e.recipient() + " · " + delivery(e.status())
                            + (e.lastError() == null ? "" : " · " + e.lastError()),
                    null));
        }
        entries.addAll(applicationEvents(organizationId, learnerId, emails));
        for (var h : holds.history(organizationId, learnerId)) {
            entries.add(new Entry(h.placedAt(), Kind.HOLD, h.type() + " hold placed", h.reason(), h.placedBy()));
            if (h.releasedAt() != null) {
                entries.add(new Entry(
                        h.releasedAt(), Kind.HOLD, h.type() + " hold released", h.releaseReason(), h.releasedBy()));
            }
        }
        for (var s : learners.statusHistory(organizationId, learnerId)) {
            entries.add(new Entry(
                    s.changedAt(),
                    Kind.STATUS,
                    (s.from() == null ? "Record created as " : s.from().label() + " → ") + s.to().label(),
                    s.reason() + " (from " + s.effectiveOn() + ")",
                    s.changedBy()));
        }
        for (var n : notes.of(organizationId, learnerId)) {
            entries.add(new Entry(n.createdAt(), Kind.NOTE, "Staff note", n.body(), n.authorName()));
        }
        var shown = entries.stream()
                .filter(e -> only == null || e.kind() == only)
                .sorted(Comparator.comparing(Entry::at).reversed())
                .toList();
        int from = (int) Math.min(page.offset(), shown.size());
        int to = Math.min(from + page.size(), shown.size());
        return PageResult.of(shown.subList(from, to), page, shown.size());
    }

    private List<Entry> applicationEvents(UUID organizationId, UUID learnerId, List<String> emails) {
        var params = new ArrayList<Object>();
        params.add(organizationId);
        params.add(learnerId);
        var byEmail = "";
        if (!emails.isEmpty()) {
            byEmail = " OR lower(a.applicant_email) IN ("
                    + String.join(", ", java.util.Collections.nCopies(emails.size(), "?")) + ")";
            params.addAll(emails);
        }
        var statusParams = new ArrayList<Object>(params);
        statusParams.add(PER_SOURCE);
        params.add(PER_SOURCE);
        // Where each application stands now (its decision, once released), in case no event recorded the change.
        var current = jdbc.sql("""
                        SELECT a.number, a.status, a.updated_at, c.program_code, c.name AS cycle
                        FROM application a JOIN admission_cycle c ON c.id = a.cycle_id
                        WHERE a.organization_id = ? AND (a.learner_id = ?""" + byEmail + ") ORDER BY a.updated_at DESC LIMIT ?")
                .params(statusParams)
                .query((rs, n) -> new Entry(
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        Kind.APPLICATION,
                        "Application " + rs.getString("number") + " to " + rs.getString("program_code") + ", "
                                + rs.getString("cycle") + ": " + status(rs.getString("status")),
                        null,
                        null))
                .list();
        var events = jdbc.sql("""
                        SELECT e.kind, e.detail, e.actor_name, e.occurred_at, a.number, c.program_code, c.name AS cycle
                        FROM application_event e
                        JOIN application a ON a.id = e.application_id
                        JOIN admission_cycle c ON c.id = a.cycle_id
                        WHERE e.organization_id = ? AND (a.learner_id = ?""" + byEmail + ") ORDER BY e.occurred_at DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new Entry(
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        Kind.APPLICATION,
                        words(rs.getString("kind")) + " · application " + rs.getString("number") + " to "
                                + rs.getString("program_code") + ", " + rs.getString("cycle"),
                        rs.getString("detail"),
                        rs.getString("actor_name")))
                .list();
        var all = new ArrayList<Entry>(events);
        all.addAll(current);
        return all;
    }

    private static String status(String status) {
        try {
            return org.credo.admissions.ApplicationStatus.valueOf(status)
                    .label()
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return words(status).toLowerCase(Locale.ROOT);
        }
    }

    /** SUBMITTED or DECISION_RELEASED as "Submitted" or "Decision released". */
    static String words(String kind) {
        var lower = kind.replace('_', ' ')
                .replace('.', ' ')
                .toLowerCase(Locale.ROOT)
                .trim();
        return lower.isEmpty() ? kind : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String delivery(String status) {
        return switch (status) {
            case "SENT" -> "sent";
            case "FAILED" -> "failed, retrying";
            case "ABANDONED" -> "failed";
            default -> "queued";
        };
    }
}
