package org.credo.credentials.web;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may reach the credentials module's paths, and its navigation entries. */
@Configuration
class CredentialsAccess {

    static final String[] ISSUERS = {Role.REGISTRAR.name(), Role.ADMINISTRATOR.name()};
    static final String[] API_ISSUERS = {Role.REGISTRAR.name(), Role.ADMINISTRATOR.name(), Role.INTEGRATOR.name()};
    static final String[] AUTHORS = {Role.REGISTRAR.name(), Role.ADMINISTRATOR.name(), Role.CURRICULUM_AUTHOR.name()};

    @Bean
    AccessRules credentialsAccessRules() {
        return rules -> rules
                // Public: verification, status lists, DID documents, achievement descriptions.
                .requestMatchers(
                        "/verify", "/verify/**", "/status/**", "/.well-known/did.json", "/organizations/*/did.json")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/achievements/*")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/credentials/verify", "/presentations/verify")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/credentials/issue")
                .hasAnyRole(API_ISSUERS)
                // Staff pages and the REST API.
                .requestMatchers("/manage/issuer", "/manage/issuer/**")
                .hasRole(Role.ADMINISTRATOR.name())
                .requestMatchers("/manage/achievements", "/manage/achievements/**")
                .hasAnyRole(AUTHORS)
                .requestMatchers("/manage/credentials", "/manage/credentials/**", "/manage/bulk", "/manage/bulk/**")
                .hasAnyRole(ISSUERS)
                .requestMatchers(
                        "/api/v1/credentials",
                        "/api/v1/credentials/**",
                        "/api/v1/achievements",
                        "/api/v1/achievements/**",
                        "/api/v1/bulk-issuance",
                        "/api/v1/bulk-issuance/**")
                .hasAnyRole(API_ISSUERS);
    }

    @Bean
    NavItem credentialsNav() {
        return new NavItem("Credentials", "/manage/credentials", Set.of(Role.REGISTRAR, Role.ADMINISTRATOR), 100);
    }

    @Bean
    NavItem achievementsNav() {
        return new NavItem(
                "Achievements",
                "/manage/achievements",
                Set.of(Role.REGISTRAR, Role.ADMINISTRATOR, Role.CURRICULUM_AUTHOR),
                110);
    }

    @Bean
    NavItem issuerNav() {
        return new NavItem("Issuer", "/manage/issuer", Set.of(Role.ADMINISTRATOR), 920);
    }

    @Bean
    NavItem verifyNav() {
        return new NavItem("Verify", "/verify", Set.of(), 800);
    }
}
