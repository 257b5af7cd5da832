package org.credo.catalog.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.catalog.ContentProblems;
import org.credo.catalog.proposal.Curriculum;
import org.credo.catalog.proposal.Proposal;
import org.credo.catalog.proposal.ProposalItems;
import org.credo.catalog.proposal.ProposalRequest;
import org.credo.catalog.proposal.Proposals;
import org.credo.catalog.proposal.Reviews;
import org.credo.catalog.requirement.Grades;
import org.credo.credentials.AchievementDefinitions;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff pages for proposals: lists, the proposal form, the diff, submission and decisions. */
@Controller
@RequestMapping("/manage/catalog/proposals")
@PreAuthorize(
        "hasAnyRole('ADMINISTRATOR','REGISTRAR','CURRICULUM_AUTHOR','COMMITTEE_MEMBER','CATALOG_EDITOR','AUDITOR')")
class ProposalPages {

    /**
     * The proposal form as typed. The proposed version comes as structured fields named c.FIELD (the
     * JSON field names); rules are JSON in a textarea that the rule builder keeps in step.
     */
    record ProposalForm(
            String kind, String action, String item, String title, String rationale, String effectiveFrom) {}

    private final Curriculum curriculum;
    private final Reviews reviews;
    private final ProposalItems items;
    private final AchievementDefinitions achievements;
    private final JsonMapper json;
    private final RuleViews rules;

    ProposalPages(
            Curriculum curriculum,
            Reviews reviews,
            ProposalItems items,
            AchievementDefinitions achievements,
            JsonMapper json,
            RuleViews rules) {
        this.curriculum = curriculum;
        this.reviews = reviews;
        this.items = items;
        this.achievements = achievements;
        this.json = json;
        this.rules = rules;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        var chosen = filter == null ? Proposals.Filter.ALL : parse(filter);
        var query = PageQuery.of(page, 20, "updatedAt,desc", Proposals.SORTABLE, false);
        model.addAttribute("page", curriculum.page(user, chosen, null, q, query));
        model.addAttribute("filter", chosen.name());
        model.addAttribute("q", q == null ? "" : q);
        return "catalog/proposals";
    }

