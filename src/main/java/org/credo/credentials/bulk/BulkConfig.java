package org.credo.credentials.bulk;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on scheduling for the bulk worker ({@link BulkProperties} is found by the application's properties scan). */
@Configuration
@EnableScheduling
class BulkConfig {}
