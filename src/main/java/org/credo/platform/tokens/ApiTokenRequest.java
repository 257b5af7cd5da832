package org.credo.platform.tokens;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.credo.platform.Role;
import org.jspecify.annotations.Nullable;

/**
 * What a new token may do: a name to recognise it by, the roles it carries (a subset of the
 * owner's; all of them when empty) and how many days it lives.
 */
public record ApiTokenRequest(
        @NotBlank @Size(max = 100) String name,
        @Nullable Set<Role> roles,
        @Nullable @Min(1) @Max(365) Integer expiresInDays) {}
