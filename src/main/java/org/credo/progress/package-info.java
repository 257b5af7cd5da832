/**
 * Progress: the degree audit of a learner against a program's requirements, with the optimal assignment of
 * courses to requirements, every course explained, what-if audits against another program, and batch audits
 * of an organization.
 */
@ApplicationModule(
        displayName = "Progress",
        allowedDependencies = {
            "platform",
            "platform :: config",
            "catalog",
            "catalog :: requirement",
            "registration",
            "learners",
            "scheduling",
            "audittrail"
        })
@NullMarked
package org.credo.progress;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
