package org.credo.admissions.acceptance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationAccepted;
import org.credo.admissions.ApplicationDeclined;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.LearnerMatriculated;
import org.credo.admissions.application.PersonName;
import org.credo.admissions.decision.Decisions;
import org.credo.admissions.review.AdmissionFile;
import org.credo.admissions.review.AdmissionFiles;
import org.credo.learners.Learners;
import org.credo.platform.ChangeStamp;
import org.credo.platform.CredoUser;
import org.credo.platform.MembershipRoles;
import org.credo.platform.ProblemException;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admitted applicant's answer to the offer, by the deadline (the cycle's acceptance days after release).
 * Accepting records the deposit owed (if the cycle asks for one; billing collects it later), then matriculates: the
 * applicant's learner record becomes ACTIVE in the program version in force, and their account gains the LEARNER
 * role.
 */
@Service
public class Acceptances {

    /** What the applicant's decision page shows. */
    public record Offer(
            AdmissionFile application,
            Decisions.Decision decision,
            boolean open,
            @Nullable BigDecimal depositOwed) {}

    private final AdmissionFiles files;
    private final Decisions decisions;
    private final Learners learners;
    private final MembershipRoles roles;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Acceptances(
            AdmissionFiles files,
            Decisions decisions,
            Learners learners,
            MembershipRoles roles,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.files = files;
        this.decisions = decisions;
        this.learners = learners;
        this.roles = roles;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The applicant's own released decision; another person's application, or one not released yet, is not found. */
    @Transactional(readOnly = true)
    public Offer offer(CredoUser applicant, UUID applicationId) {
        var file = own(applicant, applicationId);
        var decision = decisions
                .find(applicant.organizationId(), applicationId)
                .filter(d -> d.releasedAt() != null)
                .orElseThrow(() -> ProblemException.notFound("A released decision on this application"));
        boolean open = file.status().admits()
                && decision.respondBy() != null
                && Timestamps.now().isBefore(decision.respondBy());
        var deposit = jdbc.sql("SELECT amount FROM admission_deposit WHERE application_id = ?")
                .param(applicationId)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        return new Offer(file, decision, open, deposit);
    }

    /** Accepts the offer and matriculates the applicant; refused after the deadline or when not admitted. */
    @Transactional
    public Offer accept(CredoUser applicant, UUID applicationId) {
        var org = applicant.organizationId();
        var file = answerable(applicant, applicationId);
        var stamp = ChangeStamp.now(org);
        respond(file, "ACCEPTED");
        files.setStatus(org, file.id(), ApplicationStatus.ACCEPTED);
        files.event(org, file.id(), "ACCEPTED", null, stamp.actorId(), stamp.actorName());
        if (file.depositAmount() != null && file.depositAmount().signum() > 0) {
            jdbc.sql("INSERT INTO admission_deposit (application_id, organization_id, person_id, amount, currency,"
                            + " status, created_at) VALUES (?, ?, ?, ?, ?, 'OWED', ?)")
                    .params(
                            file.id(),
                            org,
                            applicant.personId(),
                            file.depositAmount(),
                            file.depositCurrency() == null ? "USD" : file.depositCurrency(),
                            Timestamps.sql(stamp.occurredAt()))
                    .update();
        }
        events.publishEvent(
                new ApplicationAccepted(stamp, file.id(), file.number(), file.applicantName(), file.cycleId()));
        matriculate(applicant, file);
        return offer(applicant, applicationId);
    }

    /** Declines the offer; refused after the deadline or when not admitted. */
    @Transactional
    public Offer decline(CredoUser applicant, UUID applicationId) {
        var org = applicant.organizationId();
        var file = answerable(applicant, applicationId);
        var stamp = ChangeStamp.now(org);
        respond(file, "DECLINED");
        files.setStatus(org, file.id(), ApplicationStatus.DECLINED);
        files.event(org, file.id(), "DECLINED", null, stamp.actorId(), stamp.actorName());
        events.publishEvent(
                new ApplicationDeclined(stamp, file.id(), file.number(), file.applicantName(), file.cycleId()));
        return offer(applicant, applicationId);
    }

    private void matriculate(CredoUser applicant, AdmissionFile file) {
        var org = applicant.organizationId();
        var name = PersonName.of(file.applicantName());
        var day = LocalDate.now(ZoneId.of(applicant.zone().getId()));
        var learner = learners.matriculate(
                org,
                applicant.personId(),
                file.applicantEmail(),
                name.given(),
                name.family(),
                file.programId(),
                day,
                "Matriculated from application " + file.number());
        roles.grant(org, applicant.personId(), Role.LEARNER);
        jdbc.sql("UPDATE application SET learner_id = ? WHERE id = ? AND organization_id = ?")
                .params(learner.learnerId(), file.id(), org)
                .update();
        files.setStatus(org, file.id(), ApplicationStatus.MATRICULATED);
        var stamp = ChangeStamp.now(org);
        files.event(
                org,
                file.id(),
                "MATRICULATED",
                "Learner " + learner.learnerNumber(),
                stamp.actorId(),
                stamp.actorName());
        events.publishEvent(new LearnerMatriculated(
                stamp,
                file.id(),
                file.number(),
                file.applicantName(),
                learner.learnerId(),
                learner.learnerNumber(),
                learner.programCode() == null ? file.programCode() : learner.programCode(),
                learner.catalogYear() == null ? "" : learner.catalogYear()));
    }

    private void respond(AdmissionFile file, String response) {
        jdbc.sql("UPDATE admission_decision SET response = ?, responded_at = ? WHERE application_id = ?"
                        + " AND response IS NULL")
                .params(response, Timestamps.sql(Timestamps.now()), file.id())
                .update();
    }

    private AdmissionFile answerable(CredoUser applicant, UUID applicationId) {
        own(applicant, applicationId);
        var file = files.lock(applicant.organizationId(), applicationId);
        var decision = decisions
                .find(applicant.organizationId(), applicationId)
                .filter(d -> d.releasedAt() != null)
                .orElseThrow(() -> ProblemException.notFound("A released decision on this application"));
        if (!file.status().admits()) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "No offer to answer",
                    "Your application is " + file.status().label().toLowerCase(Locale.ROOT)
                            + "; only an admission can be accepted or declined, once.",
                    Map.of("status", file.status().name()));
        }
        if (decision.respondBy() == null || !Timestamps.now().isBefore(decision.respondBy())) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "Deadline passed",
                    "The offer had to be answered by "
                            + (decision.respondBy() == null
                                    ? "its deadline"
                                    : java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH)
                                            .format(decision.respondBy().atZone(applicant.zone())))
                            + "; contact the admissions office if you still wish to join.",
                    Map.of("respondBy", String.valueOf(decision.respondBy())));
        }
        return file;
    }

    private AdmissionFile own(CredoUser applicant, UUID applicationId) {
        var file = files.find(applicant.organizationId(), applicationId);
        if (!applicant.personId().equals(file.applicantPersonId())) {
            throw ProblemException.notFound("That application");
        }
        return file;
    }
}
