package org.credo.registration.web;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may reach registration: a learner their own schedule; the registrar every section's enrollments, with
 * overrides; an integrator the enrollment API (bulk registration included).
 */
@Configuration
class RegistrationAccess {

    static final String[] STAFF = {"REGISTRAR"};
    static final String[] API = {"REGISTRAR", "INTEGRATOR"};
    static final String[] LEARNER = {"LEARNER"};

    @Bean
    AccessRules registrationAccessRules() {
        return rules -> rules.requestMatchers(org.springframework.http.HttpMethod.GET, "/calendar/*.ics")
                .permitAll()
                .requestMatchers("/calendar", "/calendar/feed", "/calendar/feed/**")
                .hasAnyRole("LEARNER", "INSTRUCTOR")
                .requestMatchers("/registration", "/registration/**")
                .hasAnyRole(LEARNER)
                .requestMatchers("/api/v1/me/registration", "/api/v1/me/registration/**")
                .hasAnyRole(LEARNER)
                .requestMatchers("/teach/rosters/**")
                .hasAnyRole("INSTRUCTOR")
                .requestMatchers("/manage/registration", "/manage/registration/**")
                .hasAnyRole(STAFF)
                .requestMatchers(
                        "/api/v1/registration/sections/*/permissions",
                        "/api/v1/registration/sections/*/permissions/*",
                        "/api/v1/registration/sections/*/waitlist-settings")
                .hasAnyRole(STAFF)
                .requestMatchers("/api/v1/registration", "/api/v1/registration/**")
                .hasAnyRole(API);
    }

    @Bean
    NavItem registrationNav() {
        return new NavItem("Registration", "/registration", EnumSet.of(Role.LEARNER), 115);
    }

    @Bean
    NavItem enrollmentsNav() {
        return new NavItem("Enrollments", "/manage/registration", EnumSet.of(Role.REGISTRAR), 275);
    }
}
