package org.credo.catalog.web;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may reach the catalog's staff pages and REST API: curriculum staff read; authors (and catalog
 * editors, registrars, administrators) propose; reviewers decide (the step's role or group is checked
 * by the domain); administrators edit the approval chain; auditors read.
 */
@Configuration
class CatalogAccess {

    static final String[] READERS = {
        "ADMINISTRATOR", "REGISTRAR", "CURRICULUM_AUTHOR", "COMMITTEE_MEMBER", "CATALOG_EDITOR", "AUDITOR"
    };
    static final String[] API_READERS = {
        "ADMINISTRATOR", "REGISTRAR", "CURRICULUM_AUTHOR", "COMMITTEE_MEMBER", "CATALOG_EDITOR", "AUDITOR", "INTEGRATOR"
    };
    static final String[] PROPOSERS = {"CURRICULUM_AUTHOR", "CATALOG_EDITOR", "REGISTRAR", "ADMINISTRATOR"};
    static final String[] DECIDERS = {
        "COMMITTEE_MEMBER", "REGISTRAR", "ADMINISTRATOR", "CURRICULUM_AUTHOR", "CATALOG_EDITOR"
    };
    static final String[] CHAIN_EDITORS = {"ADMINISTRATOR"};
    static final String[] IMPORTERS = {"ADMINISTRATOR", "REGISTRAR", "CATALOG_EDITOR"};
    static final String[] API_IMPORTERS = {"ADMINISTRATOR", "REGISTRAR", "CATALOG_EDITOR", "INTEGRATOR"};

    @Bean
    AccessRules catalogAccessRules() {
        return rules -> rules
                // Staff pages.
                .requestMatchers("/manage/catalog/import", "/manage/catalog/import/**")
                .hasAnyRole(IMPORTERS)
                .requestMatchers(HttpMethod.POST, "/manage/catalog/chain", "/manage/catalog/chain/**")
                .hasAnyRole(CHAIN_EDITORS)
                .requestMatchers(HttpMethod.POST, "/manage/catalog/proposals/*/decisions")
                .hasAnyRole(DECIDERS)
                .requestMatchers(HttpMethod.POST, "/manage/catalog/proposals", "/manage/catalog/proposals/**")
                .hasAnyRole(PROPOSERS)
                .requestMatchers(
                        "/manage/catalog/proposals/new",
                        "/manage/catalog/proposals/*/edit",
                        "/manage/catalog/proposals/course-options")
                .hasAnyRole(PROPOSERS)
                .requestMatchers(HttpMethod.GET, "/manage/catalog", "/manage/catalog/**")
                .hasAnyRole(READERS)
                // REST API.
                .requestMatchers("/api/v1/catalog/imports", "/api/v1/catalog/imports/**")
                .hasAnyRole(API_IMPORTERS)
                .requestMatchers(HttpMethod.GET, "/api/v1/catalog/approval-chain", "/api/v1/catalog/approval-chain/**")
                .hasAnyRole(API_READERS)
                .requestMatchers("/api/v1/catalog/approval-chain", "/api/v1/catalog/approval-chain/**")
                .hasAnyRole(CHAIN_EDITORS)
                .requestMatchers(HttpMethod.POST, "/api/v1/catalog/proposals/*/decisions")
                .hasAnyRole(DECIDERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/catalog/proposals", "/api/v1/catalog/proposals/**")
                .hasAnyRole(PROPOSERS)
                .requestMatchers(HttpMethod.PUT, "/api/v1/catalog/**")
                .hasAnyRole(PROPOSERS)
                .requestMatchers(HttpMethod.GET, "/api/v1/catalog", "/api/v1/catalog/**")
                .hasAnyRole(API_READERS);
    }

    /** One entry in the main navigation; the catalog pages have their own tabs (courses, programs, chain, import). */
    @Bean
    NavItem curriculumNav() {
        return new NavItem("Curriculum", "/manage/catalog/proposals", roles(READERS), 200);
    }

    static Set<Role> roles(String[] names) {
        var set = java.util.EnumSet.noneOf(Role.class);
        for (var n : names) {
            set.add(Role.valueOf(n));
        }
        return set;
    }
}
