package org.credo.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.credo.progress.audit.AuditResult;
import org.jspecify.annotations.Nullable;

/**
 * A learner's degree audit against a program (their own, or another in a what-if), with their grade point
 * averages.
 *
 * @param whatIf whether the audit is against another program or with planned courses (the record is unchanged)
 * @param cumulativeGpa the GPA over every graded course that counts (repeats excluded), null before any grade
 */
public record LearnerAudit(
        UUID learnerId,
        String learnerNumber,
        String learnerName,
        String programCode,
        String programName,
        int programVersion,
        boolean whatIf,
        AuditResult result,
        List<TermGpa> terms,
        @Nullable BigDecimal cumulativeGpa,
        BigDecimal creditsEarned) {

    public LearnerAudit {
        terms = List.copyOf(terms);
    }

    /** A term's grade point average and the credits it was computed over. */
    public record TermGpa(String termCode, @Nullable BigDecimal gpa, BigDecimal gpaCredits, BigDecimal earnedCredits) {}
}
