package org.credo.admissions.crm.web;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach the admissions CRM: admissions officers and administrators use campaigns, the funnel and person
 * timelines; anyone holding an email's signed link may unsubscribe, without signing in and without a CSRF token
 * (a mail client's one-click POST, RFC 8058, carries none).
 */
@Configuration
class CrmAccess {

    static final String[] OFFICE = {"ADMISSIONS_OFFICER", "ADMINISTRATOR"};
    static final String UNSUBSCRIBE = "/unsubscribe/*";

    @Bean
    AccessRules admissionsCrmAccessRules() {
        return rules -> rules.requestMatchers(
                        "/manage/admissions/campaigns",
                        "/manage/admissions/campaigns/**",
                        "/manage/admissions/funnel",
                        "/manage/admissions/funnel/**",
                        "/manage/admissions/people",
                        "/manage/admissions/people/**",
                        "/api/v1/admissions/campaigns",
                        "/api/v1/admissions/campaigns/**",
                        "/api/v1/admissions/funnel",
                        "/api/v1/admissions/people/*/timeline")
                .hasAnyRole(OFFICE);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    SecurityFilterChain unsubscribeChain(HttpSecurity http) throws Exception {
        http.securityMatcher(UNSUBSCRIBE)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, UNSUBSCRIBE)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, UNSUBSCRIBE)
                        .permitAll()
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    @Bean
    NavItem campaignsNav() {
        return new NavItem(
                "Campaigns",
                "/manage/admissions/campaigns",
                EnumSet.of(Role.ADMISSIONS_OFFICER, Role.ADMINISTRATOR),
                320);
    }
}
