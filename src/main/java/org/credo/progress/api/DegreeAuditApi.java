package org.credo.progress.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.progress.LearnerAudit;
import org.credo.progress.Progress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Degree audits and what-ifs over REST: the learner's own, and any learner's for the registrar and integrators. */
@RestController
@Tag(name = "Progress", description = "Degree audits and what-if audits")
class DegreeAuditApi {

    private final Progress progress;
    private final Learners learners;

    DegreeAuditApi(Progress progress, Learners learners) {
        this.progress = progress;
        this.learners = learners;
    }

    @GetMapping("/api/v1/me/audit")
    @PreAuthorize("hasRole('LEARNER')")
    @Operation(summary = "My degree audit, or a what-if against another program or with planned courses")
    LearnerAudit mine(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String program,
            @RequestParam(required = false) @Nullable List<String> planned) {
        var learner = learners.ofPerson(user.organizationId(), user.personId())
                .orElseThrow(() -> ProblemException.notFound("A learner record for you"));
        return audit(user, learner.learnerId(), program, planned);
    }

    @GetMapping("/api/v1/audits/learners/{learnerId}")
    @PreAuthorize("hasAnyRole('REGISTRAR', 'INTEGRATOR')")
    @Operation(summary = "A learner's degree audit, or a what-if against another program or with planned courses")
    LearnerAudit learner(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable String program,
            @RequestParam(required = false) @Nullable List<String> planned) {
        return audit(user, learnerId, program, planned);
    }

    private LearnerAudit audit(
            CredoUser user, UUID learnerId, @Nullable String program, @Nullable List<String> planned) {
        return progress.audit(
                        user.organizationId(),
                        learnerId,
                        program == null || program.isBlank() ? null : program,
                        planned == null ? List.of() : planned,
                        LocalDate.now(user.zone()))
                .orElseThrow(() -> ProblemException.notFound("The learner, with a program of study"));
    }
}
