package org.credo.credentials.bulk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled bulk worker and its settings. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(BulkProperties.class)
class BulkConfig {}
