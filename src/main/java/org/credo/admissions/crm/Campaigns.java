package org.credo.admissions.crm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.CampaignChanged;
import org.credo.learners.LearnerStatus;
import org.credo.notifications.Notifications;
import org.credo.platform.ChangeStamp;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns of an organization: drafting, previewing, scheduling and sending them through the outbox. Sending walks the
 * audience in pages of {@code credo.admissions.campaign-page-size}, each in its own transaction; it is safe to run
 * twice, on two nodes at once, or again after a failure: each page locks the campaign row, each address gets one
 * recipient row per campaign, and the outbox refuses a second email with the same dedup key.
 */
@Service
public class Campaigns {

    /** The sort fields of the campaign list. */
    public static final List<String> SORTABLE = List.of("created", "name", "sendAt", "status");

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("created", "created_at", "name", "lower(name)", "sendAt", "send_at", "status", "status");

    /** What a campaign author writes: name, kind, segment, subject and body. */
    public record Draft(String name, Campaign.Kind kind, Campaign.Segment segment, String subject, String body) {}

    /** How many people a campaign would reach now, and its email as one of them would get it. */
    public record Preview(
            int recipients,
            int unsubscribed,
            @Nullable Recipient sample,
            @Nullable String subject,
            @Nullable String text) {}

    /** One line of a campaign's delivery log: the person, and where their email stands in the outbox. */
    public record Delivery(
            String email,
            String name,
            @Nullable UUID learnerId,
            String state,
            Instant queuedAt,
            @Nullable Instant sentAt,
            @Nullable String error) {

        /** The Bootstrap colour of the state's badge. */
        public String tone() {
            return switch (state) {
                case "SENT" -> "success";
                case "FAILED" -> "danger";
                case "SKIPPED" -> "secondary";
                default -> "info";
            };
        }

        /** The state in words. */
        public String label() {
            return switch (state) {
                case "SENT" -> "Sent";
                case "FAILED" -> "Failed";
                case "SKIPPED" -> "Skipped: unsubscribed";
                case "RETRYING" -> "Queued, retrying";
                default -> "Queued";
            };
        }
    }

    private final JdbcClient jdbc;
    private final Audience audience;
    private final Unsubscribes unsubscribes;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final int pageSize;

    Campaigns(
            JdbcClient jdbc,
            Audience audience,
            Unsubscribes unsubscribes,
            Notifications notifications,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            @Value("${credo.admissions.campaign-page-size:500}") int pageSize) {
        this.jdbc = jdbc;
        this.audience = audience;
        this.unsubscribes = unsubscribes;
        this.notifications = notifications;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        if (pageSize < 1) {
            throw new IllegalArgumentException("credo.admissions.campaign-page-size must be at least 1");
        }
        this.pageSize = pageSize;
    }

