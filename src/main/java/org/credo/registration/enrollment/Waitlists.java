package org.credo.registration.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.notifications.Notifications;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.credo.registration.WaitlistOffered;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.credo.scheduling.SectionSaved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Waitlists (ADR 46): first come, first served. When a seat frees in a section with learners waiting, it is held for
 * the next one and offered to them, by email and in the portal, for the term's offer time; an offer that lapses
 * passes to the next. A held seat is counted apart, so nobody else can take it, and an offer is claimed once.
 */
@Service
public class Waitlists {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm (zzz)");

    private final JdbcClient jdbc;
    private final Seats seats;
    private final Scheduling scheduling;
    private final Learners learners;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final CredoProperties properties;
    private final RegistrationChecks checks;
    private final org.credo.platform.Organizations organizations;
    private final org.credo.catalog.Catalog catalog;

    Waitlists(
            JdbcClient jdbc,
            Seats seats,
            Scheduling scheduling,
            Learners learners,
            Notifications notifications,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            CredoProperties properties,
            RegistrationChecks checks,
            org.credo.platform.Organizations organizations,
            org.credo.catalog.Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.seats = seats;
        this.scheduling = scheduling;
        this.learners = learners;
        this.notifications = notifications;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.checks = checks;
        this.organizations = organizations;
    }

    /** The learner's entry on the section's waitlist, with their position while waiting. */
    public Optional<WaitlistEntry> entry(UUID organizationId, UUID learnerId, UUID sectionId) {
        return jdbc.sql("SELECT * FROM waitlist_entry WHERE organization_id = ? AND learner_id = ? AND section_id = ?")
                .params(organizationId, learnerId, sectionId)
                .query(this::entry)
                .optional();
    }

    /** The learner's waitlist entries in a term that still matter (waiting or offered). */
    public List<WaitlistEntry> ofLearner(UUID organizationId, UUID learnerId, UUID termId) {
        return jdbc.sql("SELECT * FROM waitlist_entry WHERE organization_id = ? AND learner_id = ? AND term_id = ?"
                        + " AND status IN ('WAITING', 'OFFERED') ORDER BY joined_at")
                .params(organizationId, learnerId, termId)
                .query(this::entry)
                .list();
    }

    /**
     * The section's waitlist in order: offered first, then those waiting, numbered in that order in one read (no
     * count per entry).
     */
    public List<WaitlistEntry> ofSection(UUID organizationId, UUID sectionId) {
        var place = new int[] {0};
        return jdbc.sql("SELECT * FROM waitlist_entry WHERE organization_id = ? AND section_id = ?"
                        + " AND status IN ('WAITING', 'OFFERED')"
                        + " ORDER BY CASE status WHEN 'OFFERED' THEN 0 ELSE 1 END, priority, joined_at, id")
                .params(organizationId, sectionId)
                .query((rs, n) -> row(rs, "WAITING".equals(rs.getString("status")) ? ++place[0] : 0))
                .list();
    }

