package org.credo.scheduling.timetabling.web;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The timetabling solver is the registrar's: its pages and its REST API. */
@Configuration
class TimetablingAccess {

    @Bean
    AccessRules timetablingAccessRules() {
        return rules -> rules.requestMatchers(
                        "/manage/scheduling/timetabling",
                        "/manage/scheduling/timetabling/**",
                        "/api/v1/timetabling-runs",
                        "/api/v1/timetabling-runs/**")
                .hasRole(Role.REGISTRAR.name());
    }

    @Bean
    NavItem timetablingNav() {
        return new NavItem("Timetabling", "/manage/scheduling/timetabling", EnumSet.of(Role.REGISTRAR), 285);
    }
}