    /** Creates a draft campaign. */
    @Transactional
    public Campaign create(UUID organizationId, Draft draft, String by) {
        check(organizationId, draft);
        var id = UUID.randomUUID();
        var now = Timestamps.sql(Timestamps.now());
        var s = draft.segment();
        jdbc.sql("""
                INSERT INTO admission_campaign (id, organization_id, name, kind, program_id, cycle_id,
                  application_status, learner_status, subject, body, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
                .params(
                        id,
                        organizationId,
                        draft.name().trim(),
                        draft.kind().name(),
                        s.programId(),
                        s.cycleId(),
                        s.applicationStatus() == null
                                ? null
                                : s.applicationStatus().name(),
                        s.learnerStatus() == null ? null : s.learnerStatus().name(),
                        draft.subject().trim(),
                        draft.body(),
                        by,
                        now,
                        now)
                .update();
        var campaign = find(organizationId, id);
        events.publishEvent(new CampaignChanged(
                ChangeStamp.now(organizationId),
                id,
                campaign.name(),
                "campaign.created",
                "Created " + campaign.kind().label().toLowerCase() + " campaign '" + campaign.name() + "'"));
        return campaign;
    }

    /** Changes a campaign that has not been sent. */
    @Transactional
    public Campaign update(UUID organizationId, UUID id, Draft draft) {
        var campaign = lock(organizationId, id);
        if (!campaign.editable()) {
            throw ProblemException.conflict(
                    "Campaign already sent", "A sent campaign cannot change; copy it into a new campaign instead.");
        }
        check(organizationId, draft);
        var s = draft.segment();
        jdbc.sql("""
                UPDATE admission_campaign SET name = ?, kind = ?, program_id = ?, cycle_id = ?, application_status = ?,
                  learner_status = ?, subject = ?, body = ?, updated_at = ? WHERE id = ? AND organization_id = ?""")
                .params(
                        draft.name().trim(),
                        draft.kind().name(),
                        s.programId(),
                        s.cycleId(),
                        s.applicationStatus() == null
                                ? null
                                : s.applicationStatus().name(),
                        s.learnerStatus() == null ? null : s.learnerStatus().name(),
                        draft.subject().trim(),
                        draft.body(),
                        Timestamps.sql(Timestamps.now()),
                        id,
                        organizationId)
                .update();
        events.publishEvent(new CampaignChanged(
                ChangeStamp.now(organizationId),
                id,
                draft.name().trim(),
                "campaign.changed",
                "Changed campaign '" + draft.name().trim() + "'"));
        return find(organizationId, id);
    }

    /** A campaign of the organization. */
    @Transactional(readOnly = true)
    public Campaign find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM admission_campaign WHERE id = ? AND organization_id = ?")
                .params(id, organizationId)
                .query(Campaigns::campaign)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That campaign"));
    }

    /** One page of the organization's campaigns, optionally only those in a status. */
    @Transactional(readOnly = true)
    public PageResult<Campaign> page(UUID organizationId, Campaign.@Nullable Status status, PageQuery query) {
        var where = " WHERE organization_id = ?" + (status == null ? "" : " AND status = ?");
        var params = new ArrayList<Object>();
        params.add(organizationId);
        if (status != null) {
            params.add(status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM admission_campaign" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.add(query.size());
        params.add(query.offset());
        var items = jdbc.sql("SELECT * FROM admission_campaign" + where + " ORDER BY "
                        + query.orderBy(SORT_COLUMNS, "id") + " LIMIT ? OFFSET ?")
                .params(params)
                .query(Campaigns::campaign)
                .list();
        return PageResult.of(items, query, total);
    }

    /** The scheduled campaigns of an organization, soonest first. */
    @Transactional(readOnly = true)
    public List<Campaign> scheduled(UUID organizationId, int limit) {
        return jdbc.sql("SELECT * FROM admission_campaign WHERE organization_id = ? AND status = 'SCHEDULED'"
                        + " ORDER BY send_at, id LIMIT ?")
                .params(organizationId, limit)
                .query(Campaigns::campaign)
                .list();
    }

    /** How many campaigns of the organization are in a status. */
    @Transactional(readOnly = true)
    public long count(UUID organizationId, Campaign.Status status) {
        return jdbc.sql("SELECT count(*) FROM admission_campaign WHERE organization_id = ? AND status = ?")
                .params(organizationId, status.name())
                .query(Long.class)
                .single();
    }

    /** Who the campaign would reach now (the unsubscribed left out of a marketing one), and a sample email. */
    @Transactional(readOnly = true)
    public Preview preview(UUID organizationId, UUID id) {
        var campaign = find(organizationId, id);
        var people = audience.of(organizationId, campaign.segment());
        var reached = new ArrayList<Recipient>();
        int unsubscribed = 0;
        for (var r : people) {
            if (campaign.kind() == Campaign.Kind.MARKETING && unsubscribes.unsubscribed(organizationId, r.email())) {
                unsubscribed++;
            } else {
                reached.add(r);
            }
        }
        if (reached.isEmpty()) {
            return new Preview(0, unsubscribed, null, null, null);
        }
        var sample = reached.get(0);
        var link =
                campaign.kind() == Campaign.Kind.MARKETING ? unsubscribes.link(organizationId, sample.email()) : null;
        return new Preview(
                reached.size(),
                unsubscribed,
                sample,
                MergeFields.fill(campaign.subject(), sample),
                MergeFields.text(MergeFields.fill(campaign.body(), sample), link));
    }

    /** Schedules an unsent campaign for a time, or for now (the next run of the sender sends it). */
    @Transactional
    public Campaign schedule(UUID organizationId, UUID id, Instant sendAt) {
        var campaign = lock(organizationId, id);
        if (!campaign.editable()) {
            throw ProblemException.conflict(
                    "Campaign already sent", "This campaign was sent; it cannot be sent again.");
        }
        var now = Timestamps.now();
        if (sendAt.isBefore(now.minusSeconds(60))) {
            throw ProblemException.invalidField("sendAt", "choose a time in the future, or send now.");
        }
        jdbc.sql("UPDATE admission_campaign SET status = 'SCHEDULED', send_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamps.sql(sendAt.isBefore(now) ? now : sendAt), Timestamps.sql(now), id)
                .update();
        events.publishEvent(new CampaignChanged(
                ChangeStamp.now(organizationId),
                id,
                campaign.name(),
                "campaign.scheduled",
                "Scheduled campaign '" + campaign.name() + "' for " + sendAt));
        return find(organizationId, id);
    }

    /** Takes a scheduled campaign back to draft. */
    @Transactional
    public Campaign unschedule(UUID organizationId, UUID id) {
        var campaign = lock(organizationId, id);
        if (campaign.status() != Campaign.Status.SCHEDULED) {
            throw ProblemException.conflict("Not scheduled", "Only a scheduled campaign can be taken back to draft.");
        }
        jdbc.sql("UPDATE admission_campaign SET status = 'DRAFT', send_at = NULL, updated_at = ? WHERE id = ?")
                .params(Timestamps.sql(Timestamps.now()), id)
                .update();
        events.publishEvent(new CampaignChanged(
                ChangeStamp.now(organizationId),
                id,
                campaign.name(),
                "campaign.unscheduled",
                "Took campaign '" + campaign.name() + "' back to draft"));
        return find(organizationId, id);
    }

    /**
     * Sends a scheduled campaign that is due, or goes on with one whose sending stopped midway: walks its audience in
     * pages, each page in its own transaction that queues one email per new address in the outbox and records where
     * the walk stands, then marks the campaign sent. Returns how many emails this call queued; 0 when the campaign is
     * not due or already sent. Safe to run twice, on two nodes at once, or again after a failure: each page locks the
     * campaign row, and an address that already has a recipient row of the campaign is never queued again.
     */
    public int send(UUID campaignId) {
        int queued = 0;
        while (true) {
            var step = transactions.execute(status -> sendPage(campaignId));
            if (step == null) {
                return queued;
            }
            queued += step.queued();
            if (step.finished()) {
                return queued;
            }
        }
    }

    /** What one page of a send did. */
    private record Step(int queued, boolean finished) {}

    private @Nullable Step sendPage(UUID campaignId) {
        var now = Timestamps.sql(Timestamps.now());
        record Locked(Campaign campaign, Audience.@Nullable Cursor cursor) {}
        var locked = jdbc.sql("SELECT * FROM admission_campaign WHERE id = ?"
                        + " AND ((status = 'SCHEDULED' AND send_at <= ?) OR status = 'SENDING') FOR UPDATE")
                .params(campaignId, now)
                .query((rs, n) -> {
                    var source = rs.getString("send_source");
                    return new Locked(
                            campaign(rs, n),
                            source == null
                                    ? null
                                    : new Audience.Cursor(
                                            Audience.Source.valueOf(source), rs.getObject("send_after", UUID.class)));
                })
                .optional();
        if (locked.isEmpty()) {
            return null;
        }
        var c = locked.get().campaign();
        var org = c.organizationId();
        var cursor = locked.get().cursor();
        if (c.status() == Campaign.Status.SCHEDULED || cursor == null) {
            // A new send (or one forced to start over): count the audience, then walk it from the start.
            cursor = Audience.Cursor.start(c.segment());
            jdbc.sql("UPDATE admission_campaign SET status = 'SENDING', recipient_total = ?, send_source = ?,"
                            + " send_after = NULL, updated_at = ? WHERE id = ?")
                    .params(
                            audience.count(org, c.segment(), pageSize),
                            cursor.source().name(),
                            now,
                            campaignId)
                    .update();
        }
        var page = audience.page(org, c.segment(), cursor, pageSize);
        var served = served(campaignId, page.recipients());
        int queued = 0;
        for (var r : page.recipients()) {
            var email = Unsubscribes.normal(r.email());
            if (served.add(email) && queue(c, r, email, now)) {
                queued++;
            }
        }
        var next = page.next();
        if (next != null) {
            jdbc.sql("UPDATE admission_campaign SET send_source = ?, send_after = ?, updated_at = ? WHERE id = ?")
                    .params(next.source().name(), next.after(), now, campaignId)
                    .update();
            return new Step(queued, false);
        }
        record Counts(int total, int emailed) {}
        var counts = jdbc.sql(
                        "SELECT count(*), count(dedup_key) FROM admission_campaign_recipient WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2)))
                .single();
        jdbc.sql("UPDATE admission_campaign SET status = 'SENT', sent_at = COALESCE(sent_at, ?), recipient_count = ?,"
                        + " send_source = NULL, send_after = NULL, updated_at = ? WHERE id = ?")
                .params(now, counts.total(), now, campaignId)
                .update();
        if (c.sentAt() == null) {
            // Only the send that finished first is worth a record; a forced second run changes nothing.
            events.publishEvent(new CampaignChanged(
                    ChangeStamp.by(org, null, ChangeStamp.SYSTEM),
                    campaignId,
                    c.name(),
                    "campaign.sent",
                    "Sent campaign '" + c.name() + "': " + counts.emailed() + " emails queued, "
                            + (counts.total() - counts.emailed()) + " addresses skipped"));
        }
        return new Step(queued, true);
    }

    /** The addresses of these recipients that already have a recipient row of the campaign. */
    private HashSet<String> served(UUID campaignId, List<Recipient> recipients) {
        var emails = recipients.stream()
                .map(r -> Unsubscribes.normal(r.email()))
                .distinct()
                .toList();
        var served = new HashSet<String>();
        if (emails.isEmpty()) {
            return served;
        }
        var params = new ArrayList<Object>();
        params.add(campaignId);
        params.addAll(emails);
        served.addAll(jdbc.sql("SELECT email FROM admission_campaign_recipient WHERE campaign_id = ? AND email IN ("
                        + String.join(", ", java.util.Collections.nCopies(emails.size(), "?")) + ")")
                .params(params)
                .query(String.class)
                .list());
        return served;
    }

    /** Queues the campaign's email to one address (or records it skipped); true when an email was queued. */
    private boolean queue(Campaign c, Recipient r, String email, OffsetDateTime now) {
        var org = c.organizationId();
        if (c.kind() == Campaign.Kind.MARKETING && unsubscribes.unsubscribed(org, email)) {
            jdbc.sql("""
                    INSERT INTO admission_campaign_recipient (campaign_id, organization_id, email, name, learner_id,
                      skipped, queued_at) VALUES (?, ?, ?, ?, ?, 'UNSUBSCRIBED', ?)""")
                    .params(c.id(), org, email, fit(r.name()), r.learnerId(), now)
                    .update();
            return false;
        }
        var key = dedupKey(c.id(), email);
        var subject = MergeFields.fill(c.subject(), r);
        var body = MergeFields.fill(c.body(), r);
        if (c.kind() == Campaign.Kind.MARKETING) {
            var link = unsubscribes.link(org, email);
            notifications.enqueue(
                    org,
                    r.email().trim(),
                    subject,
                    MergeFields.text(body, link),
                    MergeFields.html(body, link),
                    key,
                    Map.of(
                            "List-Unsubscribe",
                            "<" + link + ">",
                            "List-Unsubscribe-Post",
                            "List-Unsubscribe=One-Click"));
        } else {
            notifications.enqueue(
                    org, r.email().trim(), subject, MergeFields.text(body, null), MergeFields.html(body, null), key);
        }
        jdbc.sql("""
                INSERT INTO admission_campaign_recipient (campaign_id, organization_id, email, name, learner_id,
                  dedup_key, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), org, email, fit(r.name()), r.learnerId(), key, now)
                .update();
        return true;
    }

