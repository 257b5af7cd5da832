package org.credo.admissions.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends campaigns when their time comes; each in its own transaction, so one failure does not hold up the rest. */
@Component
public class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);

    private final Campaigns campaigns;

    CampaignSender(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** Runs on a schedule; tests call it directly. Returns how many emails were queued. */
    @Scheduled(
            fixedDelayString = "${credo.admissions.campaign-poll-millis:30000}",
            initialDelayString = "${credo.admissions.campaign-poll-millis:30000}")
    public int sendDue() {
        int queued = 0;
        for (var id : campaigns.due()) {
            try {
                queued += campaigns.send(id);
            } catch (RuntimeException e) {
                log.warn("Campaign {} could not be sent: {}", id, e.getMessage(), e);
            }
        }
        return queued;
    }
}
