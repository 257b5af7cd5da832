package org.credo.admissions.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.credo.admissions.decision.Outcome;
import org.credo.admissions.release.LetterTemplates;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organization's decision emails and letters per outcome over the REST API. */
@RestController
@Tag(name = "Admissions decision letters", description = "The wording of decision emails and letters per outcome")
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class LettersApi {

    /** The wording to save for one outcome; merge fields are those of {@link LetterTemplates#FIELDS}. */
    record LetterRequest(
            @Nullable String subject,
            @Nullable String emailBody,
            @Nullable String letterBody) {}

    private final LetterTemplates templates;

    LettersApi(LetterTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/v1/admissions/letters")
    @Operation(summary = "The decision email and letter of each outcome")
    List<LetterTemplates.Template> list(@AuthenticationPrincipal CredoUser user) {
        return List.copyOf(templates.all(user.organizationId()).values());
    }

    @PutMapping("/api/v1/admissions/letters/{outcome}")
    @Operation(
            summary = "Change the decision email and letter of one outcome",
            description = "Applies to decisions released after the change; a letter already released keeps its"
                    + " words. 400 for an empty or too long subject or text, an unknown merge field, or an email"
                    + " without {{link}}.")
    LetterTemplates.Template put(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable Outcome outcome,
            @RequestBody LetterRequest request) {
        return templates.save(
                user.organizationId(), outcome, request.subject(), request.emailBody(), request.letterBody());
    }
}