    /** How far the sending of a campaign got: addresses served (queued or skipped) out of the audience counted. */
    public record Progress(long done, int total) {

        /** The share done, 0 to 100, for a progress bar. */
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    /** The sending progress of a campaign, once its sending has begun. */
    @Transactional(readOnly = true)
    public Optional<Progress> progress(UUID organizationId, UUID id) {
        var total = jdbc.sql("SELECT recipient_total FROM admission_campaign WHERE id = ? AND organization_id = ?")
                .params(id, organizationId)
                .query((rs, n) -> rs.getObject(1, Integer.class))
                .optional()
                .orElse(null);
        if (total == null) {
            return Optional.empty();
        }
        long done = jdbc.sql("SELECT count(*) FROM admission_campaign_recipient WHERE campaign_id = ?"
                        + " AND organization_id = ?")
                .params(id, organizationId)
                .query(Long.class)
                .single();
        return Optional.of(new Progress(done, total));
    }

    /** The campaigns whose time has come, across organizations, for the scheduled sender. */
    @Transactional(readOnly = true)
    public List<UUID> due() {
        return jdbc.sql("SELECT id FROM admission_campaign WHERE (status = 'SCHEDULED' AND send_at <= ?)"
                        + " OR status = 'SENDING' ORDER BY send_at")
                .param(Timestamps.sql(Timestamps.now()))
                .query(UUID.class)
                .list();
    }

