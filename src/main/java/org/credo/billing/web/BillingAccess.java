package org.credo.billing.web;

import java.util.EnumSet;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may reach billing: a learner their own account; the bursar everything; the auditor reads; the payment
 * provider's webhook is open, as its signature authenticates it.
 */
@Configuration
class BillingAccess {

    @Bean
    AccessRules billingAccessRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/v1/billing/webhooks/*/stripe")
                .permitAll()
                .requestMatchers("/account", "/account/statement.pdf")
                .hasRole("LEARNER")
                .requestMatchers("/api/v1/me/billing", "/api/v1/me/billing/**")
                .hasRole("LEARNER")
                .requestMatchers(HttpMethod.GET, "/manage/billing", "/manage/billing/**")
                .hasAnyRole("BURSAR", "AUDITOR")
                .requestMatchers("/manage/billing", "/manage/billing/**")
                .hasRole("BURSAR")
                .requestMatchers(HttpMethod.GET, "/api/v1/billing/**")
                .hasAnyRole("BURSAR", "AUDITOR")
                .requestMatchers("/api/v1/billing/**")
                .hasRole("BURSAR");
    }

    @Bean
    NavItem accountNav() {
        return new NavItem("Account", "/account", EnumSet.of(Role.LEARNER), 118);
    }

    @Bean
    NavItem billingNav() {
        return new NavItem("Billing", "/manage/billing", EnumSet.of(Role.BURSAR, Role.AUDITOR), 285);
    }
}
