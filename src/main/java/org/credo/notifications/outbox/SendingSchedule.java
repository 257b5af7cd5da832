package org.credo.notifications.outbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled outbox sender. */
@Configuration
@EnableScheduling
class SendingSchedule {}
