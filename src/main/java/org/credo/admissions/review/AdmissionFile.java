package org.credo.admissions.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.jspecify.annotations.Nullable;

/** An application as reviews, decisions and releases see it: the applicant, the cycle and program, the status. */
public record AdmissionFile(
        UUID id,
        UUID organizationId,
        UUID cycleId,
        String cycleName,
        UUID programId,
        String programCode,
        String programName,
        UUID formId,
        String number,
        @Nullable UUID applicantPersonId,
        String applicantName,
        String applicantEmail,
        ApplicationStatus status,
        @Nullable Instant submittedAt,
        int acceptanceDays,
        @Nullable BigDecimal depositAmount,
        @Nullable String depositCurrency,
        int scaleMax) {}
