package org.credo.learners.web;

import java.util.EnumSet;
import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may reach learner records and holds: the registrar and admissions manage records, advisors read them, a
 * learner reads their own; the offices that own hold types place and release holds; the registrar defines hold
 * types and the learner-number format.
 */
@Configuration
class LearnersAccess {

    static final String[] MANAGERS = {"REGISTRAR", "ADMISSIONS_OFFICER"};
    static final String[] READERS = {"REGISTRAR", "ADMISSIONS_OFFICER", "ADVISOR"};
    static final String[] HOLD_OFFICES = {"REGISTRAR", "ADMISSIONS_OFFICER", "ADVISOR", "BURSAR"};
    static final String[] SETTINGS = {"REGISTRAR"};
    static final String[] LEARNER = {"LEARNER"};
    static final String[] MERGE_READERS = {"REGISTRAR", "ADMISSIONS_OFFICER", "ADMINISTRATOR"};

    @Bean
    AccessRules learnersAccessRules() {
        return rules -> rules
                // Duplicates and merges (ADR 0035): the offices that create records merge them; an administrator
                // undoes.
                .requestMatchers("/manage/learners/merges/*/undo", "/api/v1/learners/merges/*/undo")
                .hasRole("ADMINISTRATOR")
                .requestMatchers(HttpMethod.GET, "/manage/learners/merges", "/api/v1/learners/merges")
                .hasAnyRole(MERGE_READERS)
                .requestMatchers(
                        "/manage/learners/duplicates",
                        "/manage/learners/duplicates/**",
                        "/manage/learners/*/merge/*",
                        "/api/v1/learners/duplicates",
                        "/api/v1/learners/duplicates/**",
                        "/api/v1/learners/*/merges")
                .hasAnyRole(MANAGERS)
                // Staff pages.
                .requestMatchers("/manage/learners/settings")
                .hasAnyRole(SETTINGS)
                .requestMatchers("/manage/holds/types", "/manage/holds/types/**")
                .hasAnyRole(SETTINGS)
                .requestMatchers("/manage/holds", "/manage/holds/**")
                .hasAnyRole(HOLD_OFFICES)
                .requestMatchers(
                        "/manage/learners/new",
                        "/manage/learners/*/edit",
                        "/manage/learners/import",
                        "/manage/learners/import/**")
                .hasAnyRole(MANAGERS)
                .requestMatchers(HttpMethod.GET, "/manage/learners", "/manage/learners/**")
                .hasAnyRole(READERS)
                .requestMatchers("/manage/learners", "/manage/learners/**")
                .hasAnyRole(MANAGERS)
                .requestMatchers("/me/record", "/me/record/**")
                .hasAnyRole(LEARNER)
                // REST API.
                .requestMatchers(HttpMethod.GET, "/api/v1/hold-types", "/api/v1/hold-types/**")
                .hasAnyRole(HOLD_OFFICES)
                .requestMatchers("/api/v1/hold-types", "/api/v1/hold-types/**")
                .hasAnyRole(SETTINGS)
                .requestMatchers("/api/v1/holds", "/api/v1/holds/**")
                .hasAnyRole(HOLD_OFFICES)
                .requestMatchers(HttpMethod.GET, "/api/v1/learners", "/api/v1/learners/**")
                .hasAnyRole(READERS)
                .requestMatchers("/api/v1/learners", "/api/v1/learners/**")
                .hasAnyRole(MANAGERS)
                .requestMatchers("/api/v1/me/record", "/api/v1/me/record/**")
                .hasAnyRole(LEARNER);
    }

    @Bean
    NavItem learnersNav() {
        return new NavItem("Learners", "/manage/learners", roles(READERS), 250);
    }

    @Bean
    NavItem holdsNav() {
        return new NavItem("Holds", "/manage/holds", roles(HOLD_OFFICES), 260);
    }

    @Bean
    NavItem myRecordNav() {
        return new NavItem("My record", "/me/record", roles(LEARNER), 120);
    }

    static Set<Role> roles(String[] names) {
        var set = EnumSet.noneOf(Role.class);
        for (var n : names) {
            set.add(Role.valueOf(n));
        }
        return set;
    }
}
