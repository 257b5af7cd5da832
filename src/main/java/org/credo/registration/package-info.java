/**
 * Registration: learners enrolled in the sections of a term (add, drop, swap, withdraw), the checks that stand
 * before a seat, and waitlists whose freed seats are offered in turn. Grades will belong here too.
 */
@ApplicationModule(
        displayName = "Registration",
        allowedDependencies = {"platform", "platform :: config", "scheduling", "learners", "catalog", "notifications"})
@NullMarked
package org.credo.registration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
