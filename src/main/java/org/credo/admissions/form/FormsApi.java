package org.credo.admissions.form;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A cycle's application form over the REST API: its versions, saving the draft, publishing it. */
@RestController
@RequestMapping("/api/v1/admissions/cycles/{cycleId}/form")
@Tag(name = "Admission cycles")
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class FormsApi {

    private final Forms forms;

    FormsApi(Forms forms) {
        this.forms = forms;
    }

    @GetMapping("/versions")
    @Operation(summary = "Every version of the cycle's form, newest first")
    List<ApplicationForm> versions(@AuthenticationPrincipal CredoUser user, @PathVariable UUID cycleId) {
        return forms.versions(user.organizationId(), cycleId);
    }

    @PutMapping
    @Operation(
            summary = "Save the draft definition",
            description = "Changes the unpublished draft, or starts the next version when the latest is published."
                    + " 400 lists each problem under errors, by fields[i].property.")
    ApplicationForm save(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID cycleId,
            @RequestBody FormDefinition definition) {
        return forms.saveDraft(user.organizationId(), cycleId, definition);
    }

    @PostMapping("/publish")
    @Operation(summary = "Publish the draft; new applications are answered on it, and it never changes")
    ApplicationForm publish(@AuthenticationPrincipal CredoUser user, @PathVariable UUID cycleId) {
        return forms.publish(user.organizationId(), cycleId);
    }
}