    /** One page of a campaign's delivery log, by address, with each email's state in the outbox. */
    @Transactional(readOnly = true)
    public PageResult<Delivery> deliveries(UUID organizationId, UUID id, PageQuery query) {
        find(organizationId, id);
        long total = jdbc.sql("SELECT count(*) FROM admission_campaign_recipient WHERE campaign_id = ?"
                        + " AND organization_id = ?")
                .params(id, organizationId)
                .query(Long.class)
                .single();
        record Row(
                String email,
                String name,
                @Nullable UUID learnerId,
                @Nullable String key,
                @Nullable String skipped,
                Instant queuedAt) {}
        var rows = jdbc.sql("SELECT * FROM admission_campaign_recipient WHERE campaign_id = ? AND organization_id = ?"
                        + " ORDER BY email LIMIT ? OFFSET ?")
                .params(id, organizationId, query.size(), query.offset())
                .query((rs, n) -> new Row(
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getObject("learner_id", UUID.class),
                        rs.getString("dedup_key"),
                        rs.getString("skipped"),
                        rs.getObject("queued_at", OffsetDateTime.class).toInstant()))
                .list();
        var states = notifications.states(
                organizationId,
                rows.stream().map(Row::key).filter(k -> k != null).toList());
        var items = rows.stream()
                .map(r -> {
                    if (r.skipped() != null || r.key() == null) {
                        return new Delivery(r.email(), r.name(), r.learnerId(), "SKIPPED", r.queuedAt(), null, null);
                    }
                    var s = states.get(r.key());
                    var state = s == null
                            ? "QUEUED"
                            : switch (s.status()) {
                                case "SENT" -> "SENT";
                                case "ABANDONED" -> "FAILED";
                                case "FAILED" -> "RETRYING";
                                default -> "QUEUED";
                            };
                    return new Delivery(
                            r.email(),
                            r.name(),
                            r.learnerId(),
                            state,
                            r.queuedAt(),
                            s == null ? null : s.sentAt(),
                            s == null ? null : s.lastError());
                })
                .toList();
        return PageResult.of(items, query, total);
    }

