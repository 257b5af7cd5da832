/**
 * Learner records (one per person per organization): names, contacts, identifiers, the learner number, the program
 * of study with its catalog year and the status history; holds that block registration, transcripts, graduation or
 * credential release. Later modules ask {@link org.credo.learners.Holds} whether an action is blocked.
 */
@ApplicationModule(
        displayName = "Learners",
        allowedDependencies = {"platform", "platform :: config", "catalog"})
@NullMarked
package org.credo.learners;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
