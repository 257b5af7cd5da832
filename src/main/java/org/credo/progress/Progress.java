package org.credo.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credo.progress.record.Audits;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The progress facade for advising, transcripts and graduation: a learner's degree audit and what-ifs. */
@Service
public class Progress {

    private final Audits audits;

    Progress(Audits audits) {
        this.audits = audits;
    }

    /**
     * The learner's audit against their program at its catalog version, or against another program (what-if) by
     * code, counting planned courses as planned; empty when the learner or the program is not found.
     */
    public Optional<LearnerAudit> audit(
            UUID organizationId,
            UUID learnerId,
            @Nullable String whatIfProgram,
            List<String> plannedCourses,
            LocalDate today) {
        return audits.audit(organizationId, learnerId, whatIfProgram, plannedCourses, today);
    }
}