    /** Counts of a campaign's delivery states: queued, sent, failed, skipped. */
    @Transactional(readOnly = true)
    public Map<String, Long> tally(UUID organizationId, UUID id) {
        var keys = jdbc.sql("SELECT dedup_key FROM admission_campaign_recipient WHERE campaign_id = ?"
                        + " AND organization_id = ? AND dedup_key IS NOT NULL")
                .params(id, organizationId)
                .query(String.class)
                .list();
        long skipped = jdbc.sql("SELECT count(*) FROM admission_campaign_recipient WHERE campaign_id = ?"
                        + " AND organization_id = ? AND skipped IS NOT NULL")
                .params(id, organizationId)
                .query(Long.class)
                .single();
        var tally = new java.util.LinkedHashMap<String, Long>();
        tally.put("queued", 0L);
        tally.put("sent", 0L);
        tally.put("failed", 0L);
        tally.put("skipped", skipped);
        for (int from = 0; from < keys.size(); from += 500) {
            var states = notifications.states(organizationId, keys.subList(from, Math.min(keys.size(), from + 500)));
            for (var key : keys.subList(from, Math.min(keys.size(), from + 500))) {
                var s = states.get(key);
                var bucket = s == null
                        ? "queued"
                        : switch (s.status()) {
                            case "SENT" -> "sent";
                            case "ABANDONED" -> "failed";
                            default -> "queued";
                        };
                tally.merge(bucket, 1L, Long::sum);
            }
        }
        return tally;
    }

