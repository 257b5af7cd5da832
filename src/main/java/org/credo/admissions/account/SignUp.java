package org.credo.admissions.account;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an applicant types to open an account; the body of {@code POST /api/v1/applicant-accounts} too. {@code website}
 * is a field no person sees: a form that fills it is a robot's, accepted with the same answer and otherwise ignored.
 */
@Schema(description = "A self-service applicant sign-up.")
record SignUp(
        @Schema(example = "Ada Lovelace")
        @NotBlank(message = "type your name.")
        @Size(max = 200, message = "must be at most 200 characters.")
        String name,

        @Schema(example = "ada@example.org")
        @NotBlank(message = "type your email address.")
        @Email(message = "must be an email address, such as name@example.org.")
        @Size(max = 320, message = "must be at most 320 characters.")
        String email,

        @Schema(description = "At least 12 characters, not the email address.", example = "three unrelated words")
        @NotBlank(message = "choose a password of at least 12 characters.")
        String password,

        @Schema(description = "The code of the program the applicant came from (optional).", example = "CERT-DS")
        @Size(max = 40)
        @Nullable
        String program,

        @Schema(
                description = "The slug of the organization; the deployment's default one when absent.",
                example = "northfield")
        @Size(max = 80)
        @Nullable
        String organization,

        @Schema(description = "Leave empty.", hidden = true) @Nullable
        String website) {

    static SignUp empty(@Nullable String program, @Nullable String organization) {
        return new SignUp("", "", "", program, organization, null);
    }

    boolean robot() {
        return website != null && !website.isEmpty();
    }
}
