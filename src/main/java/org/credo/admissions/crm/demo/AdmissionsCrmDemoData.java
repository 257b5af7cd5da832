package org.credo.admissions.crm.demo;

import java.time.Duration;
import org.credo.admissions.crm.Campaign;
import org.credo.admissions.crm.Campaigns;
import org.credo.admissions.crm.Notes;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.Organizations;
import org.credo.platform.PageQuery;
import org.credo.platform.Role;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, gives Northfield's admissions office something to click through: a marketing campaign already sent
 * to the prospects (with its delivery log), a reminder to applicants scheduled three days ahead, and notes on a
 * prospect's timeline.
 */
@Component
@Order(50)
class AdmissionsCrmDemoData implements ApplicationRunner {

    private final CredoProperties properties;
    private final Organizations organizations;
    private final Campaigns campaigns;
    private final Notes notes;
    private final Learners learners;

    AdmissionsCrmDemoData(
            CredoProperties properties,
            Organizations organizations,
            Campaigns campaigns,
            Notes notes,
            Learners learners) {
        this.properties = properties;
        this.organizations = organizations;
        this.campaigns = campaigns;
        this.notes = notes;
        this.learners = learners;
    }

    @Override
    public void run(ApplicationArguments args) {
        var northfield = organizations.findBySlug("northfield");
        if (!properties.demo() || northfield.isEmpty()) {
            return;
        }
        var org = northfield.get().id();
        if (campaigns
                        .page(org, null, PageQuery.of(0, 1, null, Campaigns.SORTABLE, false))
                        .totalItems()
                > 0) {
            return;
        }
        var open = campaigns.create(
                org,
                new Campaigns.Draft(
                        "Open evening, January",
                        Campaign.Kind.MARKETING,
                        new Campaign.Segment(null, null, null, LearnerStatus.PROSPECT),
                        "{{preferredName}}, come to our open evening",
                        """
                        Dear {{preferredName}},

                        Meet our teachers and students at the **open evening** on the last Thursday of January, \
                        from 6 to 8 pm in the main hall.

                        Northfield College admissions"""),
                "Demo admissions officer");
        campaigns.schedule(org, open.id(), Timestamps.now());
        campaigns.send(open.id());
        campaigns.schedule(
                org,
                campaigns
                        .create(
                                org,
                                new Campaigns.Draft(
                                        "Application deadline reminder",
                                        Campaign.Kind.TRANSACTIONAL,
                                        new Campaign.Segment(null, null, null, LearnerStatus.APPLICANT),
                                        "Your application: one week left",
                                        """
                                        Dear {{preferredName}},

                                        Applications for the coming intake close in one week. Check that your \
                                        documents are complete.

                                        Northfield College admissions"""),
                                "Demo admissions officer")
                        .id(),
                Timestamps.now().plus(Duration.ofDays(3)));
        var officer = new CredoUser(
                java.util.UUID.randomUUID(),
                "admissions-officer@northfield.test",
                "Demo admissions officer",
                org,
                northfield.get().name(),
                "UTC",
                java.util.Set.of(Role.ADMISSIONS_OFFICER),
                null,
                true,
                false);
        learners.addressees(org, null, LearnerStatus.PROSPECT, 1).stream()
                .findFirst()
                .ifPresent(prospect -> {
                    notes.add(
                            officer,
                            prospect.learnerId(),
                            "Met at the city college fair; interested in the evening track.");
                    notes.add(
                            officer,
                            prospect.learnerId(),
                            "Phoned back: will come to the open evening and apply after it.");
                });
    }
}
