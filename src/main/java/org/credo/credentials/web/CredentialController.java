package org.credo.credentials.web;

import jakarta.json.Json;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.UUID;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.badges.BadgeImages;
import org.credo.credentials.insight.CredentialTimeline;
import org.credo.credentials.issuance.Issuance;
import org.credo.credentials.issuance.IssuedCredential;
import org.credo.credentials.issuance.IssuedCredentials;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for issued credentials: list, search, issue, view, suspend, reinstate, revoke, replace. */
@Controller
@RequestMapping("/manage/credentials")
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR')")
class CredentialController {

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final IssuedCredentials credentials;
    private final Issuance issuance;
    private final Achievements achievements;
    private final Validator validator;
    private final BadgeImages badges;
    private final CredentialTimeline timeline;

    CredentialController(
            IssuedCredentials credentials,
            Issuance issuance,
            Achievements achievements,
            Validator validator,
            BadgeImages badges,
            CredentialTimeline timeline) {
        this.credentials = credentials;
        this.issuance = issuance;
        this.achievements = achievements;
        this.validator = validator;
        this.badges = badges;
        this.timeline = timeline;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var query = PageQuery.of(page, 25, sort == null ? "issuedAt,desc" : sort, IssuedCredentials.SORTABLE, false);
        model.addAttribute("credentials", credentials.page(user.organizationId(), q, status, null, query));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status == null ? "" : status);
        return htmx != null ? "credentials/credentials :: table" : "credentials/credentials";
    }

    @GetMapping("/new")
    String issueForm(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID replace,
            Model model) {
        var form = new IssueForm();
        if (replace != null) {
            var old = credentials
                    .find(user.organizationId(), replace)
                    .orElseThrow(() -> ProblemException.notFound("That credential"));
            form.setAchievementId(old.achievementId());
            form.setRecipientName(old.recipientName());
            form.setRecipientEmail(old.recipientEmail());
            form.setRecipientIdentifier(old.recipientIdentifier() == null ? "" : old.recipientIdentifier());
            model.addAttribute("replacing", old);
        }
        return form(user, form, model);
    }

    @PostMapping
    String issue(
            @AuthenticationPrincipal CredoUser user,
            @ModelAttribute("form") IssueForm form,
            BindingResult binding,
            @RequestParam(required = false) @Nullable UUID replace,
            Model model,
            RedirectAttributes redirect) {
        if (form.getAchievementId() == null) {
            binding.rejectValue("achievementId", "required", "choose the achievement to issue");
        }
        var request = form.request(user.zone());
        for (var violation : validator.validate(request)) {
            var path = violation.getPropertyPath().toString();
            var field = switch (path) {
                case "recipient.name" -> "recipientName";
                case "recipient.email" -> "recipientEmail";
                case "recipient.identifier" -> "recipientIdentifier";
                case "recipient.did" -> "recipientDid";
                case "achievementId" -> "achievementId";
                default ->
                    path.startsWith("evidence") ? "evidenceUrl" : path.startsWith("results") ? "resultValue" : null;
            };
            if (field != null && !binding.hasFieldErrors(field)) {
                binding.rejectValue(field, "invalid", violation.getMessage());
            } else if (field == null) {
                binding.reject("invalid", path + ": " + violation.getMessage());
            }
        }
        if (replace != null && form.getReason().isBlank()) {
            binding.rejectValue("reason", "required", "say why the credential is replaced");
        }
        if (!binding.hasErrors()) {
            try {
                IssuedCredential issued;
                if (replace != null) {
                    issued = issuance.replace(
                            user.organizationId(), replace, request, form.getReason(), user.displayName());
                } else {
                    issued = issuance.issue(
                            user.organizationId(), request, user.displayName(), "form:" + form.getRequestKey());
                }
                redirect.addFlashAttribute(
                        "flash", "Issued " + issued.achievementName() + " to " + issued.recipientName() + ".");
                return "redirect:/manage/credentials/" + issued.id();
            } catch (DuplicateKeyException e) {
                return "redirect:/manage/credentials";
            } catch (ProblemException e) {
                if (e.field().isPresent() && e.field().get().equals("results")) {
                    binding.rejectValue("resultValue", "invalid", e.getMessage().replaceFirst("^results: ", ""));
                } else {
                    binding.reject("problem", e.getMessage());
                }
            }
        }
        if (replace != null) {
            model.addAttribute(
                    "replacing",
                    credentials.find(user.organizationId(), replace).orElse(null));
        }
        return form(user, form, model);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var credential = credentials
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That credential"));
        model.addAttribute("credential", credential);
        model.addAttribute("json", pretty(credential.document()));
        model.addAttribute("timeline", timeline.entries(user.organizationId(), id));
        model.addAttribute("zone", user.zone());
        return "credentials/credential";
    }

    @GetMapping(value = "/{id}.json")
    ResponseEntity<String> download(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        var credential = credentials
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That credential"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vc+ld+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credential-" + id + ".json\"")
                .body(credential.document());
    }

    /** The Open Badges 3.0 baked SVG of a credential, as the earner can download it. */
    @GetMapping("/{id}.svg")
    ResponseEntity<String> svg(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        var credential = credentials
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That credential"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, BadgeImages.attachment(credential, "svg"))
                .contentType(MediaType.parseMediaType("image/svg+xml"))
                .body(badges.bakedSvg(credential));
    }

    /** The Open Badges 3.0 baked PNG of a credential, as the earner can download it. */
    @GetMapping("/{id}.png")
    ResponseEntity<byte[]> png(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        var credential = credentials
                .find(user.organizationId(), id)
                .orElseThrow(() -> ProblemException.notFound("That credential"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, BadgeImages.attachment(credential, "png"))
                .contentType(MediaType.IMAGE_PNG)
                .body(badges.bakedPng(credential));
    }

    @PostMapping("/{id}/{action:suspend|reinstate|revoke}")
    String change(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "suspend" -> issuance.suspend(user.organizationId(), id, reason);
                case "reinstate" -> issuance.reinstate(user.organizationId(), id, reason);
                default -> issuance.revoke(user.organizationId(), id, reason);
            }
            redirect.addFlashAttribute(
                    "flash",
                    switch (action) {
                        case "suspend" -> "Suspended. Verifiers now see it as suspended.";
                        case "reinstate" -> "Reinstated. It verifies again.";
                        default -> "Revoked. Verifiers now see it as revoked; this cannot be undone.";
                    });
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            if (e.field().filter("reason"::equals).isPresent()) {
                redirect.addFlashAttribute("flashErrorField", action + "-reason");
            }
        }
        return "redirect:/manage/credentials/" + id;
    }

    private String form(CredoUser user, IssueForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("achievements", achievements.issuable(user.organizationId()));
        model.addAttribute("suites", org.credo.credentials.signing.Cryptosuite.values());
        return "credentials/issue";
    }

    static String pretty(String json) {
        var out = new StringWriter();
        try (var writer = PRETTY.createWriter(out)) {
            writer.write(Json.createReader(new StringReader(json)).read());
        }
        return out.toString().trim();
    }
}
