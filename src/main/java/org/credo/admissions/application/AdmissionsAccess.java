package org.credo.admissions.application;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may reach cycles, forms and applications: admissions officers and administrators run them; an applicant
 * reaches only the portal under /apply and the own-applications API.
 */
@Configuration
class AdmissionsAccess {

    static final String[] STAFF = {"ADMISSIONS_OFFICER", "ADMINISTRATOR"};
    static final String[] APPLICANT = {"APPLICANT"};
    static final String[] AGENTS = {"ADMISSIONS_OFFICER", "ADMINISTRATOR", "INTEGRATOR"};

    @Bean
    AccessRules admissionsApplicationsAccessRules() {
        // Before the rule of /api/v1/applications/**: an integration may upload documents and submit on a person's
        // behalf.
        return rules -> rules.requestMatchers(
                        HttpMethod.POST, "/api/v1/applications/*/documents", "/api/v1/applications/*/submit")
                .hasAnyRole(AGENTS)
                .requestMatchers("/manage/admissions/cycles", "/manage/admissions/cycles/**")
                .hasAnyRole(STAFF)
                .requestMatchers("/manage/admissions/applications", "/manage/admissions/applications/**")
                .hasAnyRole(STAFF)
                .requestMatchers("/manage/admissions/emails", "/manage/admissions/emails/**")
                .hasAnyRole(STAFF)
                .requestMatchers("/api/v1/admissions/cycles", "/api/v1/admissions/cycles/**")
                .hasAnyRole(STAFF)
                .requestMatchers("/api/v1/applications", "/api/v1/applications/**")
                .hasAnyRole(STAFF)
                .requestMatchers("/api/v1/me/applications", "/api/v1/me/applications/**")
                .hasAnyRole(APPLICANT)
                .requestMatchers("/apply", "/apply/applications", "/apply/applications/**", "/apply/cycles/**")
                .hasAnyRole(APPLICANT);
    }

    @Bean
    NavItem admissionsNav() {
        return new NavItem(
                "Admissions",
                "/manage/admissions/applications",
                EnumSet.of(Role.ADMISSIONS_OFFICER, Role.ADMINISTRATOR),
                240);
    }

    @Bean
    NavItem applyNav() {
        return new NavItem("My applications", "/apply", EnumSet.of(Role.APPLICANT), 100);
    }
}
