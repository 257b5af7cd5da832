package org.credo.credentials.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.credo.credentials.insight.ReminderSettings;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organization's expiry reminder setting over the REST API. */
@RestController
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR', 'INTEGRATOR')")
@Tag(name = "Credentials", description = "Open Badges 3.0 credentials with Data Integrity proofs")
class ReminderSettingsApi {

    /** Reminders on with a number of days before expiry, or off. */
    record Change(
            @NotNull Boolean enabled,
            @Min(1) @Max(365) @Nullable Integer daysBefore) {}

    private final ReminderSettings settings;

    ReminderSettingsApi(ReminderSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/credentials/reminder-settings")
    @Operation(summary = "How many days before expiry earners are reminded")
    ReminderSettings.Setting show(@AuthenticationPrincipal CredoUser user) {
        return settings.setting(user.organizationId());
    }

    @PutMapping("/api/v1/credentials/reminder-settings")
    @Operation(
            summary = "Turn expiry reminders on or off",
            description = "{\"enabled\": true, \"daysBefore\": 30} or {\"enabled\": false}.")
    ReminderSettings.Setting change(@AuthenticationPrincipal CredoUser user, @Valid @RequestBody Change change) {
        if (change.enabled() && change.daysBefore() == null) {
            throw ProblemException.invalidField("daysBefore", "say how many days before expiry (1 to 365).");
        }
        return settings.change(user.organizationId(), change.enabled() ? change.daysBefore() : null);
    }
}
