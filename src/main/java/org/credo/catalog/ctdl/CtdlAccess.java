package org.credo.catalog.ctdl;

import org.credo.platform.AccessRules;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The bulk CTDL export is for catalog editors and integrators; single public documents need no sign-in. */
@Configuration
class CtdlAccess {

    /** Ahead of broader /api/v1/catalog rules, which would otherwise match first. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    AccessRules ctdlAccessRules() {
        return rules -> rules.requestMatchers("/api/v1/catalog/ctdl", "/api/v1/catalog/ctdl/**")
                .hasAnyRole(Role.CATALOG_EDITOR.name(), Role.ADMINISTRATOR.name(), Role.INTEGRATOR.name());
    }
}
