package org.credo.catalog.approval;

import java.util.List;
import java.util.UUID;

/** A named group of reviewers that a step can name instead of a role. */
public record ReviewGroup(UUID id, String name, List<Reviewer> members) {}