    private Campaign lock(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT * FROM admission_campaign WHERE id = ? AND organization_id = ? FOR UPDATE")
                .params(id, organizationId)
                .query(Campaigns::campaign)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("That campaign"));
    }

    private void check(UUID organizationId, Draft draft) {
        if (draft.name().isBlank() || draft.name().trim().length() > 200) {
            throw ProblemException.invalidField("name", "give the campaign a name of at most 200 characters.");
        }
        if (draft.subject().isBlank() || draft.subject().trim().length() > 300) {
            throw ProblemException.invalidField("subject", "write a subject of at most 300 characters.");
        }
        if (draft.body().isBlank() || draft.body().length() > 20_000) {
            throw ProblemException.invalidField("body", "write a message of at most 20,000 characters.");
        }
        var unknown = new java.util.TreeSet<String>(MergeFields.unknown(draft.subject()));
        unknown.addAll(MergeFields.unknown(draft.body()));
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField(
                    "body",
                    "there is no merge field "
                            + unknown.stream().map(u -> "{{" + u + "}}").toList()
                            + "; use {{preferredName}}, {{name}} or {{email}}.");
        }
        var cycle = draft.segment().cycleId();
        if (cycle != null) {
            var program = jdbc.sql("SELECT program_id FROM admission_cycle WHERE id = ? AND organization_id = ?")
                    .params(cycle, organizationId)
                    .query(UUID.class)
                    .optional();
            if (program.isEmpty()) {
                throw ProblemException.invalidField("cycleId", "choose one of your organization's admission cycles.");
            }
            if (draft.segment().programId() != null
                    && !program.get().equals(draft.segment().programId())) {
                throw ProblemException.invalidField("cycleId", "this cycle belongs to another program; choose either.");
            }
        }
    }

    static String dedupKey(UUID campaignId, String email) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return "campaign:" + campaignId + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fit(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        var appStatus = rs.getString("application_status");
        var learnerStatus = rs.getString("learner_status");
        var recipients = rs.getObject("recipient_count", Integer.class);
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                Campaign.Kind.valueOf(rs.getString("kind")),
                new Campaign.Segment(
                        rs.getObject("program_id", UUID.class),
                        rs.getObject("cycle_id", UUID.class),
                        appStatus == null ? null : ApplicationStatus.valueOf(appStatus),
                        learnerStatus == null ? null : LearnerStatus.valueOf(learnerStatus)),
                rs.getString("subject"),
                rs.getString("body"),
                Campaign.Status.valueOf(rs.getString("status")),
                instant(rs, "send_at"),
                instant(rs, "sent_at"),
                recipients,
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The optional campaign of an id, for callers that must not throw. */
    @Transactional(readOnly = true)
    public Optional<Campaign> lookup(UUID organizationId, UUID id) {
        try {
            return Optional.of(find(organizationId, id));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }
}
