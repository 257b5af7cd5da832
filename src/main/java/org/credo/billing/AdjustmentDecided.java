package org.credo.billing;

import java.math.BigDecimal;
import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A bursar asked for, approved or rejected a manual charge or credit adjustment on a learner's account. */
public record AdjustmentDecided(
        ChangeStamp stamp,
        UUID adjustmentId,
        UUID learnerId,
        String kind,
        BigDecimal amount,
        String status,
        String reason)
        implements Audited {

    @Override
    public String action() {
        return "billing.adjustment-" + status.toLowerCase();
    }

    @Override
    public String subjectType() {
        return "BillingAdjustment";
    }

    @Override
    public String subjectId() {
        return adjustmentId.toString();
    }

    @Override
    public String summary() {
        return "Manual " + kind.toLowerCase() + " of " + amount.toPlainString() + " " + status.toLowerCase() + ": "
                + reason;
    }
}
