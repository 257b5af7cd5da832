/**
 * Organizations, people, roles, sign-in, API tokens, the UI shell, API conventions and settings.
 *
 * <p>Every other module builds on this one: it names the caller ({@link org.credo.platform.CredoUser}),
 * the roles ({@link org.credo.platform.Role}), the {@link org.credo.platform.Audited} contract that
 * every state-changing event implements, and the paging convention of the REST API.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package org.credo.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
