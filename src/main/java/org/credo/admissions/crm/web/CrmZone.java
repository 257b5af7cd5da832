package org.credo.admissions.crm.web;

import java.time.ZoneId;
import org.credo.platform.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Times on the CRM pages are shown in the organization's zone. */
@ControllerAdvice(assignableTypes = {CampaignPages.class, PeoplePages.class, FunnelPage.class})
class CrmZone {

    @ModelAttribute("zone")
    ZoneId zone() {
        return CurrentUser.find().map(u -> u.zone()).orElse(ZoneId.of("UTC"));
    }
}
