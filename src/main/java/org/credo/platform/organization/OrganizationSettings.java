package org.credo.platform.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The editable settings of an organization, as a form or an API body. */
public record OrganizationSettings(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @ValidTimeZone String timeZone,

        @Nullable @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String website,

        @Nullable @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String logoUrl,

        @Nullable @Size(max = 320) @Email String contactEmail) {

    /** The same settings with blank optional fields as absent. */
    public OrganizationSettings normalized() {
        return new OrganizationSettings(
                name.trim(), timeZone.trim(), blankToNull(website), blankToNull(logoUrl), blankToNull(contactEmail));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
