package org.credo.registration.enrollment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credo.platform.ChangeStamp;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.registration.RegistrationWindowSaved;
import org.credo.scheduling.Scheduling;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When each term's registration opens, the credit limit without an overload, and how long waitlist offers last. */
@Service
public class RegistrationWindows {

    /**
     * A term's registration window: when it opens for everyone, and earlier (or later) for a class standing with a
     * time ticket; the credit limit; how long waitlist offers last; how many attempts at one course are allowed.
     */
    public record Window(
            UUID termId,
            Instant opensAt,
            BigDecimal maxCredits,
            int offerHours,
            int maxAttempts,
            Map<ClassStanding, Instant> tickets) {}

    private final JdbcClient jdbc;
    private final Scheduling scheduling;
    private final ApplicationEventPublisher events;

    RegistrationWindows(JdbcClient jdbc, Scheduling scheduling, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scheduling = scheduling;
        this.events = events;
    }

    public Optional<Window> of(UUID organizationId, UUID termId) {
        var tickets = new EnumMap<ClassStanding, Instant>(ClassStanding.class);
        jdbc.sql("SELECT standing, opens_at FROM registration_time_ticket WHERE organization_id = ? AND term_id = ?")
                .params(organizationId, termId)
                .query(rs -> {
                    tickets.put(
                            ClassStanding.valueOf(rs.getString(1)),
                            rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
                });
        return jdbc.sql("SELECT term_id, opens_at, max_credits, offer_hours, max_attempts FROM registration_window"
                        + " WHERE organization_id = ? AND term_id = ?")
                .params(organizationId, termId)
                .query((rs, n) -> new Window(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getBigDecimal(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        Collections.unmodifiableMap(tickets)))
                .optional();
    }

    private static Map<ClassStanding, Instant> copy(Map<ClassStanding, Instant> tickets) {
        var copy = new EnumMap<ClassStanding, Instant>(ClassStanding.class);
        copy.putAll(tickets);
        return Collections.unmodifiableMap(copy);
    }

    /** Sets the term's window with three attempts at a course and no time tickets. */
    @Transactional
    public Window save(
            UUID organizationId,
            UUID termId,
            @Nullable Instant opensAt,
            @Nullable BigDecimal maxCredits,
            @Nullable Integer offerHours) {
        return save(organizationId, termId, opensAt, maxCredits, offerHours, 3, Map.of());
    }

    /**
     * Sets the term's window, each bad value named: the opening is required, the credit limit 1 to 40, offers last
     * 1 to 336 hours (two weeks), 1 to 10 attempts at one course; time tickets replace those the term had, and a
     * standing left out registers from the window's opening.
     */
    @Transactional
    public Window save(
            UUID organizationId,
            UUID termId,
            @Nullable Instant opensAt,
            @Nullable BigDecimal maxCredits,
            @Nullable Integer offerHours,
            @Nullable Integer maxAttempts,
            Map<ClassStanding, Instant> tickets) {
        var term = scheduling.term(organizationId, termId).orElseThrow(() -> ProblemException.notFound("The term"));
        if (opensAt == null) {
            throw ProblemException.invalidField("opensAt", "give the day and time registration opens.");
        }
        if (maxCredits == null || maxCredits.signum() <= 0 || maxCredits.compareTo(new BigDecimal("40")) > 0) {
            throw ProblemException.invalidField("maxCredits", "give a credit limit between 1 and 40, such as 18.");
        }
        if (offerHours == null || offerHours < 1 || offerHours > 336) {
            throw ProblemException.invalidField(
                    "offerHours", "give how many hours a waitlist offer lasts, 1 to 336 (two weeks), such as 48.");
        }
        if (maxAttempts == null || maxAttempts < 1 || maxAttempts > 10) {
            throw ProblemException.invalidField(
                    "maxAttempts", "give how many times a learner may attempt one course, 1 to 10, such as 3.");
        }
        int changed = jdbc.sql("UPDATE registration_window SET opens_at = ?, max_credits = ?, offer_hours = ?,"
                        + " max_attempts = ? WHERE organization_id = ? AND term_id = ?")
                .params(Timestamps.sql(opensAt), maxCredits, offerHours, maxAttempts, organizationId, termId)
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO registration_window (term_id, organization_id, opens_at, max_credits, offer_hours,"
                            + " max_attempts) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(termId, organizationId, Timestamps.sql(opensAt), maxCredits, offerHours, maxAttempts)
                    .update();
        }
        jdbc.sql("DELETE FROM registration_time_ticket WHERE organization_id = ? AND term_id = ?")
                .params(organizationId, termId)
                .update();
        tickets.forEach((standing, opens) -> jdbc.sql("INSERT INTO registration_time_ticket (term_id,"
                        + " organization_id, standing, opens_at) VALUES (?, ?, ?, ?)")
                .params(termId, organizationId, standing.name(), Timestamps.sql(opens))
                .update());
        events.publishEvent(new RegistrationWindowSaved(
                ChangeStamp.now(organizationId),
                termId,
                term.code(),
                opensAt,
                maxCredits,
                offerHours,
                maxAttempts,
                tickets.size()));
        return new Window(termId, opensAt, maxCredits, offerHours, maxAttempts, copy(tickets));
    }
}
