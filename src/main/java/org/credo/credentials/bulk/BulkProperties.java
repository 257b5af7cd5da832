package org.credo.credentials.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk issuance settings: rows per chunk (one transaction each), how often idle workers look for
 * work, and whether this node works on jobs at all.
 */
@ConfigurationProperties("credo.bulk")
record BulkProperties(
        @DefaultValue("500") int chunkSize,
        @DefaultValue("1000") long pollIntervalMillis,
        @DefaultValue("true") boolean workerEnabled) {}