    /**
     * Puts the learner on the section's waitlist (checked like an add, but for the seat). Joining again while
     * waiting or offered answers with the entry as it is.
     *
     * @param refusals what the add checks said; a waitlist takes only learners who could enroll
     */
    public WaitlistEntry join(UUID organizationId, UUID learnerId, SectionRecord section, List<Refusal> refusals) {
        var existing = entry(organizationId, learnerId, section.sectionId());
        if (existing.isPresent()
                && (existing.get().status() == WaitlistStatus.WAITING
                        || existing.get().status() == WaitlistStatus.OFFERED)) {
            return existing.get();
        }
        if (!refusals.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Waitlist refused",
                    String.join(" ", refusals.stream().map(Refusal::message).toList()),
                    Map.of(
                            "refusals",
                            refusals.stream()
                                    .map(r -> Map.of(
                                            "code", r.code(), "message", r.message(), "resolution", r.resolution()))
                                    .toList()));
        }
        seats.ensure(organizationId, section);
        try {
            transactions.executeWithoutResult(tx -> {
                var count = seats.lock(section.sectionId());
                if (count.available() > 0) {
                    throw ProblemException.conflict(
                            "A seat is open",
                            section.courseCode() + "-" + section.sectionNumber()
                                    + " has an open seat: register for it instead of joining the waitlist.");
                }
                if (count.waitlisted() >= count.waitlistCapacity()) {
                    throw ProblemException.conflict(
                            "Waitlist full",
                            "The waitlist of " + section.courseCode() + "-" + section.sectionNumber() + " is full ("
                                    + count.waitlistCapacity() + "); choose another section.");
                }
                var now = Timestamps.sql(Timestamps.now());
                if (existing.isPresent()) {
                    jdbc.sql("UPDATE waitlist_entry SET status = 'WAITING', joined_at = ?, offered_at = NULL,"
                                    + " offer_expires_at = NULL, changed_at = ? WHERE id = ?")
                            .params(now, now, existing.get().id())
                            .update();
                } else {
                    jdbc.sql("INSERT INTO waitlist_entry (id, organization_id, section_id, term_id, learner_id,"
                                    + " priority, joined_at, status, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                                    + " 'WAITING', ?)")
                            .params(
                                    UUID.randomUUID(),
                                    organizationId,
                                    section.sectionId(),
                                    section.termId(),
                                    learnerId,
                                    count.majorsFirst() && isMajor(organizationId, learnerId, section) ? 0 : 1,
                                    now,
                                    now)
                            .update();
                }
                seats.joinedWaitlist(section.sectionId());
            });
        } catch (DuplicateKeyException raced) {
            // The learner's other request put them on first.
        }
        return entry(organizationId, learnerId, section.sectionId()).orElseThrow();
    }

    /**
     * Whether the learner majors in a program the section is meant for: one it reserves seats for, or one whose
     * requirements name the course.
     */
    boolean isMajor(UUID organizationId, UUID learnerId, SectionRecord section) {
        var learner = learners.find(organizationId, learnerId).orElse(null);
        if (learner == null || learner.programCode() == null) {
            return false;
        }
        var program = learner.programCode();
        boolean reserved = jdbc.sql("SELECT COUNT(*) FROM registration_reservation WHERE section_id = ?"
                                + " AND UPPER(reference) = UPPER(?)")
                        .params(section.sectionId(), program)
                        .query(Integer.class)
                        .single()
                > 0;
        return reserved
                || catalog.program(organizationId, program, java.time.LocalDate.now())
                        .map(p -> p.requirements().contains("\"" + section.courseCode() + "\""))
                        .orElse(false);
    }

    /** Takes the learner off the waitlist; an offer they held passes to the next learner. */
    public void leave(UUID organizationId, UUID learnerId, UUID sectionId) {
        var entry = entry(organizationId, learnerId, sectionId)
                .orElseThrow(() -> ProblemException.notFound("A waitlist entry for this section"));
        boolean offered = Boolean.TRUE.equals(transactions.execute(tx -> {
            seats.lock(sectionId);
            int fromOffer = jdbc.sql("UPDATE waitlist_entry SET status = 'LEFT', changed_at = ? WHERE id = ?"
                            + " AND status = 'OFFERED'")
                    .params(Timestamps.sql(Timestamps.now()), entry.id())
                    .update();
            if (fromOffer == 1) {
                seats.releaseHeld(sectionId);
                return true;
            }
            int fromWaiting = jdbc.sql("UPDATE waitlist_entry SET status = 'LEFT', changed_at = ? WHERE id = ?"
                            + " AND status = 'WAITING'")
                    .params(Timestamps.sql(Timestamps.now()), entry.id())
                    .update();
            if (fromWaiting == 1) {
                seats.leftWaitlist(sectionId);
            }
            return false;
        }));
        if (offered) {
            scheduling.section(organizationId, sectionId).ifPresent(s -> offerFreedSeats(organizationId, s));
        }
    }

    /** The learner's offer of a seat in the section that has not lapsed, if they hold one. */
    Optional<WaitlistEntry> openOffer(UUID organizationId, UUID learnerId, UUID sectionId) {
        return entry(organizationId, learnerId, sectionId)
                .filter(e -> e.status() == WaitlistStatus.OFFERED
                        && e.offerExpiresAt() != null
                        && e.offerExpiresAt().isAfter(Instant.now()));
    }

    /** Claims an offer (once) and its held seat, inside the caller's transaction; false when it lapsed meanwhile. */
    boolean claimOffer(WaitlistEntry offer, UUID sectionId) {
        seats.lock(sectionId);
        var now = Timestamps.now();
        int claimed = jdbc.sql("UPDATE waitlist_entry SET status = 'ENROLLED', changed_at = ? WHERE id = ?"
                        + " AND status = 'OFFERED' AND offer_expires_at > ?")
                .params(Timestamps.sql(now), offer.id(), Timestamps.sql(now))
                .update();
        return claimed == 1 && seats.takeHeld(sectionId);
    }

    /** A learner enrolled in the section some other way leaves its waitlist (inside the caller's transaction). */
    void enrolledElsewhere(UUID learnerId, UUID sectionId) {
        int waiting = jdbc.sql("UPDATE waitlist_entry SET status = 'ENROLLED', changed_at = ? WHERE learner_id = ?"
                        + " AND section_id = ? AND status = 'WAITING'")
                .params(Timestamps.sql(Timestamps.now()), learnerId, sectionId)
                .update();
        if (waiting == 1) {
            seats.leftWaitlist(sectionId);
        }
    }

    /**
     * Offers every seat that is free (not taken, not held) to the next learners waiting, one seat each, in order.
     * Returns how many offers were made.
     */
    public int offerFreedSeats(UUID organizationId, SectionRecord section) {
        var window = checks.window(section.termId());
        var hours = window.map(RegistrationChecks.Window::offerHours).orElse(48);
        var made = transactions.execute(tx -> {
            if (seats.count(section.sectionId()).isEmpty()) {
                return List.<UUID>of();
            }
            var count = seats.lock(section.sectionId());
            if (count.open() && count.autoEnroll() && count.available() + count.reservedFree() > 0) {
                // Enrollments takes the seats for the next eligible learners, right after this transaction.
                events.publishEvent(new FreedSeats(organizationId, section.sectionId()));
                return List.<UUID>of();
            }
            if (!count.open() || count.available() == 0) {
                // Reserved seats are not offered: those they are kept for can register into them directly.
                return List.<UUID>of();
            }
            var next = jdbc.sql("SELECT id FROM waitlist_entry WHERE section_id = ? AND status = 'WAITING'"
                            + " ORDER BY priority, joined_at, id LIMIT " + count.available())
                    .param(section.sectionId())
                    .query(UUID.class)
                    .list();
            var now = Timestamps.now();
            var expires = now.plus(Duration.ofHours(hours));
            for (var id : next) {
                jdbc.sql("UPDATE waitlist_entry SET status = 'OFFERED', offered_at = ?, offer_expires_at = ?,"
                                + " changed_at = ? WHERE id = ?")
                        .params(Timestamps.sql(now), Timestamps.sql(expires), Timestamps.sql(now), id)
                        .update();
                seats.holdForOffer(section.sectionId());
                announce(organizationId, section, id, expires);
            }
            return next;
        });
        return made == null ? 0 : made.size();
    }

    private void announce(UUID organizationId, SectionRecord section, UUID entryId, Instant expires) {
        var learnerId = jdbc.sql("SELECT learner_id FROM waitlist_entry WHERE id = ?")
                .param(entryId)
                .query(UUID.class)
                .single();
        var addressee = learners.addressee(organizationId, learnerId);
        var name = section.courseCode() + "-" + section.sectionNumber();
        var zone = organizations
                .find(organizationId)
                .map(o -> ZoneId.of(o.timeZone()))
                .orElse(ZoneId.of("UTC"));
        var until = MOMENT.format(expires.atZone(zone));
        var link = properties.link("/registration?term=" + section.termId());
        var greeting = addressee
                .map(a -> a.preferredName().isBlank() ? a.name() : a.preferredName())
                .orElse("there");
        var text = "Hello " + greeting + ",\n\nA seat in " + name + " (" + section.courseTitle() + ", "
                + section.termCode() + ") is yours if you register by " + until + ". After that it goes to the next"
                + " learner on the waitlist.\n\nRegister here: " + link + "\n";
        var html = "<p>Hello " + HtmlUtils.htmlEscape(greeting) + ",</p><p>A seat in "
                + HtmlUtils.htmlEscape(name + " (" + section.courseTitle() + ", " + section.termCode() + ")")
                + " is yours if you register by " + HtmlUtils.htmlEscape(until)
                + ". After that it goes to the next learner on the waitlist.</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">Register now</a></p>";
        for (var email : addressee.map(Learners.Addressee::emails).orElse(List.of())) {
            notifications.enqueue(
                    organizationId,
                    email,
                    "A seat is yours in " + name + " until " + until,
                    text,
                    html,
                    "waitlist-offer:" + entryId + ":" + expires.toEpochMilli() + ":" + email);
        }
        events.publishEvent(new WaitlistOffered(
                ChangeStamp.now(organizationId),
                entryId,
                learnerId,
                addressee.map(Learners.Addressee::name).orElse("A learner"),
                section.sectionId(),
                section.termCode(),
                section.courseCode(),
                section.sectionNumber(),
                expires));
    }

    /** Tells a learner the waitlist enrolled them in the section, by email (through the outbox). */
    void announceEnrolled(UUID organizationId, SectionRecord section, UUID learnerId) {
        var addressee = learners.addressee(organizationId, learnerId);
        var name = section.courseCode() + "-" + section.sectionNumber();
        var link = properties.link("/registration?term=" + section.termId());
        var greeting = addressee
                .map(a -> a.preferredName().isBlank() ? a.name() : a.preferredName())
                .orElse("there");
        var text = "Hello " + greeting + ",\n\nA seat freed in " + name + " (" + section.courseTitle() + ", "
                + section.termCode() + ") and the waitlist enrolled you in it. If you no longer want it, drop it"
                + " from your schedule.\n\nYour schedule: " + link + "\n";
        var html = "<p>Hello " + HtmlUtils.htmlEscape(greeting) + ",</p><p>A seat freed in "
                + HtmlUtils.htmlEscape(name + " (" + section.courseTitle() + ", " + section.termCode() + ")")
                + " and the waitlist enrolled you in it. If you no longer want it, drop it from your schedule.</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">Your schedule</a></p>";
        for (var email : addressee.map(Learners.Addressee::emails).orElse(List.of())) {
            notifications.enqueue(
                    organizationId,
                    email,
                    "You are enrolled in " + name + " from the waitlist",
                    text,
                    html,
                    "waitlist-enrolled:" + section.sectionId() + ":" + learnerId + ":"
                            + Instant.now().toEpochMilli() + ":" + email);
        }
    }

    /** Lets lapsed offers go and passes their seats on; safe on every node and to run twice. */
    @Scheduled(fixedDelayString = "${credo.registration.offer-check:PT1M}", initialDelayString = "PT30S")
    public int expireOffers() {
        var now = Timestamps.now();
        var lapsed = jdbc.sql("SELECT organization_id, section_id, id FROM waitlist_entry WHERE status = 'OFFERED'"
                        + " AND offer_expires_at <= ? ORDER BY offer_expires_at LIMIT 500")
                .param(Timestamps.sql(now))
                .query((rs, n) -> new UUID[] {
                    rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)
                })
                .list();
        int expired = 0;
        for (var row : lapsed) {
            boolean mine = Boolean.TRUE.equals(transactions.execute(tx -> {
                seats.lock(row[1]);
                int changed = jdbc.sql("UPDATE waitlist_entry SET status = 'EXPIRED', changed_at = ? WHERE id = ?"
                                + " AND status = 'OFFERED' AND offer_expires_at <= ?")
                        .params(Timestamps.sql(now), row[2], Timestamps.sql(now))
                        .update();
                if (changed == 1) {
                    seats.releaseHeld(row[1]);
                }
                return changed == 1;
            }));
            if (mine) {
                expired++;
                scheduling.section(row[0], row[1]).ifPresent(s -> offerFreedSeats(row[0], s));
            }
        }
        return expired;
    }

    /** Closes a cancelled section's waitlist: those waiting or offered leave it, and no seat stays held. */
    void closeFor(UUID sectionId) {
        var now = Timestamps.sql(Timestamps.now());
        jdbc.sql("UPDATE waitlist_entry SET status = 'LEFT', changed_at = ? WHERE section_id = ?"
                        + " AND status IN ('WAITING', 'OFFERED')")
                .params(now, sectionId)
                .update();
        jdbc.sql("UPDATE registration_seat SET held = 0, waitlisted = 0, open_for_adds = false WHERE section_id = ?")
                .param(sectionId)
                .update();
    }

    /** A section given more seats (or opened) offers them to its waitlist. */
    @EventListener
    @Order(100)
    void on(SectionSaved saved) {
        scheduling
                .section(saved.stamp().organizationId(), saved.sectionId())
                .ifPresent(s -> offerFreedSeats(saved.stamp().organizationId(), s));
    }

    private WaitlistEntry entry(ResultSet rs, int n) throws SQLException {
        var status = WaitlistStatus.valueOf(rs.getString("status"));
        int position = 0;
        if (status == WaitlistStatus.WAITING) {
            position = 1
                    + jdbc.sql("SELECT COUNT(*) FROM waitlist_entry WHERE section_id = ? AND status = 'WAITING'"
                                    + " AND (priority < ? OR (priority = ? AND (joined_at < ? OR (joined_at = ?"
                                    + " AND id < ?))))")
                            .params(
                                    rs.getObject("section_id", UUID.class),
                                    rs.getInt("priority"),
                                    rs.getInt("priority"),
                                    rs.getObject("joined_at", java.time.OffsetDateTime.class),
                                    rs.getObject("joined_at", java.time.OffsetDateTime.class),
                                    rs.getObject("id", UUID.class))
                            .query(Integer.class)
                            .single();
        }
        return row(rs, position);
    }

    /** The entry on the current row, with its place among those waiting. */
    private static WaitlistEntry row(ResultSet rs, int position) throws SQLException {
        var expires = rs.getObject("offer_expires_at", java.time.OffsetDateTime.class);
        return new WaitlistEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("section_id", UUID.class),
                rs.getObject("learner_id", UUID.class),
                WaitlistStatus.valueOf(rs.getString("status")),
                rs.getInt("priority"),
                rs.getObject("joined_at", java.time.OffsetDateTime.class).toInstant(),
                expires == null ? null : expires.toInstant(),
                position);
    }
}
