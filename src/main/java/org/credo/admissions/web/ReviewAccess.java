package org.credo.admissions.web;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Who may reach decision letters and reason codes (admissions officers and administrators), reviews, the committee
 * view, decisions and releases (admissions officers), and an applicant's own
 * decision page (applicants and, once matriculated, learners; the page checks the application is theirs). Ordered
 * early, so these paths are decided here before any broader rule of the applicant portal.
 */
@Configuration
class ReviewAccess {

    static final String[] OFFICERS = {"ADMISSIONS_OFFICER"};
    static final String[] APPLICANTS = {"APPLICANT", "LEARNER"};
    static final String[] OFFICE = {"ADMISSIONS_OFFICER", "ADMINISTRATOR"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    AccessRules admissionsReviewAccessRules() {
        return rules -> rules.requestMatchers(
                        "/manage/admissions/letters",
                        "/manage/admissions/letters/**",
                        "/manage/admissions/reasons",
                        "/manage/admissions/reasons/**",
                        "/api/v1/admissions/letters",
                        "/api/v1/admissions/letters/**",
                        "/api/v1/admissions/decisions/reasons",
                        "/api/v1/admissions/decisions/reasons/**")
                .hasAnyRole(OFFICE)
                .requestMatchers(
                        "/manage/admissions/reviews",
                        "/manage/admissions/reviews/**",
                        "/manage/admissions/committee",
                        "/manage/admissions/committee/**",
                        "/manage/admissions/decisions",
                        "/manage/admissions/decisions/**",
                        "/manage/admissions/releases",
                        "/manage/admissions/releases/**",
                        "/api/v1/admissions/reviews",
                        "/api/v1/admissions/reviews/**",
                        "/api/v1/admissions/decisions",
                        "/api/v1/admissions/decisions/**",
                        "/api/v1/admissions/releases",
                        "/api/v1/admissions/releases/**")
                .hasAnyRole(OFFICERS)
                .requestMatchers(
                        "/apply/applications/*/decision",
                        "/apply/applications/*/decision/**",
                        "/api/v1/me/applications/*/decision",
                        "/api/v1/me/applications/*/decision/**")
                .hasAnyRole(APPLICANTS);
    }

    @Bean
    NavItem admissionsReviewsNav() {
        return new NavItem("Reviews", "/manage/admissions/reviews", EnumSet.of(Role.ADMISSIONS_OFFICER), 310);
    }

    @Bean
    NavItem admissionsCommitteeNav() {
        return new NavItem("Committee", "/manage/admissions/committee", EnumSet.of(Role.ADMISSIONS_OFFICER), 311);
    }
}
