package org.credo.notifications.web;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may see email deliveries, and the navigation entry. */
@Configuration
class NotificationsAccess {

    @Bean
    AccessRules notificationsAccessRules() {
        return rules -> rules.requestMatchers("/manage/notifications", "/manage/notifications/**")
                .hasAnyRole(Role.ADMINISTRATOR.name(), Role.REGISTRAR.name());
    }

    @Bean
    NavItem notificationsNav() {
        return new NavItem("Email", "/manage/notifications", Set.of(Role.ADMINISTRATOR, Role.REGISTRAR), 900);
    }
}
