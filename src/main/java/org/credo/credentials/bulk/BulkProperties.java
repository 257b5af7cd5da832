package org.credo.credentials.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk issuance settings: rows per chunk (one transaction each), how often idle workers look for
 * work, whether this node works on jobs at all, and how many chunks it issues side by side (while
 * one chunk waits for the database, another is signed), and how long an unconfirmed preview of
 * an upload may still be confirmed.
 */
@ConfigurationProperties("credo.bulk")
record BulkProperties(
        @DefaultValue("500") int chunkSize,
        @DefaultValue("1000") long pollIntervalMillis,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("2") int workers,
        @DefaultValue("PT24H") Duration previewValidity) {

    BulkProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("credo.bulk.workers must be at least 1, not " + workers);
        }
    }
}
