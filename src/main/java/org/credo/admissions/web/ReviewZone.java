package org.credo.admissions.web;

import java.time.ZoneId;
import org.credo.platform.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Times on the review, decision, release and applicant decision pages are shown in the organization's zone. */
@ControllerAdvice(
        assignableTypes = {
            ReviewPages.class,
            CommitteePage.class,
            DecisionPages.class,
            ReleasePages.class,
            MyDecisionPage.class
        })
class ReviewZone {

    @ModelAttribute("zone")
    ZoneId zone() {
        return CurrentUser.find().map(u -> u.zone()).orElse(ZoneId.of("UTC"));
    }
}
