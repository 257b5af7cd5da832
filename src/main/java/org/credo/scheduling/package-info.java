/**
 * Scheduling: terms and their parts with the dates registration and billing use, holidays, buildings and rooms,
 * instructors' availability and load limits, and sections of catalog courses with their meetings, checked for
 * conflicts. Later modules ask {@link org.credo.scheduling.Scheduling} for terms, dates and sections, and listen to
 * its events.
 */
@ApplicationModule(
        displayName = "Scheduling",
        allowedDependencies = {"platform", "platform :: config", "catalog"})
@NullMarked
package org.credo.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
