package org.credo.catalog.proposal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A proposal as an author writes it. {@code item} names the existing item to modify or retire (a
 * course code, a program code or an achievement id); {@code content} is the proposed version (not
 * needed to retire).
 */
public record ProposalRequest(
        @Nullable String kind,
        @Nullable String action,
        @Nullable String item,
        @Nullable String title,
        @Nullable String rationale,
        @Nullable LocalDate effectiveFrom,
        @Nullable JsonNode content) {}
