package org.credo.registration.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.learners.Learners;
import org.credo.learners.Learners.LearnerSummary;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.registration.LearnerDropped;
import org.credo.registration.LearnerRegistered;
import org.credo.registration.LearnerWithdrew;
import org.credo.scheduling.Scheduling;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds, drops, swaps and withdrawals (ADR 46). Every one is idempotent: adding a section one is enrolled in, or
 * dropping one already dropped, answers with the enrollment as it is and changes nothing. The seat is taken under
 * the section's seat row, in the same transaction as the enrollment, so a section is never over capacity and a
 * learner never enrolled twice, however many requests race on however many nodes.
 */
@Service
public class Enrollments {

    /** Who asks, and whether they may set overridable refusals aside (with a reason). */
    public record Actor(@Nullable UUID personId, String name, boolean mayOverride) {}

    private final JdbcClient jdbc;
    private final Seats seats;
    private final RegistrationChecks checks;
    private final Scheduling scheduling;
    private final Learners learners;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Waitlists waitlists;
    private final OrganizationZones zones;
    private final Permissions permissions;

    Enrollments(
            JdbcClient jdbc,
            Seats seats,
            RegistrationChecks checks,
            Scheduling scheduling,
            Learners learners,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Waitlists waitlists,
            OrganizationZones zones,
            Permissions permissions) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.seats = seats;
        this.checks = checks;
        this.scheduling = scheduling;
        this.learners = learners;
        this.events = events;
        this.transactions = transactions;
        this.waitlists = waitlists;
        this.zones = zones;
    }

    /** The learner's enrollments in a term (every status), by course. */
    public List<Enrollment> ofLearner(UUID organizationId, UUID learnerId, UUID termId) {
        return jdbc.sql("SELECT * FROM enrollment WHERE organization_id = ? AND learner_id = ? AND term_id = ?"
                        + " ORDER BY course_code")
                .params(organizationId, learnerId, termId)
                .query(Enrollments::enrollment)
                .list();
    }

    /** The sort fields of a section's enrollment list; the first is the default. */
    public static final List<String> SORTABLE = List.of("registered", "course", "status");

    /** A page of a section's enrollments, optionally of one status, with the learner's name. */
    public org.credo.platform.PageResult<Enrollment> ofSection(
            UUID organizationId,
            UUID sectionId,
            @Nullable EnrollmentStatus status,
            org.credo.platform.PageQuery query) {
        var where = " WHERE organization_id = ? AND section_id = ?" + (status == null ? "" : " AND status = ?");
        var params = new ArrayList<Object>(List.of(organizationId, sectionId));
        if (status != null) {
            params.add(status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM enrollment" + where)
                .params(params)
                .query(Long.class)
                .single();
        var order =
                query.orderBy(Map.of("registered", "registered_at", "course", "course_code", "status", "status"), "id");
        var items = jdbc.sql("SELECT * FROM enrollment" + where + " ORDER BY " + order + " LIMIT " + query.size()
                        + " OFFSET " + query.offset())
                .params(params)
                .query(Enrollments::enrollment)
                .list();
        return org.credo.platform.PageResult.of(items, query, total);
    }

    /** The sections the learner is enrolled in now, in every term. */
    public List<SectionRecord> enrolledEverywhere(UUID organizationId, UUID learnerId) {
        var ids = jdbc.sql("SELECT section_id FROM enrollment WHERE organization_id = ? AND learner_id = ?"
                        + " AND status = 'ENROLLED'")
                .params(organizationId, learnerId)
                .query(UUID.class)
                .list();
        var sections = new ArrayList<SectionRecord>();
        ids.forEach(id -> scheduling.section(organizationId, id).ifPresent(sections::add));
        return sections;
    }

    /** The learner's enrollment in a section, whatever its status. */
    public Optional<Enrollment> find(UUID organizationId, UUID learnerId, UUID sectionId) {
        return jdbc.sql("SELECT * FROM enrollment WHERE organization_id = ? AND learner_id = ? AND section_id = ?")
                .params(organizationId, learnerId, sectionId)
                .query(Enrollments::enrollment)
                .optional();
    }

    /** When registration opens for a learner in a term: their class standing, credits earned, and the moment. */
    public record Opening(ClassStanding standing, java.math.BigDecimal earned, Instant opensAt, boolean byTicket) {}

    /** When registration opens for the learner in the term, if the term has a window. */
    public Optional<Opening> opening(UUID organizationId, UUID learnerId, UUID termId) {
        var taken = history(organizationId, learnerId, termId).taken();
        var standing = RegistrationChecks.standing(taken);
        return checks.window(termId)
                .map(w -> new Opening(
                        standing,
                        RegistrationChecks.earned(taken),
                        w.opensFor(standing),
                        w.tickets().containsKey(standing)));
    }

    /** What would refuse the learner a seat in the section now (empty: they may register). */
    public List<Refusal> refusals(UUID organizationId, UUID learnerId, UUID sectionId, @Nullable UUID leaving) {
        var learner = learner(organizationId, learnerId);
        var section = section(organizationId, sectionId);
        return refusals(organizationId, learner, section, leaving);
    }

    /**
     * What would refuse the learner each of the term's sections now, by section id: the learner, their term's
     * sections and their history read once for all (a search shows this before anyone adds).
     */
    public Map<UUID, List<Refusal>> refusalsEach(
            UUID organizationId, UUID learnerId, UUID termId, List<SectionRecord> found) {
        var learner = learner(organizationId, learnerId);
        var history = history(organizationId, learnerId, termId);
        var enrolled = enrolledSections(organizationId, learnerId, termId);
        var now = Instant.now();
        var zone = zone(organizationId);
        var out = new java.util.LinkedHashMap<UUID, List<Refusal>>();
        for (var section : found) {
            out.put(
                    section.sectionId(),
                    checks.refusals(
                            organizationId,
                            learner,
                            section,
                            zone,
                            now,
                            enrolled,
                            history.taken(),
                            history.attempts(),
                            null));
        }
        return out;
    }

    private List<Refusal> refusals(
            UUID organizationId, LearnerSummary learner, SectionRecord section, @Nullable UUID leaving) {
        var history = history(organizationId, learner.learnerId(), section.termId());
        return checks.refusals(
                organizationId,
                learner,
                section,
                zone(organizationId),
                Instant.now(),
                enrolledSections(organizationId, learner.learnerId(), section.termId()),
                history.taken(),
                history.attempts(),
                leaving);
    }

    /**
     * Enrolls the learner in the section, or answers with the enrollment they already have there.
     *
     * @param overrideReason set by a registrar or instructor to set aside overridable refusals
     * @throws ProblemException 422 listing every refusal and how to resolve it; 409 when the section is full
     */
    public Enrollment add(
            UUID organizationId, UUID learnerId, UUID sectionId, Actor actor, @Nullable String overrideReason) {
        var learner = learner(organizationId, learnerId);
        var section = section(organizationId, sectionId);
        var existing = find(organizationId, learnerId, sectionId);
        if (existing.isPresent() && existing.get().status() == EnrollmentStatus.ENROLLED) {
            return existing.get();
        }
        var offer = waitlists.openOffer(organizationId, learnerId, sectionId);
        var refusals = refusals(organizationId, learner, section, null);
        // A learner with a permission from the instructor or the registrar adds as if they had overridden.
        var permission = !refusals.isEmpty() && !actor.mayOverride()
                ? permissions.usable(organizationId, learnerId, sectionId)
                : Optional.<String>empty();
        var reason = permission.orElse(overrideReason);
        boolean overriding = refuseUnlessOverridden(
                refusals, permission.isPresent() ? new Actor(actor.personId(), actor.name(), true) : actor, reason);
        // A permission for a closed section lets the learner in while seats remain; never past its capacity.
        boolean evenIfClosed = overriding && section.status() == org.credo.scheduling.SectionStatus.CLOSED;
        try {
            return transactions.execute(tx -> {
                var seat = offer.isPresent() && waitlists.claimOffer(offer.get(), sectionId)
                        ? Optional.of("")
                        : seats.take(organizationId, section, evenIfClosed, learner.programCode());
                if (seat.isEmpty()) {
                    throw full(section, seats.count(sectionId).orElseThrow());
                }
                var enrollment = enroll(organizationId, learner, section, actor, reason, seat.get());
                if (permission.isPresent()) {
                    permissions.use(learnerId, sectionId);
                }
                waitlists.enrolledElsewhere(learnerId, sectionId);
                return enrollment;
            });
        } catch (DuplicateKeyException raced) {
            // The same learner's other request enrolled them first; this one's seat went back with its rollback.
            return find(organizationId, learnerId, sectionId).orElseThrow();
        }
    }

    /**
     * Drops the section by its drop date (no record kept but the history), or withdraws with a W after it, until the
     * last day to withdraw; an enrollment already dropped or withdrawn is answered as it is.
     */
    public Enrollment drop(UUID organizationId, UUID learnerId, UUID sectionId, Actor actor) {
        var learner = learner(organizationId, learnerId);
        var section = section(organizationId, sectionId);
        var enrollment = find(organizationId, learnerId, sectionId)
                .orElseThrow(() -> ProblemException.notFound("An enrollment in this section"));
        if (enrollment.status() != EnrollmentStatus.ENROLLED) {
            return enrollment;
        }
        var today = LocalDate.now(zone(organizationId));
        var part = scheduling
                .part(organizationId, section.termId(), section.part())
                .orElseThrow();
        boolean withdraw = today.isAfter(part.lastDrop());
        if (withdraw && today.isAfter(part.lastWithdraw()) && !actor.mayOverride()) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Too late to withdraw",
                    "The last day to withdraw from " + section.courseCode() + "-" + section.sectionNumber() + " was "
                            + part.lastWithdraw() + "; ask the registrar for a late withdrawal.",
                    Map.of("lastWithdraw", part.lastWithdraw().toString()));
        }
        var dropped = transactions.execute(tx -> leave(organizationId, learner, section, actor, withdraw, today));
        if (!today.isAfter(part.lastAdd())) {
            waitlists.offerFreedSeats(organizationId, section);
        }
        return dropped;
    }

    /**
     * Adds one section and drops another in one step: the drop happens only if the add succeeds, and the add is
     * checked as if the dropped section were already gone.
     */
    public Enrollment swap(
            UUID organizationId,
            UUID learnerId,
            UUID dropSectionId,
            UUID addSectionId,
            Actor actor,
            @Nullable String overrideReason) {
        var learner = learner(organizationId, learnerId);
        var dropping = section(organizationId, dropSectionId);
        var adding = section(organizationId, addSectionId);
        var current = find(organizationId, learnerId, dropSectionId)
                .filter(e -> e.status() == EnrollmentStatus.ENROLLED)
                .orElseThrow(() ->
                        ProblemException.invalidField("dropSectionId", "you are not enrolled in the section to drop."));
        var already = find(organizationId, learnerId, addSectionId);
        if (already.isPresent() && already.get().status() == EnrollmentStatus.ENROLLED) {
            return already.get();
        }
        refuseUnlessOverridden(refusals(organizationId, learner, adding, dropSectionId), actor, overrideReason);
        seats.ensure(organizationId, adding);
        var today = LocalDate.now(zone(organizationId));
        try {
            var added = transactions.execute(tx -> {
                // Both seat rows locked in one order (by id), so two opposite swaps cannot deadlock.
                var first = dropSectionId.compareTo(addSectionId) < 0 ? dropSectionId : addSectionId;
                var second = first.equals(dropSectionId) ? addSectionId : dropSectionId;
                seats.lock(first);
                seats.lock(second);
                var seat = seats.take(organizationId, adding, false, learner.programCode());
                if (seat.isEmpty()) {
                    throw full(adding, seats.count(addSectionId).orElseThrow());
                }
                var enrollment = enroll(organizationId, learner, adding, actor, overrideReason, seat.get());
                leave(organizationId, learner, dropping, actor, false, today);
                return enrollment;
            });
            waitlists.offerFreedSeats(organizationId, dropping);
            return added;
        } catch (DuplicateKeyException raced) {
            return find(organizationId, learnerId, addSectionId).orElse(current);
        }
    }

    /**
     * Sets how the section's waitlist moves: with {@code autoEnroll} a freed seat goes at once to the next eligible
     * learner waiting (no offer), and with {@code majorsFirst} learners who major in a program the section is meant
     * for are put ahead of others when they join.
     */
    public void waitlistSettings(
            UUID organizationId, SectionRecord section, boolean autoEnroll, boolean majorsFirst, Actor actor) {
        transactions.executeWithoutResult(tx -> {
            seats.ensure(organizationId, section);
            seats.lock(section.sectionId());
            seats.settings(section.sectionId(), autoEnroll, majorsFirst);
            events.publishEvent(new org.credo.registration.WaitlistSettingsChanged(
                    ChangeStamp.by(organizationId, actor.personId(), actor.name()),
                    section.sectionId(),
                    section.termCode(),
                    section.courseCode(),
                    section.sectionNumber(),
                    autoEnroll,
                    majorsFirst));
        });
        waitlists.offerFreedSeats(organizationId, section);
    }

    /**
     * Enrolls the next learners waiting, in order, into seats freed in a section with automatic enrollment; a learner
     * whom a check now refuses (a new hold, a time conflict, the credit limit) is passed over and keeps their place.
     * Runs in the transaction that found the seats free, under the section's seat row.
     */
    @org.springframework.context.event.EventListener
    void on(FreedSeats freed) {
        var organizationId = freed.organizationId();
        var section = scheduling.section(organizationId, freed.sectionId()).orElse(null);
        if (section == null) {
            return;
        }
        var waiting = jdbc.sql("SELECT learner_id FROM waitlist_entry WHERE section_id = ? AND status = 'WAITING'"
                        + " ORDER BY priority, joined_at, id LIMIT 50")
                .param(section.sectionId())
                .query(UUID.class)
                .list();
        var actor = new Actor(null, "Waitlist (automatic enrollment)", false);
        for (var learnerId : waiting) {
            var count = seats.lock(section.sectionId());
            if (count.available() + count.reservedFree() == 0) {
                return;
            }
            var learner = learners.find(organizationId, learnerId).orElse(null);
            if (learner == null
                    || !refusals(organizationId, learner, section, null).isEmpty()
                    || find(organizationId, learnerId, section.sectionId())
                            .filter(e -> e.status() == EnrollmentStatus.ENROLLED)
                            .isPresent()) {
                continue;
            }
            var seat = seats.take(organizationId, section, false, learner.programCode());
            if (seat.isEmpty()) {
                // The seats left are reserved for a program this learner is not in; the next one may be.
                continue;
            }
            waitlists.enrolledElsewhere(learnerId, section.sectionId());
            enroll(organizationId, learner, section, actor, null, seat.get());
            waitlists.announceEnrolled(organizationId, section, learnerId);
        }
    }

    /**
     * A cancelled section drops everyone enrolled in it, each drop an event billing refunds in full (the section
     * never ran), and closes its waitlist. In the cancelling transaction, so nobody is left in a cancelled section.
     */
    @org.springframework.context.event.EventListener
    void on(org.credo.scheduling.SectionCancelled cancelled) {
        var organizationId = cancelled.stamp().organizationId();
        var section = scheduling.section(organizationId, cancelled.sectionId()).orElse(null);
        if (section == null) {
            return;
        }
        var actor = new Actor(cancelled.stamp().actorId(), cancelled.stamp().actorName(), true);
        var today = LocalDate.now(zone(organizationId));
        var enrolled = jdbc.sql("SELECT learner_id FROM enrollment WHERE section_id = ? AND status = 'ENROLLED'")
                .param(section.sectionId())
                .query(UUID.class)
                .list();
        for (var learnerId : enrolled) {
            learners.find(organizationId, learnerId)
                    .ifPresent(learner -> leave(organizationId, learner, section, actor, false, today));
        }
        waitlists.closeFor(section.sectionId());
    }

    private Enrollment enroll(
            UUID organizationId,
            LearnerSummary learner,
            SectionRecord section,
            Actor actor,
            @Nullable String overrideReason,
            String reservedFor) {
        var now = Timestamps.now();
        var reservation = reservedFor.isEmpty() ? null : reservedFor;
        var id = find(organizationId, learner.learnerId(), section.sectionId())
                .map(Enrollment::id)
                .orElse(null);
        if (id == null) {
            id = UUID.randomUUID();
            jdbc.sql("INSERT INTO enrollment (id, organization_id, section_id, term_id, learner_id, course_code,"
                            + " credits, status, override_reason, registered_at, changed_at, changed_by_name,"
                            + " reserved_for) VALUES (?, ?, ?, ?, ?, ?, ?, 'ENROLLED', ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            organizationId,
                            section.sectionId(),
                            section.termId(),
                            learner.learnerId(),
                            section.courseCode(),
                            section.credits(),
                            overrideReason,
                            Timestamps.sql(now),
                            Timestamps.sql(now),
                            actor.name(),
                            reservation)
                    .update();
        } else {
            int changed = jdbc.sql("UPDATE enrollment SET status = 'ENROLLED', grade = NULL, override_reason = ?,"
                            + " registered_at = ?, changed_at = ?, changed_by_name = ?, reserved_for = ? WHERE id = ?"
                            + " AND status <> 'ENROLLED'")
                    .params(overrideReason, Timestamps.sql(now), Timestamps.sql(now), actor.name(), reservation, id)
                    .update();
            if (changed == 0) {
                throw new DuplicateKeyException("enrolled by another request");
            }
        }
        events.publishEvent(new LearnerRegistered(
                ChangeStamp.by(organizationId, actor.personId(), actor.name()),
                id,
                learner.learnerId(),
                learner.name(),
                section.sectionId(),
                section.termId(),
                section.termCode(),
                section.courseCode(),
                section.sectionNumber(),
                section.credits(),
                LocalDate.now(zone(organizationId))));
        // The row as written, without reading it back.
        return new Enrollment(
                id,
                section.sectionId(),
                section.termId(),
                learner.learnerId(),
                section.courseCode(),
                section.credits(),
                EnrollmentStatus.ENROLLED,
                null,
                overrideReason,
                now,
                now);
    }

    private Enrollment leave(
            UUID organizationId,
            LearnerSummary learner,
            SectionRecord section,
            Actor actor,
            boolean withdraw,
            LocalDate today) {
        seats.lock(section.sectionId());
        var reservedFor = jdbc.sql("SELECT reserved_for FROM enrollment WHERE organization_id = ? AND learner_id = ?"
                        + " AND section_id = ?")
                .params(organizationId, learner.learnerId(), section.sectionId())
                .query(String.class)
                .optional()
                .orElse(null);
        var status = withdraw ? EnrollmentStatus.WITHDRAWN : EnrollmentStatus.DROPPED;
        var now = Timestamps.sql(Timestamps.now());
        int changed = jdbc.sql("UPDATE enrollment SET status = ?, grade = ?, changed_at = ?, changed_by_name = ?"
                        + " WHERE organization_id = ? AND learner_id = ? AND section_id = ? AND status = 'ENROLLED'")
                .params(
                        status.name(),
                        withdraw ? "W" : null,
                        now,
                        actor.name(),
                        organizationId,
                        learner.learnerId(),
                        section.sectionId())
                .update();
        var enrollment =
                find(organizationId, learner.learnerId(), section.sectionId()).orElseThrow();
        if (changed == 0) {
            return enrollment;
        }
        seats.free(section.sectionId(), reservedFor);
        var stamp = ChangeStamp.by(organizationId, actor.personId(), actor.name());
        events.publishEvent(
                withdraw
                        ? new LearnerWithdrew(
                                stamp,
                                enrollment.id(),
                                learner.learnerId(),
                                learner.name(),
                                section.sectionId(),
                                section.termId(),
                                section.termCode(),
                                section.courseCode(),
                                section.sectionNumber(),
                                section.credits(),
                                today)
                        : new LearnerDropped(
                                stamp,
                                enrollment.id(),
                                learner.learnerId(),
                                learner.name(),
                                section.sectionId(),
                                section.termId(),
                                section.termCode(),
                                section.courseCode(),
                                section.sectionNumber(),
                                section.credits(),
                                today));
        return enrollment;
    }

    /** Throws the refusals that stand; answers whether a permission set any aside. */
    private static boolean refuseUnlessOverridden(
            List<Refusal> refusals, Actor actor, @Nullable String overrideReason) {
        boolean overriding = actor.mayOverride() && overrideReason != null && !overrideReason.isBlank();
        var standing =
                refusals.stream().filter(r -> !(overriding && r.overridable())).toList();
        if (standing.isEmpty()) {
            return overriding && !refusals.isEmpty();
        }
        throw new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Registration refused",
                String.join(" ", standing.stream().map(Refusal::message).toList()),
                Map.of(
                        "refusals",
                        standing.stream()
                                .map(r -> Map.of(
                                        "code", r.code(),
                                        "message", r.message(),
                                        "resolution", r.resolution(),
                                        "overridable", r.overridable()))
                                .toList()));
    }

    private static ProblemException full(SectionRecord section, Seats.Count count) {
        var name = section.courseCode() + "-" + section.sectionNumber();
        var waitlist = count.waitlisted() < count.waitlistCapacity()
                ? " Join its waitlist (" + count.waitlisted() + " waiting) to be offered the next seat."
                : " Its waitlist is full too; choose another section.";
        return new ProblemException(
                HttpStatus.CONFLICT,
                "Section full",
                name + " has no seat left." + waitlist,
                Map.of("waitlisted", count.waitlisted(), "waitlistCapacity", count.waitlistCapacity()));
    }

    List<SectionRecord> enrolledSections(UUID organizationId, UUID learnerId, UUID termId) {
        var ids = jdbc.sql("SELECT section_id FROM enrollment WHERE organization_id = ? AND learner_id = ?"
                        + " AND term_id = ? AND status = 'ENROLLED'")
                .params(organizationId, learnerId, termId)
                .query(UUID.class)
                .list();
        var sections = new ArrayList<SectionRecord>();
        for (var id : ids) {
            scheduling.section(organizationId, id).ifPresent(sections::add);
        }
        return sections;
    }

    /**
     * What the learner did in other terms: the courses taken (graded, or still without a grade: in progress; W
     * excluded) and the attempts at each course (withdrawals included).
     */
    record History(List<Catalog.TakenCourse> taken, Map<String, Integer> attempts) {}

    History history(UUID organizationId, UUID learnerId, UUID termId) {
        var taken = new ArrayList<Catalog.TakenCourse>();
        var attempts = new java.util.HashMap<String, Integer>();
        jdbc.sql("SELECT course_code, grade, credits, status FROM enrollment WHERE organization_id = ?"
                        + " AND learner_id = ? AND term_id <> ? AND status IN ('ENROLLED', 'WITHDRAWN')")
                .params(organizationId, learnerId, termId)
                .query(rs -> {
                    attempts.merge(rs.getString(1), 1, Integer::sum);
                    if ("ENROLLED".equals(rs.getString(4))) {
                        taken.add(new Catalog.TakenCourse(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
                    }
                });
        return new History(taken, attempts);
    }

    LearnerSummary learner(UUID organizationId, UUID learnerId) {
        return learners.find(organizationId, learnerId).orElseThrow(() -> ProblemException.notFound("The learner"));
    }

    /** The section, or a 404 naming it. */
    public SectionRecord sectionOf(UUID organizationId, UUID sectionId) {
        return section(organizationId, sectionId);
    }

    SectionRecord section(UUID organizationId, UUID sectionId) {
        return scheduling
                .section(organizationId, sectionId)
                .orElseThrow(() -> ProblemException.notFound("The section"));
    }

    ZoneId zone(UUID organizationId) {
        return zones.of(organizationId);
    }

    static Enrollment enrollment(ResultSet rs, int n) throws SQLException {
        return new Enrollment(
                rs.getObject("id", UUID.class),
                rs.getObject("section_id", UUID.class),
                rs.getObject("term_id", UUID.class),
                rs.getObject("learner_id", UUID.class),
                rs.getString("course_code"),
                rs.getBigDecimal("credits"),
                EnrollmentStatus.valueOf(rs.getString("status")),
                rs.getString("grade"),
                rs.getString("override_reason"),
                rs.getObject("registered_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("changed_at", java.time.OffsetDateTime.class).toInstant());
    }
}
