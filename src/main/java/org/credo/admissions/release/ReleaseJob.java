package org.credo.admissions.release;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the releases whose scheduled time has come; a release claimed by another node is skipped. */
@Component
class ReleaseJob {

    private static final Logger log = LoggerFactory.getLogger(ReleaseJob.class);

    private final Releases releases;

    ReleaseJob(Releases releases) {
        this.releases = releases;
    }

    @Scheduled(
            initialDelayString = "${credo.admissions.release-poll:PT30S}",
            fixedDelayString = "${credo.admissions.release-poll:PT30S}")
    void runDue() {
        for (var id : releases.due()) {
            try {
                int n = releases.run(id);
                if (n > 0) {
                    log.info("Release {} published {} decisions", id, n);
                }
            } catch (RuntimeException e) {
                log.warn("Release {} failed and stays scheduled: {}", id, e.getMessage());
            }
        }
    }
}
