package org.credo.registration.enrollment;

import java.math.BigDecimal;
import java.time.Instant;
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

    /** A term's registration window. */
    public record Window(UUID termId, Instant opensAt, BigDecimal maxCredits, int offerHours) {}

    private final JdbcClient jdbc;
    private final Scheduling scheduling;
    private final ApplicationEventPublisher events;

    RegistrationWindows(JdbcClient jdbc, Scheduling scheduling, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scheduling = scheduling;
        this.events = events;
    }

    public Optional<Window> of(UUID organizationId, UUID termId) {
        return jdbc.sql("SELECT term_id, opens_at, max_credits, offer_hours FROM registration_window"
                        + " WHERE organization_id = ? AND term_id = ?")
                .params(organizationId, termId)
                .query((rs, n) -> new Window(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getBigDecimal(3),
                        rs.getInt(4)))
                .optional();
    }

    /**
     * Sets the term's window, each bad value named: the opening is required, the credit limit 1 to 40, offers last
     * 1 to 336 hours (two weeks).
     */
    @Transactional
    public Window save(
            UUID organizationId,
            UUID termId,
            @Nullable Instant opensAt,
            @Nullable BigDecimal maxCredits,
            @Nullable Integer offerHours) {
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
        int changed = jdbc.sql("UPDATE registration_window SET opens_at = ?, max_credits = ?, offer_hours = ?"
                        + " WHERE organization_id = ? AND term_id = ?")
                .params(Timestamps.sql(opensAt), maxCredits, offerHours, organizationId, termId)
                .update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO registration_window (term_id, organization_id, opens_at, max_credits, offer_hours)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(termId, organizationId, Timestamps.sql(opensAt), maxCredits, offerHours)
                    .update();
        }
        events.publishEvent(new RegistrationWindowSaved(
                ChangeStamp.now(organizationId), termId, term.code(), opensAt, maxCredits, offerHours));
        return new Window(termId, opensAt, maxCredits, offerHours);
    }
}
