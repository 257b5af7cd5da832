package org.credo.platform;

import java.util.Set;

/**
 * An entry in the main navigation. Modules declare them as beans; the layout shows each one to the
 * people who hold one of its roles.
 */
public record NavItem(String label, String href, Set<Role> roles, int order) {}
