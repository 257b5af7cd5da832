package org.credo.admissions.withdrawal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.ApplicationWithdrawn;
import org.credo.admissions.review.AdmissionFile;
import org.credo.admissions.review.AdmissionFiles;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawing an application: the applicant withdraws their own (a reason is optional), the admissions office one on
 * the applicant's behalf (a reason is required). Only an application still in play can be withdrawn: a draft, one
 * submitted or in review, one whose decision is held, or a waitlisted one. An admitted applicant declines the offer
 * instead; a denied, accepted, declined or matriculated application stays as it is. The review summary changes in
 * the same transaction, so the committee view shows Withdrawn at once, and a release never takes a held decision of a
 * withdrawn application (it claims DECIDED applications only). The applicant's learner record is left as it is.
 */
@Service
public class Withdrawals {

    static final int REASON_MAX = 1000;

    private final AdmissionFiles files;
    private final ApplicationEventPublisher events;

    private final org.credo.admissions.review.Reads reads;

    Withdrawals(AdmissionFiles files, org.credo.admissions.review.Reads reads, ApplicationEventPublisher events) {
        this.reads = reads;
        this.files = files;
        this.events = events;
    }

    /** The applicant's own application; another person's (or organization's) is not found. */
    @Transactional(readOnly = true)
    public AdmissionFile own(CredoUser applicant, UUID applicationId) {
        var file = files.find(applicant.organizationId(), applicationId);
        if (!applicant.personId().equals(file.applicantPersonId())) {
            throw ProblemException.notFound("That application");
        }
        return file;
    }

    /** An application of the organization, for staff. */
    @Transactional(readOnly = true)
    public AdmissionFile find(UUID organizationId, UUID applicationId) {
        return files.find(organizationId, applicationId);
    }

    /** The applicant withdraws their own application, with an optional reason. */
    @Transactional
    public AdmissionFile byApplicant(CredoUser applicant, UUID applicationId, @Nullable String reason) {
        own(applicant, applicationId);
        return withdraw(applicant.organizationId(), applicationId, clean(reason, false), true);
    }

    /** Staff withdraw an application on the applicant's behalf; the reason is required. */
    @Transactional
    public AdmissionFile onBehalf(UUID organizationId, UUID applicationId, @Nullable String reason) {
        files.find(organizationId, applicationId);
        return withdraw(organizationId, applicationId, clean(reason, true), false);
    }

    /** Why this application cannot be withdrawn, or null when it can. */
    public static @Nullable String refusal(ApplicationStatus status) {
        if (status.withdrawable()) {
            return null;
        }
        var now = "The application is " + status.label().toLowerCase(Locale.ROOT) + "; ";
        return switch (status) {
            case ADMITTED, CONDITIONALLY_ADMITTED ->
                now + "an admitted applicant declines the offer instead of withdrawing.";
            case DENIED -> now + "a denied application cannot be withdrawn.";
            case WITHDRAWN -> now + "it was already withdrawn.";
            default -> now + "once an admission is accepted, declined or matriculated it can no longer be withdrawn.";
        };
    }

    private AdmissionFile withdraw(UUID organizationId, UUID applicationId, @Nullable String reason, boolean own) {
        var file = files.lock(organizationId, applicationId);
        var refusal = refusal(file.status());
        if (refusal != null) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Cannot be withdrawn",
                    refusal,
                    Map.of("applicationStatus", file.status().name()));
        }
        var stamp = ChangeStamp.now(organizationId);
        files.setStatus(organizationId, applicationId, ApplicationStatus.WITHDRAWN);
        var detail = (own ? "Withdrawn by the applicant" : "Withdrawn on the applicant's behalf") + " (was "
                + file.status().label().toLowerCase(Locale.ROOT) + ")" + (reason == null ? "" : ": " + reason);
        files.event(organizationId, applicationId, "WITHDRAWN", detail, stamp.actorId(), stamp.actorName());
        reads.closeOpenReads(organizationId, applicationId, "the application was withdrawn");
        events.publishEvent(new ApplicationWithdrawn(
                stamp, applicationId, file.number(), file.applicantName(), file.cycleId(), file.status(), own, reason));
        return files.find(organizationId, applicationId);
    }

    private static @Nullable String clean(@Nullable String reason, boolean required) {
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            if (required) {
                throw ProblemException.invalidField("reason", "give the reason for withdrawing the application.");
            }
            return null;
        }
        if (text.length() > REASON_MAX) {
            throw ProblemException.invalidField("reason", "keep the reason to at most " + REASON_MAX + " characters.");
        }
        return text;
    }
}