    /** The proposal's own fields on the form, which an error summary can link to. */
    private static final java.util.Set<String> PROPOSAL_FIELDS =
            java.util.Set.of("title", "effectiveFrom", "rationale");

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    String newForm(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "COURSE") String kind,
            @RequestParam(defaultValue = "CREATE") String action,
            @RequestParam(defaultValue = "") String item,
            Model model) {
        Map<String, String> values = new java.util.HashMap<>();
        var title = "";
        var problems = new java.util.ArrayList<String>();
        if (!item.isBlank() && !action.equalsIgnoreCase("CREATE")) {
            try {
                var k = Proposal.Kind.valueOf(kind.toUpperCase());
                var current = items.current(user.organizationId(), k, item);
                if (current.isPresent()) {
                    values = values(items.toJson(current.get().content()));
                    title = (action.equalsIgnoreCase("RETIRE") ? "Retire " : "Change ") + item;
                } else {
                    problems.add("item: " + item + " is not in the catalog");
                }
            } catch (IllegalArgumentException | ProblemException e) {
                problems.add("item: " + e.getMessage());
            }
        }
        form(
                model,
                new ProposalForm(
                        kind.toUpperCase(),
                        action.toUpperCase(),
                        item,
                        title,
                        "",
                        LocalDate.now(user.zone()).toString()),
                values,
                null,
                null);
        if (!problems.isEmpty()) {
            model.addAttribute("itemProblem", true);
            model.addAttribute(
                    "summary",
                    problems.stream()
                            .map(p -> Map.of("field", "item", "message", p))
                            .toList());
        }
        return "catalog/proposal-form";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    String create(
            @AuthenticationPrincipal CredoUser user,
            ProposalForm form,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        try {
            var created = curriculum.create(user, request(form, params));
            redirect.addFlashAttribute(
                    "flash",
                    "Proposal #" + created.number()
                            + " saved as a draft. Check the changes below, then submit it for review.");
            return "redirect:/manage/catalog/proposals/" + created.id();
        } catch (ProblemException e) {
            form(model, form, contentValues(params), e, null);
            return "catalog/proposal-form";
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var details = curriculum.details(user, id);
        model.addAttribute("d", details);
        model.addAttribute("zone", user.zone());
        model.addAttribute("rules", rules.of(details));
        model.addAttribute("links", rules.links(user.organizationId(), RuleViews.rules(details)));
        return "catalog/proposal";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    String editForm(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var p = curriculum.find(user, id);
        form(
                model,
                new ProposalForm(
                        p.kind().name(),
                        p.action().name(),
                        p.itemName(),
                        p.title(),
                        p.rationale() == null ? "" : p.rationale(),
                        p.effectiveFrom().toString()),
                values(json.readTree(p.content())),
                null,
                p);
        return "catalog/proposal-form";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    String revise(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            ProposalForm form,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        var p = curriculum.find(user, id);
        try {
            curriculum.revise(user, id, request(form, params));
            redirect.addFlashAttribute("flash", "Proposal #" + p.number() + " saved.");
            return "redirect:/manage/catalog/proposals/" + id;
        } catch (ProblemException e) {
            form(model, form, contentValues(params), e, p);
            return "catalog/proposal-form";
        }
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    String submit(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var p = curriculum.submit(user, id);
            return "Proposal #" + p.number() + " submitted; its reviewers have been emailed.";
        });
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
    String withdraw(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                id, redirect, () -> "Proposal #" + curriculum.withdraw(user, id).number() + " withdrawn.");
    }

    @PostMapping("/{id}/decisions")
    @PreAuthorize("hasAnyRole('COMMITTEE_MEMBER','REGISTRAR','ADMINISTRATOR','CURRICULUM_AUTHOR','CATALOG_EDITOR')")
    String decide(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            var p = reviews.decide(user, id, decision, comment);
            return switch (p.status()) {
                case APPROVED ->
                    "Approved. Proposal #" + p.number() + " is published, effective " + p.effectiveFrom() + ".";
                case RETURNED -> "Returned to " + p.authorName() + " with your comment.";
                case REJECTED -> "Rejected; " + p.authorName() + " has been told why.";
                default -> "Approved; the proposal moves on to the next step.";
            };
        });
    }

    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/manage/catalog/proposals/" + id;
    }

    private ProposalRequest request(ProposalForm form, Map<String, String> params) {
        JsonNode content = null;
        if (!"RETIRE".equalsIgnoreCase(form.action())) {
            var node = json.createObjectNode();
            contentValues(params).forEach((field, value) -> {
                if (value.isBlank()) {
                    node.putNull(field);
                } else {
                    node.put(field, value);
                }
            });
            content = node;
        }
        LocalDate effective = null;
        if (form.effectiveFrom() != null && !form.effectiveFrom().isBlank()) {
            try {
                effective = LocalDate.parse(form.effectiveFrom());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("effectiveFrom", "must be a date such as 2027-01-01");
            }
        }
        return new ProposalRequest(
                form.kind(), form.action(), form.item(), form.title(), form.rationale(), effective, content);
    }

    /** The structured content fields of a submitted form, by JSON field name. */
    private static Map<String, String> contentValues(Map<String, String> params) {
        var values = new java.util.LinkedHashMap<String, String>();
        params.forEach((name, value) -> {
            if (name.startsWith("c.")) {
                values.put(name.substring(2), value == null ? "" : value.trim());
            }
        });
        return values;
    }

    /** Form values from content JSON: lists one item per line, rules as indented JSON. */
    private Map<String, String> values(JsonNode content) {
        var values = new java.util.HashMap<String, String>();
        for (var field : content.propertyNames()) {
            var v = content.get(field);
            if (v == null || v.isNull()) {
                values.put(field, "");
            } else if (v.isArray()) {
                var lines = new java.util.ArrayList<String>();
                v.forEach(x -> lines.add(x.asString()));
                values.put(field, String.join("\n", lines));
            } else if (v.isObject()) {
                values.put(field, json.writerWithDefaultPrettyPrinter().writeValueAsString(v));
            } else {
                values.put(field, v.asString());
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private void form(
            Model model,
            ProposalForm form,
            Map<String, String> values,
            @Nullable ProblemException problem,
            @Nullable Proposal editing) {
        model.addAttribute("form", form);
        model.addAttribute(
                "today",
                LocalDate.now(org.credo.platform.CurrentUser.require().zone()).toString());
        model.addAttribute("values", values);
        model.addAttribute("editing", editing);
        model.addAttribute(
                "achievements",
                achievements.published(org.credo.platform.CurrentUser.require().organizationId()));
        model.addAttribute("achievementTypes", AchievementDefinitions.types());
        model.addAttribute("programTypes", org.credo.catalog.program.ProgramType.values());
        model.addAttribute("deliveryModes", org.credo.catalog.program.DeliveryMode.values());
        // Minimum grades the rule builder offers: F is no minimum anyone means.
        model.addAttribute(
                "grades",
                String.join(
                        ",", Grades.SCALE.stream().filter(g -> !g.equals("F")).toList()));
        // Problems with the structured content (ContentProblems), and with the proposal's own fields: their names
        // overlap ("title"), their inputs do not (c-title, title).
        var fieldErrors = new java.util.HashMap<String, List<String>>();
        var proposalErrors = new java.util.HashMap<String, String>();
        var summary = new java.util.ArrayList<Map<String, String>>();
        if (problem != null) {
            var list = problem.properties().get("errors");
            var content = ContentProblems.TITLE.equals(problem.title());
            if (list instanceof List<?> l && !l.isEmpty()) {
                for (var e : l) {
                    var field = String.valueOf(((Map<String, Object>) e).get("field"));
                    var message = String.valueOf(((Map<String, Object>) e).get("message"));
                    if (content) {
                        fieldErrors
                                .computeIfAbsent(field, f -> new java.util.ArrayList<>())
                                .add(message);
                    } else if (PROPOSAL_FIELDS.contains(field)) {
                        proposalErrors.merge(field, message, (a, b) -> a + "; " + b);
                    }
                    var id = content ? "c-" + field : PROPOSAL_FIELDS.contains(field) ? field : "";
                    summary.add(Map.of("field", id, "message", field + ": " + message));
                }
            } else {
                summary.add(Map.of("field", "", "message", problem.getMessage()));
            }
        }
        model.addAttribute("proposalErrors", proposalErrors);
        model.addAttribute("summary", summary);
        model.addAttribute("fieldErrors", fieldErrors);
    }

    private static Proposals.Filter parse(String filter) {
        try {
            return Proposals.Filter.valueOf(filter.toUpperCase());
        } catch (IllegalArgumentException e) {
            return Proposals.Filter.ALL;
        }
    }
}
