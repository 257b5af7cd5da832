package org.credo.admissions.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.credo.admissions.DecisionReleased;
import org.credo.admissions.DecisionsReleased;
import org.credo.admissions.ReleaseScheduled;
import org.credo.admissions.decision.Outcome;
import org.credo.notifications.Notifications;
import org.credo.platform.ChangeStamp;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.TaggedPdf;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Release batches: at the scheduled time (or "release now"), every held decision of the batch's cycle is published at
 * once. The run claims its batch with one conditional UPDATE (SCHEDULED to RUNNING), and each decision with another
 * (release_id still empty), so a second run, or a second node, releases nothing twice; each email carries a dedup
 * key of its application as well. The work is set-based and batched: status changes by outcome in one UPDATE each,
 * letters, events and emails in JDBC batches of {@value #CHUNK}.
 */
@Service
public class Releases {

    static final int CHUNK = 1000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Releases.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** A release batch. */
    public record Release(
            UUID id,
            UUID cycleId,
            String cycleName,
            Instant scheduledAt,
            String status,
            int releasedCount,
            String createdByName,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt) {

        public boolean scheduled() {
            return status.equals("SCHEDULED");
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LetterTemplates templates;
    private final Notifications notifications;
    private final Organizations organizations;
    private final CredoProperties properties;
    private final TaggedPdf pdf;
    private final ApplicationEventPublisher events;

    Releases(
            JdbcClient jdbc,
            JdbcTemplate template,
            LetterTemplates templates,
            Notifications notifications,
            Organizations organizations,
            CredoProperties properties,
            TaggedPdf pdf,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.templates = templates;
        this.notifications = notifications;
        this.organizations = organizations;
        this.properties = properties;
        this.pdf = pdf;
        this.events = events;
    }

    /** Schedules the release of a cycle's held decisions at a time (now or later). */
    @Transactional
    public Release schedule(UUID organizationId, @Nullable UUID cycleId, @Nullable Instant at) {
        if (cycleId == null) {
            throw ProblemException.invalidField("cycleId", "choose the cycle whose decisions to release.");
        }
        var cycleName = jdbc.sql("SELECT name FROM admission_cycle WHERE id = ? AND organization_id = ?")
                .params(cycleId, organizationId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ProblemException.invalidField("cycleId", "choose a cycle of the organization."));
        var when = at == null ? Timestamps.now() : at;
        if (when.isBefore(Timestamps.now().minus(Duration.ofMinutes(5)))) {
            throw ProblemException.invalidField("scheduledAt", "choose a time from now on.");
        }
        var stamp = ChangeStamp.now(organizationId);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO release_batch (id, organization_id, cycle_id, scheduled_at, status, created_by_name,"
                        + " created_at) VALUES (?, ?, ?, ?, 'SCHEDULED', ?, ?)")
                .params(
                        id,
                        organizationId,
                        cycleId,
                        Timestamps.sql(when.truncatedTo(java.time.temporal.ChronoUnit.MICROS)),
                        stamp.actorName(),
                        Timestamps.sql(stamp.occurredAt()))
                .update();
        events.publishEvent(new ReleaseScheduled(stamp, id, cycleId, cycleName, when));
        return find(organizationId, id);
    }

    /** The organization's releases, newest first (at most 100). */
    @Transactional(readOnly = true)
    public List<Release> all(UUID organizationId) {
        return jdbc.sql(
                        "SELECT b.*, c.name AS cycle_name FROM release_batch b JOIN admission_cycle c ON c.id = b.cycle_id"
                                + " WHERE b.organization_id = ? ORDER BY b.created_at DESC LIMIT 100")
                .param(organizationId)
                .query(Releases::release)
                .list();
    }

    /** A release of the organization. */
    @Transactional(readOnly = true)
    public Release find(UUID organizationId, UUID releaseId) {
        return jdbc.sql(
                        "SELECT b.*, c.name AS cycle_name FROM release_batch b JOIN admission_cycle c ON c.id = b.cycle_id"
                                + " WHERE b.id = ? AND b.organization_id = ?")
                .params(releaseId, organizationId)
                .query(Releases::release)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That release"));
    }

    /** Releases a scheduled batch now, by hand; refused when it already ran. Returns how many were released. */
    @Transactional
    public int releaseNow(UUID organizationId, UUID releaseId) {
        var release = find(organizationId, releaseId);
        if (!release.scheduled()) {
            throw ProblemException.conflict(
                    "Already released",
                    "This release already ran (" + release.status().toLowerCase(Locale.ROOT) + ", "
                            + release.releasedCount() + " decisions); schedule a new one for decisions made since.");
        }
        return run(releaseId);
    }

    /** The ids of scheduled releases whose time has come. */
    @Transactional(readOnly = true)
    public List<UUID> due() {
        return jdbc.sql("SELECT id FROM release_batch WHERE status = 'SCHEDULED' AND scheduled_at <= ?"
                        + " ORDER BY scheduled_at LIMIT 20")
                .param(Timestamps.sql(Timestamps.now()))
                .query(UUID.class)
                .list();
    }

    /**
     * Runs a release if it is still scheduled: claims it, takes every held decision of its cycle, changes the
     * applications' statuses, writes the letters, queues one email per applicant and records a
     * {@link DecisionReleased} per application. Returns how many decisions it released; 0 when another run has the
     * batch.
     */
    @Transactional
    public int run(UUID releaseId) {
        long t0 = System.nanoTime();
        var now = Timestamps.now();
        int claimed = jdbc.sql("UPDATE release_batch SET status = 'RUNNING', started_at = ? WHERE id = ?"
                        + " AND status = 'SCHEDULED'")
                .params(Timestamps.sql(now), releaseId)
                .update();
        if (claimed == 0) {
            return 0;
        }
        var batch = jdbc.sql("SELECT b.organization_id, b.cycle_id, c.name, c.program_name, c.acceptance_days"
                        + " FROM release_batch b JOIN admission_cycle c ON c.id = b.cycle_id WHERE b.id = ?")
                .param(releaseId)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5)
                })
                .single();
        var org = (UUID) batch[0];
        var cycleId = (UUID) batch[1];
        var cycleName = (String) batch[2];
        var programName = (String) batch[3];
        var respondBy = now.plus(Duration.ofDays((Integer) batch[4]));
        // Correlated on the application's key: with an IN over (cycle, status) and statistics that had not yet seen the
        // new rows, PostgreSQL chose a nested loop scanning the cycle's applications per decision (96 s for 20,000).
        jdbc.sql("""
                        UPDATE admission_decision SET release_id = ?, released_at = ?, respond_by = ?
                        WHERE organization_id = ? AND cycle_id = ? AND release_id IS NULL
                          AND EXISTS (SELECT 1 FROM application a WHERE a.id = admission_decision.application_id
                                      AND a.status = 'DECIDED')""")
                .params(releaseId, Timestamps.sql(now), Timestamps.sql(respondBy), org, cycleId)
                .update();
        for (var outcome : Outcome.values()) {
            // The decisions of the batch drive the join (index on release_id), each application found by its key.
            jdbc.sql("UPDATE application SET status = ?, updated_at = ?, lock_version = lock_version + 1 WHERE id IN"
                            + " (SELECT application_id FROM admission_decision WHERE release_id = ? AND outcome = ?)")
                    .params(outcome.released().name(), Timestamps.sql(now), releaseId, outcome.name())
                    .update();
            jdbc.sql("UPDATE review_summary SET status = ? WHERE application_id IN"
                            + " (SELECT application_id FROM admission_decision WHERE release_id = ? AND outcome = ?)")
                    .params(outcome.released().name(), releaseId, outcome.name())
                    .update();
        }
        long claimedAndStatuses = System.nanoTime();
        var organization = organizations.find(org).orElseThrow();
        var zone = ZoneId.of(organization.timeZone());
        var wording = templates.all(org);
        var rows = jdbc.sql("SELECT d.application_id, d.outcome, d.conditions, a.number, a.applicant_name,"
                        + " a.applicant_email FROM admission_decision d JOIN application a ON a.id = d.application_id"
                        + " WHERE d.release_id = ? ORDER BY a.number")
                .param(releaseId)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        Outcome.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        long loaded = System.nanoTime();
        long composing = 0;
        long writing = 0;
        var stamp = ChangeStamp.now(org);
        var sqlNow = Timestamps.sql(now);
        var deadline = DAY.format(respondBy.atZone(zone)) + " (" + zone.getId() + ")";
        for (int from = 0; from < rows.size(); from += CHUNK) {
            long c0 = System.nanoTime();
            var chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            var letters = new ArrayList<Object[]>(chunk.size());
            var history = new ArrayList<Object[]>(chunk.size());
            var emails = new ArrayList<Notifications.Email>(chunk.size());
            var released = new ArrayList<DecisionReleased>(chunk.size());
            for (var row : chunk) {
                var t = wording.get(row.outcome());
                var values = new HashMap<String, String>();
                values.put("name", row.name());
                values.put("program", programName);
                values.put("cycle", cycleName);
                values.put("number", row.number());
                values.put("organization", organization.name());
                values.put("conditions", row.conditions() == null ? "" : row.conditions());
                values.put("respondBy", deadline);
                values.put("link", properties.link("/apply/applications/" + row.applicationId() + "/decision"));
                letters.add(new Object[] {LetterTemplates.fill(t.letterBody(), values), row.applicationId()});
                var text = LetterTemplates.fill(t.emailBody(), values);
                emails.add(new Notifications.Email(
                        org,
                        row.email(),
                        LetterTemplates.fill(t.subject(), values),
                        text,
                        html(text),
                        "admissions-decision:" + row.applicationId()));
                history.add(new Object[] {
                    UUID.randomUUID(),
                    row.applicationId(),
                    org,
                    "DECISION_RELEASED",
                    row.outcome().label(),
                    stamp.actorId(),
                    stamp.actorName(),
                    sqlNow
                });
                released.add(new DecisionReleased(
                        new ChangeStamp(
                                UUID.randomUUID(),
                                org,
                                stamp.actorId(),
                                stamp.actorName(),
                                stamp.requestId(),
                                stamp.occurredAt()),
                        row.applicationId(),
                        row.number(),
                        row.name(),
                        releaseId,
                        row.outcome().name(),
                        row.email()));
            }
            long c1 = System.nanoTime();
            composing += c1 - c0;
            template.batchUpdate("UPDATE admission_decision SET letter_text = ? WHERE application_id = ?", letters);
            template.batchUpdate(
                    "INSERT INTO application_event (id, application_id, organization_id, kind, detail, actor_id,"
                            + " actor_name, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    history);
            notifications.enqueueAll(emails);
            events.publishEvent(new DecisionsReleased(List.copyOf(released)));
            writing += System.nanoTime() - c1;
        }
        jdbc.sql("UPDATE release_batch SET status = 'DONE', released_count = ?, finished_at = ? WHERE id = ?")
                .params(rows.size(), Timestamps.sql(Timestamps.now()), releaseId)
                .update();
        log.info(
                "Release {} of {} decisions: claim and statuses {} ms, load {} ms, letters and emails composed {} ms,"
                        + " written {} ms",
                releaseId,
                rows.size(),
                (claimedAndStatuses - t0) / 1_000_000,
                (loaded - claimedAndStatuses) / 1_000_000,
                composing / 1_000_000,
                writing / 1_000_000);
        return rows.size();
    }

    /**
     * The decision letter as a tagged PDF, from the words fixed at release; every piece of text is escaped, so
     * nothing an applicant or officer typed becomes markup.
     */
    public byte[] letterPdf(
            OrganizationSummary organization,
            String applicantName,
            String number,
            Instant releasedAt,
            String letterText) {
        var zone = ZoneId.of(organization.timeZone());
        var body = new StringBuilder();
        for (var paragraph : paragraphs(letterText)) {
            body.append("<p>").append(esc(paragraph)).append("</p>");
        }
        var html = """
                <html lang="en"><head><style>
                  @page { size: A4; margin: 22mm; }
                  body { font-family: "Liberation Sans", sans-serif; color: #1d2b3a; font-size: 11pt; line-height: 1.45; }
                  .org { font-size: 16pt; color: #1d4e89; margin-bottom: 2mm; }
                  .meta { color: #44546a; font-size: 9.5pt; margin-bottom: 10mm; }
                </style></head><body>
                  <div class="org">%s</div>
                  <div class="meta">%s · application %s</div>
                  %s
                </body></html>""".formatted(esc(organization.name()), esc(DAY.format(releasedAt.atZone(zone))), esc(number), body);
        return pdf.render(
                html,
                "Admission decision — " + applicantName,
                "The admission decision letter of " + organization.name() + " for application " + number + ".");
    }

    /** The paragraphs of a letter, split at blank lines. */
    public static List<String> paragraphs(String letterText) {
        return java.util.Arrays.stream(letterText.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static String html(String text) {
        var out = new StringBuilder();
        for (var p : paragraphs(text)) {
            out.append("<p>")
                    .append(HtmlUtils.htmlEscape(p).replace("\n", "<br>"))
                    .append("</p>");
        }
        return out.toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscapeDecimal(s);
    }

    private record Row(
            UUID applicationId,
            Outcome outcome,
            @Nullable String conditions,
            String number,
            String name,
            String email) {}

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Release release(ResultSet rs, int n) throws SQLException {
        return new Release(
                rs.getObject("id", UUID.class),
                rs.getObject("cycle_id", UUID.class),
                rs.getString("cycle_name"),
                instant(rs, "scheduled_at"),
                rs.getString("status"),
                rs.getInt("released_count"),
                rs.getString("created_by_name"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}
