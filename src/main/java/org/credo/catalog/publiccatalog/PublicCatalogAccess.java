package org.credo.catalog.publiccatalog;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/** The public catalog needs no sign-in: pages, inquiries, brochures, CTDL of single items and the sitemap. */
@Configuration
class PublicCatalogAccess {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    AccessRules publicCatalogAccessRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/catalog", "/catalog/**", "/sitemap.xml")
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, "/catalog", "/catalog/**", "/sitemap.xml")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/catalog/programs/*/inquiries", "/catalog/*/programs/*/inquiries")
                .permitAll();
    }

    @Bean
    NavItem publicCatalogNav() {
        return new NavItem("Catalog", "/catalog", Set.of(), 790);
    }
}
