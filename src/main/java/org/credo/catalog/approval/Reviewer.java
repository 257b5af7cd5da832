package org.credo.catalog.approval;

import java.util.UUID;

/** A person who can review, with the address notifications go to. */
public record Reviewer(UUID personId, String name, String email) {}
