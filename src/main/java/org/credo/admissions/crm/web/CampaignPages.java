package org.credo.admissions.crm.web;

import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.crm.Campaign;
import org.credo.admissions.crm.Campaigns;
import org.credo.admissions.crm.Funnel;
import org.credo.admissions.crm.MergeFields;
import org.credo.catalog.Catalog;
import org.credo.learners.LearnerStatus;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaign pages: the list, the form, and a campaign with its preview, schedule and delivery log. */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class CampaignPages {

    static final String LIST = "admissions/crm/campaigns";
    static final String FORM = "admissions/crm/campaign-form";
    static final String CAMPAIGN = "admissions/crm/campaign";

    private final Campaigns campaigns;
    private final Funnel funnel;
    private final Catalog catalog;

    CampaignPages(Campaigns campaigns, Funnel funnel, Catalog catalog) {
        this.campaigns = campaigns;
        this.funnel = funnel;
        this.catalog = catalog;
    }

    @GetMapping("/manage/admissions/campaigns")
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            Model model) {
        Campaign.Status filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = Campaign.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown status", "status must be DRAFT, SCHEDULED or SENT.");
            }
        }
        var query = PageQuery.of(page, null, sort == null ? "created,desc" : sort, Campaigns.SORTABLE, false);
        model.addAttribute("result", campaigns.page(user.organizationId(), filter, query));
        model.addAttribute("status", filter == null ? "" : filter.name());
        model.addAttribute("statuses", Campaign.Status.values());
        return LIST;
    }

    @GetMapping("/manage/admissions/campaigns/new")
    String newCampaign(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("form", new CampaignForm());
        return form(user, null, model);
    }

    @PostMapping("/manage/admissions/campaigns")
    String create(
            @AuthenticationPrincipal CredoUser user,
            @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var campaign = campaigns.create(user.organizationId(), form.draft(), user.displayName());
                redirect.addFlashAttribute(
                        "flash", "Saved '" + campaign.name() + "' as a draft. Preview it, then schedule it.");
                return "redirect:/manage/admissions/campaigns/" + campaign.id();
            } catch (ProblemException e) {
                reject(binding, e);
            }
        }
        return form(user, null, model);
    }

    @GetMapping("/manage/admissions/campaigns/{id}/edit")
    String edit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var campaign = campaigns.find(user.organizationId(), id);
        model.addAttribute("form", CampaignForm.of(campaign));
        return form(user, campaign, model);
    }

    @PostMapping("/manage/admissions/campaigns/{id}")
    String update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CampaignForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        var campaign = campaigns.find(user.organizationId(), id);
        if (!binding.hasErrors()) {
            try {
                campaigns.update(user.organizationId(), id, form.draft());
                redirect.addFlashAttribute("flash", "Saved your changes.");
                return "redirect:/manage/admissions/campaigns/" + id;
            } catch (ProblemException e) {
                reject(binding, e);
            }
        }
        return form(user, campaign, model);
    }

    @GetMapping("/manage/admissions/campaigns/{id}")
    String campaign(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var org = user.organizationId();
        var campaign = campaigns.find(org, id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("segment", describe(user, campaign.segment()));
        if (campaign.editable()) {
            model.addAttribute("preview", campaigns.preview(org, id));
        }
        model.addAttribute("tally", campaigns.tally(org, id));
        model.addAttribute("progress", campaigns.progress(org, id).orElse(null));
        model.addAttribute(
                "deliveries", campaigns.deliveries(org, id, PageQuery.of(page, 50, null, List.of("email"), true)));
        if (!model.containsAttribute("sendAt")) {
            model.addAttribute(
                    "sendAt",
                    campaign.sendAt() == null
                            ? LocalDateTime.now(user.zone())
                                    .plusDays(1)
                                    .withHour(9)
                                    .withMinute(0)
                                    .withSecond(0)
                                    .withNano(0)
                            : LocalDateTime.ofInstant(campaign.sendAt(), user.zone())
                                    .withSecond(0)
                                    .withNano(0));
        }
        return CAMPAIGN;
    }

    @PostMapping("/manage/admissions/campaigns/{id}/schedule")
    String schedule(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String sendAt,
            Model model,
            RedirectAttributes redirect) {
        try {
            var local = LocalDateTime.parse(sendAt);
            var campaign = campaigns.schedule(
                    user.organizationId(), id, local.atZone(user.zone()).toInstant());
            redirect.addFlashAttribute("flash", "Scheduled '" + campaign.name() + "'.");
            return "redirect:/manage/admissions/campaigns/" + id;
        } catch (DateTimeParseException | ProblemException e) {
            if (e instanceof ProblemException p && p.field().isEmpty()) {
                throw p;
            }
            model.addAttribute(
                    "scheduleError",
                    e instanceof ProblemException p
                            ? p.getMessage().replaceFirst("^[A-Za-z]+: ", "")
                            : "enter a date and time, like 2026-12-24T09:00.");
            model.addAttribute("sendAt", sendAt);
            return campaign(user, id, null, model);
        }
    }

    @PostMapping("/manage/admissions/campaigns/{id}/send")
    String sendNow(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String confirm,
            Model model,
            RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            model.addAttribute("sendError", "tick the box to confirm that this campaign goes out now.");
            return campaign(user, id, null, model);
        }
        campaigns.schedule(user.organizationId(), id, Timestamps.now());
        int queued = campaigns.send(id);
        redirect.addFlashAttribute("flash", queued == 1 ? "1 email queued." : queued + " emails queued.");
        return "redirect:/manage/admissions/campaigns/" + id;
    }

    @PostMapping("/manage/admissions/campaigns/{id}/unschedule")
    String unschedule(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        campaigns.unschedule(user.organizationId(), id);
        redirect.addFlashAttribute("flash", "Back to draft; it will not be sent until you schedule it again.");
        return "redirect:/manage/admissions/campaigns/" + id;
    }

    private String form(CredoUser user, @Nullable Campaign campaign, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("kinds", Campaign.Kind.values());
        model.addAttribute("programs", catalog.programs(user.organizationId(), java.time.LocalDate.now(user.zone())));
        model.addAttribute("cycles", funnel.cycles(user.organizationId()));
        model.addAttribute("applicationStatuses", ApplicationStatus.values());
        model.addAttribute("learnerStatuses", LearnerStatus.values());
        model.addAttribute("mergeFields", MergeFields.NAMES.stream().sorted().toList());
        return FORM;
    }

    /** The segment in words, with names instead of ids. */
    private String describe(CredoUser user, Campaign.Segment s) {
        var parts = new java.util.ArrayList<String>();
        if (s.programId() != null) {
            parts.add("program "
                    + catalog.program(user.organizationId(), s.programId(), java.time.LocalDate.now(user.zone()))
                            .map(p -> p.code() + " — " + p.name())
                            .orElse("(no longer in the catalog)"));
        }
        if (s.cycleId() != null) {
            parts.add("cycle "
                    + funnel.cycles(user.organizationId()).stream()
                            .filter(c -> c.id().equals(s.cycleId()))
                            .map(c -> c.programCode() + " " + c.name())
                            .findFirst()
                            .orElse("(unknown)"));
        }
        if (s.applicationStatus() != null) {
            parts.add("applications " + s.applicationStatus().label().toLowerCase());
        }
        if (s.learnerStatus() != null) {
            parts.add("learner status " + s.learnerStatus().label().toLowerCase());
        }
        var who = s.includesLearnerRecords() ? "Learner records and applicants" : "Applicants";
        return parts.isEmpty() ? who + ", everyone" : who + ": " + String.join(", ", parts);
    }

    private static void reject(BindingResult binding, ProblemException e) {
        var field = e.field().orElse("");
        var detail = e.getMessage().replaceFirst("^[A-Za-z]+: ", "");
        if (List.of("name", "subject", "body", "cycleId", "programId").contains(field)) {
            binding.rejectValue(field, "invalid", detail);
        } else {
            binding.reject("invalid", detail);
        }
    }
}
