package org.credo.platform.people;

import java.util.EnumSet;
import java.util.Set;
import org.credo.platform.Role;

/** The invitation form as typed, kept when it comes back with errors. */
public class InvitationForm {

    private String email = "";
    private String displayName = "";
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles;
    }

    Invitation toInvitation() {
        return new Invitation(email.trim(), displayName.trim(), roles);
    }
}
