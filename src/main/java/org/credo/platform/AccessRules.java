package org.credo.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL rules: who may call its paths, checked before a request body is even read. Each
 * module declares one as a bean; the platform applies them all ahead of "signed in" for the rest.
 * Controllers repeat the rule with {@code @PreAuthorize} as a second line of defence.
 */
@FunctionalInterface
public interface AccessRules {

    /** Adds request matchers with their required roles. */
    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
