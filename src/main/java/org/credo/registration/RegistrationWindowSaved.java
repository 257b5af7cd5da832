package org.credo.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** The registrar set when a term's registration opens, its credit limit and how long waitlist offers last. */
public record RegistrationWindowSaved(
        ChangeStamp stamp,
        UUID termId,
        String termCode,
        Instant opensAt,
        BigDecimal maxCredits,
        int offerHours,
        int maxAttempts,
        int timeTickets)
        implements Audited {

    @Override
    public String action() {
        return "registration.window-saved";
    }

    @Override
    public String subjectType() {
        return "Term";
    }

    @Override
    public String subjectId() {
        return termId.toString();
    }

    @Override
    public String subjectName() {
        return termCode;
    }

    @Override
    public String summary() {
        return "Registration for " + termCode + " opens " + opensAt + "; at most "
                + maxCredits.stripTrailingZeros().toPlainString() + " credits; waitlist offers last " + offerHours
                + " hours; " + maxAttempts + " attempts at a course; " + timeTickets + " time ticket"
                + (timeTickets == 1 ? "" : "s");
    }
}
