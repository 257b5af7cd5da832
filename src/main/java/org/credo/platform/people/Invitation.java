package org.credo.platform.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.credo.platform.Role;

/** An administrator's request to add a person to the organization with some roles. */
public record Invitation(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String displayName,
        @NotEmpty(message = "choose at least one role") Set<Role> roles) {}
