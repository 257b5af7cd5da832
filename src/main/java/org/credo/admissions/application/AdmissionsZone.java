package org.credo.admissions.application;

import java.time.ZoneId;
import org.credo.platform.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Times on the admissions pages are shown in the organization's zone. */
@ControllerAdvice(basePackages = "org.credo.admissions")
class AdmissionsZone {

    @ModelAttribute("zone")
    ZoneId zone() {
        return CurrentUser.find().map(u -> u.zone()).orElse(ZoneId.of("UTC"));
    }
}
