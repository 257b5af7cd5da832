package org.credo.audittrail.web;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's entry in the main navigation and its access rules. */
@Configuration
class AuditNavigation {

    @Bean
    NavItem auditNav() {
        return new NavItem("Audit trail", "/audit", Set.of(Role.AUDITOR, Role.ADMINISTRATOR), 950);
    }

    /** Only auditors and administrators read the trail. */
    @Bean
    AccessRules auditAccessRules() {
        return rules -> rules.requestMatchers("/audit", "/audit/**", "/api/v1/audit/**")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMINISTRATOR.name());
    }
}
