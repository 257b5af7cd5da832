package org.credo.credentials.issuance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.signing.Cryptosuite;
import org.jspecify.annotations.Nullable;

/** What to issue, to whom, how. */
public record IssueRequest(
        @NotNull UUID achievementId,
        @NotNull @Valid Recipient recipient,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable @Size(max = 20) List<@Valid Evidence> evidence,
        @Nullable @Size(max = 20) List<@Valid ResultValue> results,
        @Nullable Cryptosuite cryptosuite) {

    /** The person who earned it. */
    public record Recipient(
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Nullable @Size(max = 200) String identifier,

            @Nullable
            @Size(max = 500)
            @Pattern(regexp = "did:[a-z0-9]+:\\S+", message = "must be a DID such as did:key:z6Mk…")
            String did) {}

    /** Something that shows the achievement was earned. */
    public record Evidence(
            @Nullable @Size(max = 300) String name,
            @Nullable @Size(max = 4000) String narrative,

            @Nullable @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String url) {}

    /** The value of one of the achievement's result descriptions. */
    public record ResultValue(
            @NotBlank String resultDescription,
            @NotBlank @Size(max = 200) String value) {}

    public Cryptosuite suite() {
        return cryptosuite == null ? Cryptosuite.RDFC : cryptosuite;
    }
}
