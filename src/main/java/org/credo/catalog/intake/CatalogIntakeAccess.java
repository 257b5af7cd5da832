package org.credo.catalog.intake;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Who may keep program starts and read inquiries, and their navigation entry. */
@Configuration
class CatalogIntakeAccess {

    /** Ahead of broader /manage/catalog rules, which would otherwise match first. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    AccessRules catalogIntakeAccessRules() {
        return rules -> rules.requestMatchers("/manage/catalog/intakes", "/manage/catalog/intakes/**")
                .hasAnyRole(Role.CATALOG_EDITOR.name(), Role.ADMINISTRATOR.name())
                .requestMatchers("/manage/catalog/inquiries", "/manage/catalog/inquiries/**")
                .hasAnyRole(Role.ADMISSIONS_OFFICER.name(), Role.CATALOG_EDITOR.name(), Role.ADMINISTRATOR.name());
    }

    @Bean
    NavItem catalogInquiriesNav() {
        return new NavItem(
                "Inquiries",
                "/manage/catalog/inquiries",
                Set.of(Role.ADMISSIONS_OFFICER, Role.CATALOG_EDITOR, Role.ADMINISTRATOR),
                215);
    }

    @Bean
    NavItem catalogIntakesNav() {
        return new NavItem("Program starts", "/manage/catalog/intakes", Set.of(Role.CATALOG_EDITOR), 216);
    }
}
