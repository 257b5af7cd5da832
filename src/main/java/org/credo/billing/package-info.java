/**
 * Billing: a double-entry ledger per organization (chart of accounts, balanced and append-only journal entries,
 * reversals), fee schedules per term, charges and refunds from registration events, manual adjustments with a second
 * bursar's approval, payments from the cashier and a payment provider's webhook, billing holds and AR reports.
 */
@ApplicationModule(
        displayName = "Billing",
        allowedDependencies = {"platform", "platform :: config", "registration", "learners", "scheduling"})
@NullMarked
package org.credo.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
