package org.credo.admissions;

import java.util.List;
import org.credo.platform.AuditedBatch;

/**
 * The decisions one release run published together, one {@link DecisionReleased} per application, in chunks, so that
 * a release of 20,000 applications is recorded in a few audit transactions (ADR 38).
 */
public record DecisionsReleased(List<DecisionReleased> decisions) implements AuditedBatch {

    @Override
    public List<DecisionReleased> changes() {
        return decisions;
    }
}
