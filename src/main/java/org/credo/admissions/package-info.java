/**
 * Admissions: admission cycles per program intake, versioned application forms, applications and their documents,
 * applicant accounts, reader reviews, decisions and their release, acceptance and matriculation into a learner
 * record, and the recruitment side (prospects, campaigns, the funnel).
 */
@ApplicationModule(
        displayName = "Admissions",
        allowedDependencies = {"platform", "platform :: config", "catalog", "learners", "notifications", "documents"})
@NullMarked
package org.credo.admissions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
