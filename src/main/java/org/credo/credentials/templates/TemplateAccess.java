package org.credo.credentials.templates;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registrars and administrators word the organization's claim email and certificate. */
@Configuration
class TemplateAccess {

    @Bean
    AccessRules templateAccessRules() {
        return rules -> rules.requestMatchers("/manage/templates", "/manage/templates/**")
                .hasAnyRole(Role.REGISTRAR.name(), Role.ADMINISTRATOR.name());
    }

    @Bean
    NavItem templatesNav() {
        return new NavItem("Templates", "/manage/templates", Set.of(Role.REGISTRAR, Role.ADMINISTRATOR), 925);
    }
}
