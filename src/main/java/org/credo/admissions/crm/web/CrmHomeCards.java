package org.credo.admissions.crm.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.credo.admissions.crm.Campaign;
import org.credo.admissions.crm.Campaigns;
import org.credo.platform.CredoUser;
import org.credo.platform.HomeCard;
import org.credo.platform.HomeCard.Entry;
import org.credo.platform.HomeCard.Figure;
import org.credo.platform.HomeCard.Link;
import org.credo.platform.HomeCards;
import org.credo.platform.Role;
import org.springframework.stereotype.Component;

/** The admissions officer's recruitment card: scheduled campaigns next, and the way to the funnel and to a person. */
@Component
class CrmHomeCards implements HomeCards {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final Campaigns campaigns;

    CrmHomeCards(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<HomeCard> cards(CredoUser user) {
        if (!user.hasRole(Role.ADMISSIONS_OFFICER)) {
            return List.of();
        }
        var org = user.organizationId();
        return List.of(new HomeCard(
                Role.ADMISSIONS_OFFICER,
                "Recruitment",
                List.of(
                        new Figure(
                                "campaigns scheduled",
                                campaigns.count(org, Campaign.Status.SCHEDULED),
                                "/manage/admissions/campaigns?status=SCHEDULED"),
                        new Figure(
                                "drafts",
                                campaigns.count(org, Campaign.Status.DRAFT),
                                "/manage/admissions/campaigns?status=DRAFT"),
                        new Figure(
                                "campaigns sent",
                                campaigns.count(org, Campaign.Status.SENT),
                                "/manage/admissions/campaigns?status=SENT")),
                campaigns.scheduled(org, 5).stream()
                        .map(c -> new Entry(
                                c.name(),
                                c.sendAt() == null
                                        ? "scheduled"
                                        : "sends " + WHEN.format(c.sendAt().atZone(user.zone())),
                                "/manage/admissions/campaigns/" + c.id()))
                        .toList(),
                "No campaign is scheduled.",
                List.of(
                        new Link("Campaigns", "/manage/admissions/campaigns"),
                        new Link("New campaign", "/manage/admissions/campaigns/new"),
                        new Link("Funnel", "/manage/admissions/funnel"),
                        new Link("Find a person", "/manage/admissions/people")),
                40));
    }
}
