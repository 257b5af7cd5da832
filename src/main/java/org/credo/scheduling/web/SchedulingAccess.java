package org.credo.scheduling.web;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may reach scheduling: the registrar keeps terms, rooms, instructors' limits and sections; an instructor reads
 * the sections they teach.
 */
@Configuration
class SchedulingAccess {

    @Bean
    AccessRules schedulingAccessRules() {
        return rules -> rules.requestMatchers("/manage/scheduling", "/manage/scheduling/**")
                .hasRole("REGISTRAR")
                .requestMatchers(
                        "/api/v1/terms",
                        "/api/v1/terms/**",
                        "/api/v1/sections",
                        "/api/v1/sections/**",
                        "/api/v1/buildings",
                        "/api/v1/buildings/**",
                        "/api/v1/rooms",
                        "/api/v1/rooms/**",
                        "/api/v1/instructors",
                        "/api/v1/instructors/**")
                .hasRole("REGISTRAR")
                .requestMatchers("/teach/sections", "/teach/sections/**", "/api/v1/me/sections")
                .hasRole("INSTRUCTOR");
    }

    @Bean
    NavItem schedulingNav() {
        return new NavItem("Scheduling", "/manage/scheduling/terms", EnumSet.of(Role.REGISTRAR), 240);
    }

    @Bean
    NavItem teachingNav() {
        return new NavItem("My sections", "/teach/sections", EnumSet.of(Role.INSTRUCTOR), 110);
    }
}
