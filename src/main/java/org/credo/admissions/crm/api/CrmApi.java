package org.credo.admissions.crm.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.crm.Campaign;
import org.credo.admissions.crm.Campaigns;
import org.credo.admissions.crm.Funnel;
import org.credo.admissions.crm.Timeline;
import org.credo.learners.LearnerStatus;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admissions CRM over the REST API: campaigns and their delivery logs, the funnel, a person's timeline. */
@RestController
@Tag(name = "Admissions CRM", description = "Campaigns, the admissions funnel and person timelines")
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class CrmApi {

    /** A campaign as written: name, kind, segment (each part optional), subject and body with merge fields. */
    record CampaignRequest(
            @NotBlank String name,
            Campaign.@Nullable Kind kind,
            @Nullable UUID programId,
            @Nullable UUID cycleId,
            @Nullable ApplicationStatus applicationStatus,
            @Nullable LearnerStatus learnerStatus,
            @NotBlank String subject,
            @NotBlank String body) {

        Campaigns.Draft draft() {
            return new Campaigns.Draft(
                    name,
                    kind == null ? Campaign.Kind.MARKETING : kind,
                    new Campaign.Segment(programId, cycleId, applicationStatus, learnerStatus),
                    subject,
                    body);
        }
    }

    /** When to send. */
    record ScheduleRequest(@NotNull Instant sendAt) {}

    /** A campaign with its delivery tally. */
    record CampaignView(Campaign campaign, Map<String, Long> deliveries) {}

    /** What sending now did. */
    record SendResult(int queued, Campaign campaign) {}

    private final Campaigns campaigns;
    private final Funnel funnel;
    private final Timeline timeline;

    CrmApi(Campaigns campaigns, Funnel funnel, Timeline timeline) {
        this.campaigns = campaigns;
        this.funnel = funnel;
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/admissions/campaigns")
    @Operation(
            summary = "List campaigns",
            description = "status filters (DRAFT, SCHEDULED, SENT); sort by created, name, sendAt, status.")
    PageResult<Campaign> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) Campaign.@Nullable Status status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return campaigns.page(
                user.organizationId(),
                status,
                PageQuery.of(page, size, sort == null ? "created,desc" : sort, Campaigns.SORTABLE, false));
    }

    @PostMapping("/api/v1/admissions/campaigns")
    @Operation(
            summary = "Create a draft campaign",
            description = "Merge fields: {{preferredName}}, {{name}}, {{email}}.")
    ResponseEntity<Campaign> create(
            @AuthenticationPrincipal CredoUser user, @Valid @RequestBody CampaignRequest request) {
        var campaign = campaigns.create(user.organizationId(), request.draft(), user.displayName());
        return ResponseEntity.created(URI.create("/api/v1/admissions/campaigns/" + campaign.id()))
                .body(campaign);
    }

    @GetMapping("/api/v1/admissions/campaigns/{id}")
    @Operation(summary = "A campaign and its delivery tally (queued, sent, failed, skipped)")
    CampaignView get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return new CampaignView(campaigns.find(user.organizationId(), id), campaigns.tally(user.organizationId(), id));
    }

    @PutMapping("/api/v1/admissions/campaigns/{id}")
    @Operation(summary = "Change a campaign that has not been sent")
    Campaign update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @RequestBody CampaignRequest request) {
        return campaigns.update(user.organizationId(), id, request.draft());
    }

    @GetMapping("/api/v1/admissions/campaigns/{id}/preview")
    @Operation(summary = "How many people the campaign would reach now, and the email one of them would get")
    Campaigns.Preview preview(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return campaigns.preview(user.organizationId(), id);
    }

    @PostMapping("/api/v1/admissions/campaigns/{id}/schedule")
    @Operation(summary = "Schedule a campaign", description = "The sender sends it when sendAt has passed.")
    Campaign schedule(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @RequestBody ScheduleRequest request) {
        return campaigns.schedule(user.organizationId(), id, request.sendAt());
    }

    @PostMapping("/api/v1/admissions/campaigns/{id}/send")
    @Operation(
            summary = "Send a campaign now",
            description = "Needs confirm=true; a sent campaign is never sent again.")
    SendResult send(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm) {
        if (!confirm) {
            throw ProblemException.invalidField("confirm", "add confirm=true to send this campaign now.");
        }
        campaigns.schedule(user.organizationId(), id, Timestamps.now());
        int queued = campaigns.send(id);
        return new SendResult(queued, campaigns.find(user.organizationId(), id));
    }

    @GetMapping("/api/v1/admissions/campaigns/{id}/recipients")
    @Operation(
            summary = "A campaign's delivery log",
            description = "One item per address: QUEUED, RETRYING, SENT, FAILED or SKIPPED.")
    PageResult<Campaigns.Delivery> recipients(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return campaigns.deliveries(user.organizationId(), id, PageQuery.of(page, size, null, List.of("email"), true));
    }

    @GetMapping("/api/v1/admissions/funnel")
    @Operation(
            summary = "The admissions funnel",
            description = "A row per cycle (and a total row when there are several): inquiries, started, submitted,"
                    + " admitted, accepted, matriculated, with the rate from each stage to the next in percent.")
    List<FunnelRow> funnel(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable UUID cycleId) {
        return funnel.report(user.organizationId(), programId, cycleId).stream()
                .map(FunnelRow::of)
                .toList();
    }

    /** One row of the funnel. */
    record FunnelRow(
            @Nullable UUID cycleId,
            @Nullable UUID programId,
            String programCode,
            String programName,
            String cycleName,
            long inquiries,
            long started,
            long submitted,
            long admitted,
            long accepted,
            long matriculated,
            List<@Nullable Double> ratesPercent) {

        static FunnelRow of(Funnel.Row r) {
            var c = r.counts();
            return new FunnelRow(
                    r.cycleId(),
                    r.programId(),
                    r.programCode(),
                    r.programName(),
                    r.cycleName(),
                    c.get(0),
                    c.get(1),
                    c.get(2),
                    c.get(3),
                    c.get(4),
                    c.get(5),
                    r.rates());
        }
    }

    @GetMapping("/api/v1/admissions/people/{learnerId}/timeline")
    @Operation(
            summary = "A person's timeline, newest first",
            description = "Inquiries, emails, application events, holds, status changes and notes; kind filters.")
    PageResult<Timeline.Entry> timeline(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) Timeline.@Nullable Kind kind,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return timeline.of(
                user.organizationId(), learnerId, kind, PageQuery.of(page, size, null, List.of("at"), false));
    }
}
