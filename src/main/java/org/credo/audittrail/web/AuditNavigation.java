package org.credo.audittrail.web;

import java.util.Set;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's entry in the main navigation. */
@Configuration
class AuditNavigation {

    @Bean
    NavItem auditNav() {
        return new NavItem("Audit trail", "/audit", Set.of(Role.AUDITOR, Role.ADMINISTRATOR), 950);
    }
}
