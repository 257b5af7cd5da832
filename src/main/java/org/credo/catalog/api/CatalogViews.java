package org.credo.catalog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.course.CourseVersion;
import org.credo.catalog.diff.Diff;
import org.credo.catalog.program.ProgramVersion;
import org.credo.catalog.proposal.Decision;
import org.credo.catalog.proposal.ImpactItem;
import org.credo.catalog.proposal.Proposal;
import org.credo.catalog.proposal.ProposalDetails;
import org.credo.catalog.proposal.ProposalItems;
import org.credo.catalog.proposal.ProposalStep;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The API's shapes for versions, proposals and their details. */
final class CatalogViews {

    private CatalogViews() {}

    /** One published version; {@code content} has the same shape a proposal's content has. */
    record VersionView(
            UUID itemId,
            String code,
            int version,
            LocalDate effectiveFrom,
            boolean retired,
            Instant publishedAt,
            @Nullable UUID proposalId,
            JsonNode content) {

        static VersionView of(CourseVersion v) {
            return new VersionView(
                    v.courseId(),
                    v.content().code().toString(),
                    v.version(),
                    v.effectiveFrom(),
                    v.retired(),
                    v.publishedAt(),
                    v.proposalId(),
                    v.content().toJson());
        }

        static VersionView of(ProgramVersion v) {
            return new VersionView(
                    v.programId(),
                    v.content().code(),
                    v.version(),
                    v.effectiveFrom(),
                    v.retired(),
                    v.publishedAt(),
                    v.proposalId(),
                    v.content().toJson());
        }
    }

    record ProposalView(
            UUID id,
            int number,
            String kind,
            String action,
            String item,
            String title,
            @Nullable String rationale,
            LocalDate effectiveFrom,
            String status,
            int round,
            @Nullable Integer currentPosition,
            String author,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant submittedAt,
            @Nullable Instant closedAt,
            JsonNode content) {

        static ProposalView of(Proposal p, JsonNode content) {
            return new ProposalView(
                    p.id(),
                    p.number(),
                    p.kind().name(),
                    p.action().name(),
                    p.itemName(),
                    p.title(),
                    p.rationale(),
                    p.effectiveFrom(),
                    p.status().name(),
                    p.round(),
                    p.currentPosition(),
                    p.authorName(),
                    p.createdAt(),
                    p.updatedAt(),
                    p.submittedAt(),
                    p.closedAt(),
                    content);
        }
    }

    record DetailsView(
            ProposalView proposal,
            @Nullable Integer currentVersion,
            @Nullable JsonNode currentContent,
            List<Diff.Change> diff,
            List<ProposalStep> steps,
            List<Decision> decisions,
            List<ImpactItem> impact) {

        static DetailsView of(ProposalDetails d, ProposalItems items) {
            ProposalItems.Current current = d.current();
            return new DetailsView(
                    ProposalView.of(d.proposal(), items.toJson(d.content())),
                    current == null ? null : current.version(),
                    current == null ? null : items.toJson(current.content()),
                    d.diff().changes(),
                    d.steps(),
                    d.decisions(),
                    d.impact());
        }
    }
}
