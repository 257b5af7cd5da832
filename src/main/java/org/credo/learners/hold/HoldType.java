package org.credo.learners.hold;

import java.util.Set;
import java.util.UUID;
import org.credo.learners.HoldAction;
import org.credo.platform.Role;

/** A kind of hold an office places: what it blocks, which office owns it, and what the learner must do. */
public record HoldType(
        UUID id, String name, Set<HoldAction> blocks, Role office, String instructions, boolean active) {}
