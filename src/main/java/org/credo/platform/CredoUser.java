package org.credo.platform;

import java.io.Serial;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person acting in one organization: who they are, where they act and with which
 * roles. Every query a module runs for a caller is scoped by {@link #organizationId()}.
 */
public final class CredoUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID personId;
    private final String email;
    private final String displayName;
    private final UUID organizationId;
    private final String organizationName;
    private final String zoneId;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean locked;

    @Nullable
    private String passwordHash;

    public CredoUser(
            UUID personId,
            String email,
            String displayName,
            UUID organizationId,
            String organizationName,
            String zoneId,
            Set<Role> roles,
            @Nullable String passwordHash,
            boolean enabled,
            boolean locked) {
        this.personId = personId;
        this.email = email;
        this.displayName = displayName;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.zoneId = zoneId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    /** The same person in the same organization with another set of roles. */
    public CredoUser withRoles(Set<Role> newRoles) {
        return new CredoUser(
                personId,
                email,
                displayName,
                organizationId,
                organizationName,
                zoneId,
                newRoles,
                null,
                enabled,
                locked);
    }

    public UUID personId() {
        return personId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String organizationName() {
        return organizationName;
    }

    /** The organization's time zone, in which times are shown to this user. */
    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .collect(Collectors.toList());
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CredoUser that
                && personId.equals(that.personId)
                && organizationId.equals(that.organizationId)
                && roles.equals(that.roles);
    }

    @Override
    public int hashCode() {
        return personId.hashCode() * 31 + organizationId.hashCode();
    }

    @Override
    public String toString() {
        return "CredoUser[" + email + " in " + organizationName + " as " + roles + "]";
    }
}
