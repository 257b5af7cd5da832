package org.credo.learners.web;

import java.time.ZoneId;
import org.credo.platform.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Times on the learners pages are shown in the organization's zone. */
@ControllerAdvice(assignableTypes = {LearnerPages.class, HoldPages.class, MyRecordPage.class, SettingsPage.class})
class LearnersZone {

    @ModelAttribute("zone")
    ZoneId zone() {
        return CurrentUser.find().map(u -> u.zone()).orElse(ZoneId.of("UTC"));
    }
}
