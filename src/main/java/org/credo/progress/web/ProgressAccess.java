package org.credo.progress.web;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may reach progress: a learner their own audit and what-ifs; the registrar any learner's; an integrator the
 * audit API. Advisors will read their caseload's audits once advising exists.
 */
@Configuration
class ProgressAccess {

    @Bean
    AccessRules progressAccessRules() {
        return rules -> rules.requestMatchers("/progress", "/api/v1/me/audit")
                .hasRole("LEARNER")
                .requestMatchers("/progress/learners", "/progress/learners/**", "/progress/batch", "/progress/batch/**")
                .hasRole("REGISTRAR")
                .requestMatchers("/api/v1/audits", "/api/v1/audits/**")
                .hasAnyRole("REGISTRAR", "INTEGRATOR")
                .requestMatchers("/api/v1/grade-scale")
                .hasAnyRole("REGISTRAR", "INSTRUCTOR", "INTEGRATOR");
    }

    @Bean
    NavItem progressNav() {
        return new NavItem("Progress", "/progress", EnumSet.of(Role.LEARNER), 116);
    }

    @Bean
    NavItem auditsNav() {
        return new NavItem("Degree audits", "/progress/learners", EnumSet.of(Role.REGISTRAR), 276);
    }
}
